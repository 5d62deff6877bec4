// Property tests' seed: fixed when SPLQ_FC_SEED is set (.ci/run sets it, so a CI run is repeatable), random otherwise.
import fc from 'fast-check';

const seed = process.env.SPLQ_FC_SEED;
if (seed !== undefined && seed !== '') fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: Number(seed) });
