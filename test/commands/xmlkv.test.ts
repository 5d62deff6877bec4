// xmlkv: leaf <key>value</key> elements become fields, from _raw or a named field, around non-XML text.
import { describe, expect, it } from 'vitest';
import { Event } from '../../src/runtime/event.js';
import { runEvents, runQuery } from '../helpers/run.js';

describe('xmlkv', () => {
  it('extracts leaf elements from _raw by default', () => {
    const [out] = runEvents('* | xmlkv', [new Event(undefined, '<doc><foo>bar</foo><n attr="1">5</n></doc>')]);
    expect(out!.toObject()).toEqual({ foo: 'bar', n: '5' });
  });

  it('reads the XML inside a field that also holds prose (corpus `xmlkv Message`, event 4698)', () => {
    const Message = 'A scheduled task was created.\r\nTask Content: <?xml version="1.0"?><Task><Actions><Exec><Command>C:\\Windows\\rundll32.exe</Command><Arguments>a.dll,Start &amp; go</Arguments></Exec></Actions><Settings><Enabled>true</Enabled><Hidden>false</Hidden></Settings></Task>';
    const [out] = runQuery('* | xmlkv Message', [{ Message }]);
    expect(out).toMatchObject({ Command: 'C:\\Windows\\rundll32.exe', Arguments: 'a.dll,Start & go', Enabled: 'true', Hidden: 'false' });
  });

  it('a repeated key becomes a multivalue', () => {
    expect(runQuery('* | xmlkv x', [{ x: '<a><v>1</v><v>2</v></a>' }])[0]!.v).toEqual(['1', '2']);
  });

  it('maxinputs=N extracts from the first N results only', () => {
    const out = runQuery('* | xmlkv maxinputs=1 x', [{ x: '<v>1</v>' }, { x: '<v>2</v>' }]);
    expect(out.map((r) => r.v)).toEqual(['1', undefined]);
  });
});
