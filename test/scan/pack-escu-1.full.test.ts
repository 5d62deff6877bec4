// Pack mode over the ESCU corpus, shard 1 of 2 (see pack-escu-shard.ts).
import { describePackShard } from './pack-escu-shard.js';

describePackShard(0, 2);
