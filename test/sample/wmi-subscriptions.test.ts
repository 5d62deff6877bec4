// Tests of the MOF rendering used in WMI 5861 binding messages.
import { describe, expect, it } from 'vitest';
import { bindingMessage, consumerLabel, MALICIOUS_SUBSCRIPTIONS, SCM_SUBSCRIPTION, sidBytes } from '../../src/sample/wmi-subscriptions.js';

describe('sidBytes', () => {
  it('renders a domain SID as the CreatorSID byte list Windows prints', () => {
    // Pair taken from a real recorded 5859 OwnerName and the matching 5861 CreatorSID.
    expect(sidBytes('S-1-5-21-791464340-1796667228-2788435825-1112'))
      .toBe('1, 5, 0, 0, 0, 0, 0, 5, 21, 0, 0, 0, 148, 201, 44, 47, 92, 247, 22, 107, 113, 39, 52, 166, 88, 4, 0, 0');
  });
});

describe('bindingMessage', () => {
  it('names the consumer so that the detection rex extracts exactly its label', () => {
    for (const subscription of [SCM_SUBSCRIPTION, ...MALICIOUS_SUBSCRIPTIONS]) {
      const message = bindingMessage(subscription, '1, 2, 0, 0, 0, 0, 0, 5, 32, 0, 0, 0, 32, 2, 0, 0');
      expect(/Consumer =\s+(?<consumer>[^;|^$]+)/.exec(message)?.groups?.consumer).toBe(consumerLabel(subscription));
    }
  });

  it('escapes backslashes, quotes and newlines in MOF strings and prints booleans upper case', () => {
    const [commandLine, script] = MALICIOUS_SUBSCRIPTIONS;
    expect(bindingMessage(commandLine!, '1')).toContain('CommandLineTemplate = "C:\\\\Windows\\\\System32\\\\');
    expect(bindingMessage(commandLine!, '1')).toContain('\tRunInteractively = FALSE;\r\n');
    const scriptMessage = bindingMessage(script!, '1');
    expect(scriptMessage).toContain('ScriptText = "Set http = CreateObject(\\"MSXML2.ServerXMLHTTP\\")\\nhttp.open');
    expect(scriptMessage).toContain('\tEventNamespace = "root\\\\cimv2";\r\n');
  });
});
