// Windows event shapes: format detection, XmlWinEventLog reading, and the `windows` preset (what Splunk's Windows add-on does).
export { detectWindowsFormat, type WindowsFormat } from './detect.js';
export { windowsPresetMapping } from './preset.js';
export { isXmlReadError, looksLikeXmlEvents, readXmlEvents, xmlRecordToEvent } from './xml-reader.js';
