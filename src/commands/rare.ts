// `rare [N] [options] fields [by fields]`: the least common value combinations with count and percent.
import { topLikeCommand } from './top-counts.js';

export const rareCommand = topLikeCommand('rare', -1);
