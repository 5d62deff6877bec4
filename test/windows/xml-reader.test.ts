// XmlWinEventLog reader on self-made fixtures: fields, multivalues, _raw, line numbers, error recovery, chunking.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { SplError } from '../../src/errors.js';
import { looksLikeXmlEvents, readXmlEvents, xmlRecordToEvent, type XmlReadItem } from '../../src/input/windows/xml-reader.js';
import { parseXmlText, xmlEvent } from './helpers.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'splq-xml-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('XmlEventParser fields', () => {
  const data =
    "<Data Name='CommandLine'>cmd.exe /c &quot;a &amp; b&quot; &lt;x&gt;</Data><Data Name='Hash'>MD5=1</Data>" +
    "<Data Name='Hash'>SHA1=2</Data><Data>first</Data><Data>second</Data><Data Name='RuleName'></Data>";
  const { records, errors } = parseXmlText([xmlEvent({ eventData: data }) + '\n']);
  const fields = records[0]!.fields;

  it('reads System elements and attributes under Splunk names', () => {
    expect(errors).toEqual([]);
    expect(fields).toMatchObject({
      EventCode: '4688', EventID: '4688', Computer: 'host1.corp.local', ComputerName: 'host1.corp.local',
      Channel: 'Security', EventRecordID: '1', Provider: 'Microsoft-Windows-Security-Auditing',
      SourceName: 'Microsoft-Windows-Security-Auditing', Guid: '{54849625-5478-4994-A5BA-3E3B0328C30D}',
      Level: '0', Task: '13312', Opcode: '0', Keywords: '0x8020000000000000', ProcessID: '4', ThreadID: '164',
      SystemTime: '2021-01-14T23:41:39.938175300Z', sourcetype: 'XmlWinEventLog', source: 'XmlWinEventLog:Security',
    });
  });

  it('decodes entities, makes repeated and unnamed Data multivalue, and drops empty values', () => {
    expect(fields['CommandLine']).toBe('cmd.exe /c "a & b" <x>');
    expect(fields['Hash']).toEqual(['MD5=1', 'SHA1=2']);
    expect(fields['Data']).toEqual(['first', 'second']);
    expect('RuleName' in fields).toBe(false);
    expect('UserID' in fields).toBe(false); // <Security/> without UserID
  });

  it('gives _time in epoch seconds from SystemTime (UTC) and keeps the XML text as _raw', () => {
    expect(records[0]!.time).toBeCloseTo(Date.UTC(2021, 0, 14, 23, 41, 39, 938) / 1000 + 0.0001753, 6);
    expect(records[0]!.raw).toBe(xmlEvent({ eventData: data }));
    const event = xmlRecordToEvent(records[0]!);
    expect(event.get('_raw')).toBe(records[0]!.raw);
    expect(event.get('_time')).toBe(records[0]!.time);
    expect(event.get('Hash')).toEqual(['MD5=1', 'SHA1=2']);
  });

  it('reads UserData leaves by element name, Security UserID, and the rendered Message', () => {
    const xml = xmlEvent({ channel: 'Microsoft-Windows-WMI-Activity/Operational' })
      .replace('<Security/>', "<Security UserID='S-1-5-18'/>")
      .replace('<EventData></EventData>', "<UserData><Op xmlns='x'><ESS>Filter</ESS><CONSUMER>C=\"U\"</CONSUMER></Op></UserData>" +
        '<RenderingInfo><Message>Consumer = X</Message><Level>Information</Level></RenderingInfo>');
    const f = parseXmlText([xml]).records[0]!.fields;
    expect(f).toMatchObject({ UserID: 'S-1-5-18', Security_ID: 'S-1-5-18', ESS: 'Filter', CONSUMER: 'C="U"', Message: 'Consumer = X' });
    expect(f['Level']).toBe('0'); // RenderingInfo's Level does not override System's
    expect('Op' in f).toBe(false); // only leaves become fields
  });

  it('keeps newlines inside values of a multi-line event, with the line of its start', () => {
    const multi = xmlEvent({ eventData: "<Data Name='ScriptBlockText'>line one\nline two\n</Data>" });
    const text = `\n\n${multi}\n${xmlEvent({ recordId: 2 })}\n`;
    const { records, errors } = parseXmlText([text]);
    expect(errors).toEqual([]);
    expect(records.map((r) => r.line)).toEqual([3, 6]);
    expect(records[0]!.fields['ScriptBlockText']).toBe('line one\nline two\n');
    expect(records[0]!.raw).toContain('line one\nline two\n</Data>');
  });

  it('reads events wrapped in <Events> and several events on one line', () => {
    const text = `<?xml version="1.0"?><Events>${xmlEvent({ recordId: 1 })}${xmlEvent({ recordId: 2 })}</Events>`;
    const { records, errors } = parseXmlText([text]);
    expect(errors).toEqual([]);
    expect(records.map((r) => r.fields['EventRecordID'])).toEqual(['1', '2']);
    expect(records.map((r) => r.line)).toEqual([1, 1]);
  });
});

describe('XmlEventParser error recovery', () => {
  it('reports a truncated event with file and line, then reads the next event', () => {
    const truncated = xmlEvent({ recordId: 1 }).slice(0, 200);
    const text = [xmlEvent({ recordId: 0 }), truncated, xmlEvent({ recordId: 2 })].join('\n');
    const { records, errors } = parseXmlText([text], 'bad.xml');
    expect(records.map((r) => r.fields['EventRecordID'])).toEqual(['0', '2']);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'bad.xml', line: 2 });
    expect(errors[0]!.message).toMatch(/truncated <Event>.*line 3/);
  });

  it('reports invalid XML at the line of the error inside a multi-line event and continues', () => {
    const broken = "<Event><System><EventID>1</EventID>\n<Channel>Security</Chanel>\n</System></Event>";
    const text = `${xmlEvent({ recordId: 1 })}\n${broken}\n${xmlEvent({ recordId: 3 })}\n`;
    const { records, errors } = parseXmlText([text], 'bad.xml');
    expect(records.map((r) => r.fields['EventRecordID'])).toEqual(['1', '3']);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'bad.xml', line: 3 });
    expect(errors[0]!.message).toMatch(/invalid XML in <Event> starting at line 2/);
  });

  it('reports an event cut off by the end of the file', () => {
    const { records, errors } = parseXmlText([`${xmlEvent()}\n${xmlEvent().slice(0, 120)}`]);
    expect(records).toHaveLength(1);
    expect(errors).toEqual([{ file: 'fixture.xml', line: 2, message: expect.stringMatching(/file ends before <\/Event>/) }]);
  });

  it('skips text outside events with one report naming the first such line', () => {
    const text = `${xmlEvent()}\n01/14/2021 11:41:39 PM\nLogName=Security\n${xmlEvent()}\nEventCode=4104\n`;
    const { records, errors } = parseXmlText([text]);
    expect(records).toHaveLength(2);
    expect(errors).toEqual([{ file: 'fixture.xml', line: 2, message: expect.stringMatching(/skipped 3 line\(s\)/) }]);
  });
});

describe('XmlEventParser streaming', () => {
  const text = [
    '\uFEFF' + xmlEvent({ recordId: 1, eventData: "<Data Name='A'>x\ny</Data>" }),
    'classic text line',
    xmlEvent({ recordId: 2 }).slice(0, 300),
    xmlEvent({ recordId: 3, eventData: "<Data Name='B'>&amp;</Data>" }),
    "<Event><System><EventID>9</EventID></Sys></Event>",
    xmlEvent({ recordId: 4 }),
  ].join('\r\n');
  const whole = parseXmlText([text]).items;

  it('reads the fixture as expected when fed in one piece', () => {
    expect(whole.filter((i) => 'fields' in i)).toHaveLength(3);
    expect(whole.filter((i) => !('fields' in i))).toHaveLength(3);
  });

  it('gives the same items however the text is cut into chunks (law)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: text.length - 1 }), { maxLength: 30 }), (cuts) => {
        const points = [0, ...cuts.sort((a, b) => a - b), text.length];
        const chunks = points.slice(1).map((end, i) => text.slice(points[i], end));
        expect(parseXmlText(chunks).items).toEqual(whole);
      }),
      { numRuns: 200 },
    );
  });
});

describe('readXmlEvents', () => {
  it('reads a file in batches and reports errors with the file name', async () => {
    const file = path.join(tmp, 'events.xml');
    const events = Array.from({ length: 600 }, (_, i) => xmlEvent({ recordId: i }));
    events.splice(300, 0, '<Event><System>');
    writeFileSync(file, events.join('\n') + '\n');
    const items: XmlReadItem[] = [];
    let batches = 0;
    for await (const batch of readXmlEvents(file, 256)) {
      batches++;
      items.push(...batch);
    }
    expect(batches).toBeGreaterThan(1);
    expect(items.filter((i) => 'fields' in i)).toHaveLength(600);
    expect(items.filter((i) => !('fields' in i))).toEqual([{ file, line: 301, message: expect.stringMatching(/truncated/) }]);
  });

  it('throws input-error for a missing file', async () => {
    const missing = path.join(tmp, 'missing.xml');
    const read = async (): Promise<void> => {
      for await (const batch of readXmlEvents(missing)) void batch;
    };
    await expect(read()).rejects.toBeInstanceOf(SplError);
    await expect(read()).rejects.toMatchObject({ code: 'input-error', message: expect.stringContaining(missing) });
  });

  it('detects XML input by its first non-space character', () => {
    expect(looksLikeXmlEvents('  \n<Event>')).toBe(true);
    expect(looksLikeXmlEvents('\uFEFF<?xml version="1.0"?>')).toBe(true);
    expect(looksLikeXmlEvents('{"EventID": 1}')).toBe(false);
    expect(looksLikeXmlEvents('[{"a":1}]')).toBe(false);
  });
});
