// Stand-in for node:child_process in the CLI bundle (scripts/bundle.mjs): the real module is loaded on first use.
// commander requires child_process when it loads, only to start executable subcommands (splq has none); loading it
// (and net, dgram, ... with it) cost every start-up ~8 M instructions.
'use strict';
let real;
const load = () => (real ??= require('node:child_process'));
module.exports = new Proxy({}, {
  get: (_, key) => load()[key],
  has: (_, key) => key in load(),
  ownKeys: () => Reflect.ownKeys(load()),
  getOwnPropertyDescriptor: (_, key) => {
    const d = Reflect.getOwnPropertyDescriptor(load(), key);
    return d && { ...d, configurable: true };
  },
});
