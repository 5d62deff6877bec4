// One reusable saxes parser that reads a single Windows <Event> XML document at a time, fed piece by piece.
import { SaxesParser } from 'saxes';
import { XmlEventFieldBuilder, type XmlFieldValues } from './xml-fields.js';

/** Where and why the current event's XML is not well-formed (line is 1-based inside the event text). */
export interface XmlDocumentError {
  line: number;
  column: number;
  message: string;
}

const SAXES_POSITION_PREFIX = /^\d+:\d+: /;

/** Feed the text of one event with `write`; it reports where the root element ends or the first XML error. */
export class XmlEventDocument {
  private readonly parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  private readonly builder = new XmlEventFieldBuilder();
  private depth = 0;
  private written = 0;
  /** Stream position just after the root's end tag, or -1 while it is open. */
  private rootEnd = -1;
  private firstError: XmlDocumentError | undefined;
  /** Set while the parser is being closed, so complaints about an abandoned event are ignored. */
  private resetting = false;

  constructor() {
    this.parser.on('opentag', (tag) => {
      if (this.finished) return;
      this.depth++;
      this.builder.open(tag);
    });
    this.parser.on('text', (text) => {
      if (!this.finished) this.builder.text(text);
    });
    this.parser.on('cdata', (text) => {
      if (!this.finished) this.builder.text(text);
    });
    this.parser.on('closetag', () => {
      if (this.finished) return;
      this.builder.close();
      if (--this.depth === 0) this.rootEnd = this.parser.position;
    });
    this.parser.on('error', (err) => {
      if (this.finished) return;
      const message = err.message.replace(SAXES_POSITION_PREFIX, '');
      this.firstError = { line: this.parser.line, column: this.parser.column, message };
    });
  }

  /** True once the root element closed or the XML proved invalid. */
  get finished(): boolean {
    return this.rootEnd >= 0 || this.firstError !== undefined || this.resetting;
  }

  get error(): XmlDocumentError | undefined {
    return this.firstError;
  }

  get fields(): XmlFieldValues {
    return this.builder.fields;
  }

  /** Characters written for the current event so far. */
  get length(): number {
    return this.written;
  }

  /**
   * Parse the next piece of the event's text. Returns how many characters of `piece` belong to the event
   * when its root element ended inside `piece`, else -1 (still open, or failed: see `error`).
   */
  write(piece: string): number {
    const start = this.written;
    this.parser.write(piece);
    this.written += piece.length;
    return this.rootEnd >= 0 && this.rootEnd >= start ? this.rootEnd - start : -1;
  }

  /** Forget the current event (finished or abandoned) and get ready for the next one. */
  reset(): void {
    this.resetting = true;
    this.parser.close();
    this.resetting = false;
    this.builder.reset();
    this.depth = 0;
    this.written = 0;
    this.rootEnd = -1;
    this.firstError = undefined;
  }
}
