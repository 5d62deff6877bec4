// `top [N] [options] fields [by fields]`: the most common value combinations with count and percent.
import { topLikeCommand } from './top-counts.js';

export const topCommand = topLikeCommand('top', 1);
