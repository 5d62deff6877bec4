// Pack mode over the ESCU corpus, shard 2 of 2 (see pack-escu-shard.ts).
import { describePackShard } from './pack-escu-shard.js';

describePackShard(1, 2);
