// Worker thread entry (tsc build, source, bundles other than the CLI's): run the worker's loop.
import { runWorkerLoop } from './worker-loop.js';

runWorkerLoop();
