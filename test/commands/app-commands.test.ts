// Commands from Splunk apps (MLTK's apply/fit/score/summary, CyberChef) fail clearly, naming the app.
import { describe, expect, it } from 'vitest';
import { compileError } from '../helpers/run.js';

describe('commands that need a Splunk app', () => {
  it.each([
    ['search * | apply smb_pdfmodel threshold=0.001', 'Splunk Machine Learning Toolkit'],
    ['search * | fit DensityFunction x', 'Splunk Machine Learning Toolkit'],
    ['search * | join user [summary cloud_excessive_api_calls_v1]', 'Splunk Machine Learning Toolkit'],
    ['search * | cyberchef infield="a" outfield="b" jsonrecipe="[]"', 'CyberChef for Splunk'],
  ])('%s', (query, app) => {
    const err = compileError(query);
    expect(err.code).toBe('needs-app');
    expect(err.message).toContain(`needs the ${app} app`);
  });
});
