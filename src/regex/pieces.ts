// JS regex source under construction: text plus capture-group markers, numbered only at the end.
// Numbering late lets atomic-group emulation insert capture groups before already emitted ones.

/** One capture group of the JS regex (a PCRE group, or a helper group of atomic emulation). */
export interface CaptureSlot {
  name?: string;
  jsIndex: number;
}

type Piece = string | { open: CaptureSlot } | { ref: number | string | CaptureSlot; offset: number };

/** Given to the `finish` callback when a back reference names no group; `offset` points into the pattern. */
export interface MissingGroup {
  target: number | string;
  offset: number;
}

export class PieceList {
  private readonly pieces: Piece[] = [];

  /** Index of the next piece, used to mark where an atom starts. */
  get length(): number {
    return this.pieces.length;
  }

  text(js: string): void {
    this.pieces.push(js);
  }

  openCapture(slot: CaptureSlot): void {
    this.pieces.push({ open: slot });
  }

  backref(target: number | string, offset: number): void {
    this.pieces.push({ ref: target, offset });
  }

  /** Make the pieces from `start` on atomic: X becomes `(?:(?=(X))\k)`, which cannot be backtracked into. */
  wrapAtomic(start: number): void {
    const helper: CaptureSlot = { jsIndex: 0 };
    this.pieces.splice(start, 0, '(?:(?=', { open: helper });
    this.pieces.push('))', { ref: helper, offset: -1 }, ')');
  }

  /** Number the groups left to right and render the source. */
  finish(slots: readonly CaptureSlot[], onMissing: (missing: MissingGroup) => never): string {
    let next = 1;
    for (const piece of this.pieces) if (typeof piece === 'object' && 'open' in piece) piece.open.jsIndex = next++;
    const byName = new Map(slots.filter((s) => s.name !== undefined).map((s) => [s.name!, s]));
    let out = '';
    for (const piece of this.pieces) {
      if (typeof piece === 'string') out += piece;
      else if ('open' in piece) out += piece.open.name === undefined ? '(' : `(?<${piece.open.name}>`;
      else out += `(?:\\${resolve(piece.ref, slots, byName, piece.offset, onMissing).jsIndex})`;
    }
    return out;
  }
}

function resolve(
  ref: number | string | CaptureSlot,
  slots: readonly CaptureSlot[],
  byName: Map<string, CaptureSlot>,
  offset: number,
  onMissing: (missing: MissingGroup) => never,
): CaptureSlot {
  if (typeof ref === 'object') return ref;
  const slot = typeof ref === 'number' ? slots[ref - 1] : byName.get(ref);
  return slot ?? onMissing({ target: ref, offset });
}
