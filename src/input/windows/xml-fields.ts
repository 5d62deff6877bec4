// Builds Splunk XmlWinEventLog fields from the saxes callbacks of one Windows <Event> XML document.
import type { SaxesTagPlain } from 'saxes';

/** Field values of one XML event: strings, or multivalues when a name repeats. */
export type XmlFieldValues = Record<string, string | string[]>;

/** <System> children whose text becomes fields (EventID and Computer also get Splunk's names). */
const SYSTEM_TEXT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  EventID: ['EventCode', 'EventID'],
  Version: ['Version'],
  Level: ['Level'],
  Task: ['Task'],
  Opcode: ['Opcode'],
  Keywords: ['Keywords'],
  EventRecordID: ['EventRecordID'],
  Channel: ['Channel'],
  Computer: ['Computer', 'ComputerName'],
};

/** <System> children whose attributes become fields: element → attribute → field names. */
const SYSTEM_ATTRIBUTE_FIELDS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  Provider: { Name: ['Provider', 'SourceName'], Guid: ['Guid'] },
  TimeCreated: { SystemTime: ['SystemTime'] },
  Execution: { ProcessID: ['ProcessID'], ThreadID: ['ThreadID'] },
  Security: { UserID: ['UserID', 'Security_ID'] },
  Correlation: { ActivityID: ['ActivityID'], RelatedActivityID: ['RelatedActivityID'] },
};

interface OpenElement {
  name: string;
  /** The `Name` attribute of an EventData <Data> element. */
  dataName: string | undefined;
  hasChildElement: boolean;
  text: string;
}

/** Element name without a namespace prefix. */
function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

/** Add a value; a repeated name becomes a multivalue. Empty values make no field (as Splunk's extractions). */
export function addFieldValue(fields: XmlFieldValues, name: string, value: string): void {
  if (value === '') return;
  const previous = fields[name];
  if (previous === undefined) fields[name] = value;
  else if (Array.isArray(previous)) previous.push(value);
  else fields[name] = [previous, value];
}

/** Accumulates the fields of one event; `reset()` before each event. Depth 0 is <Event>, 1 a section. */
export class XmlEventFieldBuilder {
  fields: XmlFieldValues = Object.create(null) as XmlFieldValues;
  private readonly stack: OpenElement[] = [];

  reset(): void {
    this.fields = Object.create(null) as XmlFieldValues;
    this.stack.length = 0;
  }

  open(tag: SaxesTagPlain): void {
    const parent = this.stack[this.stack.length - 1];
    if (parent) parent.hasChildElement = true;
    const name = localName(tag.name);
    const depth = this.stack.length;
    if (depth === 2 && this.section() === 'System') this.addSystemAttributes(name, tag.attributes);
    const dataName = name === 'Data' ? tag.attributes['Name'] : undefined;
    this.stack.push({ name, dataName, hasChildElement: false, text: '' });
  }

  text(text: string): void {
    const top = this.stack[this.stack.length - 1];
    if (top) top.text += text;
  }

  close(): void {
    const element = this.stack.pop();
    if (!element || element.hasChildElement) return;
    const depth = this.stack.length;
    if (depth < 2) return;
    const section = this.section();
    if (section === 'System' && depth === 2) this.addSystemText(element);
    else if (section === 'EventData' && depth === 2) this.addEventData(element);
    else if (section === 'UserData') addFieldValue(this.fields, element.name, element.text);
    else if (section === 'RenderingInfo' && depth === 2 && element.name === 'Message') {
      addFieldValue(this.fields, 'Message', element.text);
    }
  }

  /** Name of the <Event> child currently open (System, EventData, UserData, RenderingInfo). */
  private section(): string | undefined {
    return this.stack[1]?.name;
  }

  private addSystemAttributes(element: string, attributes: Record<string, string>): void {
    const mapping = SYSTEM_ATTRIBUTE_FIELDS[element];
    if (!mapping) return;
    for (const attribute of Object.keys(mapping)) {
      const value = attributes[attribute];
      if (value === undefined) continue;
      for (const field of mapping[attribute]!) addFieldValue(this.fields, field, value);
    }
  }

  private addSystemText(element: OpenElement): void {
    const names = SYSTEM_TEXT_FIELDS[element.name];
    if (!names) return;
    for (const field of names) addFieldValue(this.fields, field, element.text);
  }

  private addEventData(element: OpenElement): void {
    if (element.name !== 'Data') addFieldValue(this.fields, element.name, element.text);
    else addFieldValue(this.fields, element.dataName || 'Data', element.text);
  }
}
