// stats sparkline: per-bucket counts with Splunk's marker value, mergeable like every aggregate.
import { describe, expect, it } from 'vitest';
import { compileError, runQuery } from '../helpers/run.js';

describe('stats sparkline', () => {
  const events = [0, 10, 3700, 3800, 3900, 11000].map((t, i) => ({ _time: t, host: i < 4 ? 'a' : 'b', x: i % 2 ? 'v' : undefined }));
  it('bare sparkline counts events per hour from the group\'s first to last bucket', () => {
    expect(runQuery('search * | stats sparkline count by host', events)).toEqual([
      { host: 'a', sparkline: ['##__SPARKLINE__##', 2, 2], count: 4 },
      { host: 'b', sparkline: ['##__SPARKLINE__##', 1, 0, 1], count: 2 },
    ]);
  });
  it('sparkline(count(x), 1d) counts values of x per day', () => {
    expect(runQuery('search * | stats sparkline(count(x), 1d) AS s', events)).toEqual([{ s: ['##__SPARKLINE__##', 3] }]);
  });
  it('other inner functions are not supported yet, with a span', () => {
    const err = compileError('search * | stats sparkline(avg(x), 1h)');
    expect(err.message).toMatch(/sparkline\(avg\(x\)\) is not supported yet/);
  });
});
