// The value spans of the wanted top-level keys of flat-object NDJSON lines, in one SIMD pass that also judges each line; values interned by their bytes.
//
// AssemblyScript, compiled to src/input/json/generated/key-spans-wasm.ts by scripts/build-wasm.mjs and driven by
// src/input/json/span-picker.ts. The walk over a line is assembly/json-walk.ts, shared with line-runs.ts (the flat-object rule:
// members whose values are scalars or arrays of scalars), so a line this module accepts is well-formed by the
// rule; test/input/span-picker.test.ts checks that its values equal the plain-JS picker's and JSON.parse's.
//
// Per line it writes a record of i32s to the output area: line start, content end (before a CR and the newline),
// next line start, the number of wanted members found, then per member (in line order): the key's slot (plus
// ESCAPED_STRING when the value is a string holding a backslash), value start, value end, and the value's intern
// id (-1 when not interned). Positions are offsets from the input area. It stops at a line it declines (not a
// flat object, not opening with `{`, a key holding a backslash, a wanted key written twice): the caller reads that
// one line the general way and calls again after it.
//
// Interning: a short value (string, number, literal) is looked up by its bytes in one hash table; equal bytes give
// the same id, so the caller decodes each distinct value once and hands out the same JS value (a string's hash
// then is computed once). A slot whose values rarely repeat (a timestamp) stops being interned after a trial,
// unless it was added as INTERN_ALWAYS (a `stats count by` field whose lines are counted by id: docs/stats.md).
//
// Input contract (as line-runs.ts): the bytes are [0, end) of the input area, and the 16 bytes from `end` on are zero.

import {
  arrayEnd, CLOSE_BRACE, COLON, COMMA, NEWLINE, OPEN_BRACE, OPEN_BRACKET, QUOTE, resetWalkFlags, scalarEnd, skipSpace,
  STRING_BACKSLASH, stringEnd, walkFlagsSeen,
} from './json-walk';
const CARRIAGE_RETURN: u32 = 0x0d;

/** At most this many wanted keys (a line's keys seen are one u64 mask), each at most KEY_MAX bytes. */
const MAX_SLOTS: u32 = 64;
const KEY_MAX: u32 = 64;
/** Flag on a member's slot: the value is a string with a backslash (decode it with JSON.parse). */
const ESCAPED_STRING: u32 = 0x100;
/** Values up to this many bytes (quotes included) are interned. */
const INTERN_MAX_BYTES: u32 = 96;
/** Interning's memory: past this many bytes of table and stored values, nothing new is interned. */
const INTERN_MAX_MEMORY: usize = 48 << 20;
/**
 * A slot is interned while at most one lookup in MISS_SHARE is a miss, checked at TRIAL_LOOKUPS and every power of two
 * after. A high-cardinality value (a process GUID: 145k distinct in 1M lines) costs more through the table (a cache
 * miss in it and one in the stored bytes) than decoded afresh: measured 4.4-4.9 against 3.0-3.4 CPU s for Q4.
 */
const TRIAL_LOOKUPS: u32 = 16384;
const MISS_SHARE: u32 = 8;
/** A slot's intern mode (addKey): off, on while the trial above holds, on whatever the misses. */
const INTERN_OFF: u32 = 0;
const INTERN_ALWAYS: u32 = 2;

const PAGE: usize = 65536;
/** The input area's size: a piece up to this many bytes (the caller reads larger ones the other way). */
const INPUT_CAP: usize = 4 << 20;
/** The output area, in i32s. */
const OUT_CAP: usize = 1 << 16;

// Layout, from the heap base: slot table, key bytes, bucket table, input, output, then the interning region.
let base: usize = 0;
let slotsAt: usize = 0; // per slot 32 bytes: key word u64, length u32, next u32, interned u32, lookups u32, misses u32
let keysAt: usize = 0; // MAX_SLOTS * KEY_MAX bytes
let bucketsAt: usize = 0; // 256 u32: 1 + first slot of the bucket, 0 none
let inputAt: usize = 0;
let outAt: usize = 0;
let bumpStart: usize = 0;
let bumpTop: usize = 0;
let slotCount: u32 = 0;

// The intern table: open addressing, 16 bytes per entry (hash u32, stored value address u32, length u32, id u32).
let tableAt: usize = 0;
let tableMask: u32 = 0;
let tableCount: u32 = 0;
let nextId: i32 = 0;
let internFull: bool = false;

/** Where the last pick stopped and whether it stopped at a declined line. */
let declined: u32 = 0;
let written: u32 = 0;

/**
 * Memory up to `top`, grown by at least an eighth of its size at a time: each growth gives the caller a new buffer
 * to view (and V8 counts it as memory pressure), so the interning region's growth (145k values of 40 bytes in Q4)
 * is a few dozen steps, not one per page.
 */
function ensureMemory(top: usize): bool {
  const have = <usize>memory.size() * PAGE;
  if (top <= have) return true;
  const needed = (top - have + PAGE - 1) / PAGE;
  const step = <usize>memory.size() >> 3;
  if (step > needed && memory.grow(<i32>step) >= 0) return true;
  return memory.grow(<i32>needed) >= 0;
}

/** Lays the areas out (once); returns the input area's address. */
export function init(): usize {
  if (base != 0) return inputAt;
  base = (__heap_base + 15) & ~(<usize>15);
  if (base < 16) base = 16;
  slotsAt = base;
  keysAt = slotsAt + MAX_SLOTS * 32;
  bucketsAt = keysAt + MAX_SLOTS * KEY_MAX;
  inputAt = (bucketsAt + 256 * 4 + 15) & ~(<usize>15);
  outAt = inputAt + INPUT_CAP + 64;
  bumpStart = outAt + OUT_CAP * 4;
  bumpTop = bumpStart;
  ensureMemory(bumpStart);
  newTable(4096);
  return inputAt;
}

export function outputAddress(): usize {
  return outAt;
}
export function keyAddress(slot: u32): usize {
  return keysAt + <usize>slot * KEY_MAX;
}
export function inputCapacity(): usize {
  return INPUT_CAP;
}
export function outputCapacity(): usize {
  return OUT_CAP;
}
export function declinedLine(): u32 {
  return declined;
}
export function writtenInts(): u32 {
  return written;
}

// @ts-ignore: decorator
@inline function keyWord(p: usize, length: u32): u64 {
  const word = load<u64>(p);
  return length >= 8 ? word : word & ((<u64>1 << (<u64>length * 8)) - 1);
}

// @ts-ignore: decorator
@inline function bucketOf(word: u64, length: u32): u32 {
  return ((<u32>word * 0x9e3779b1) >> 24 ^ length) & 255;
}

/** Registers wanted key `slot` (its bytes already at keyAddress(slot)); `intern`: its intern mode (0 off, 1 on with the trial, 2 always). */
export function addKey(slot: u32, length: u32, intern: u32): void {
  const at = slotsAt + <usize>slot * 32;
  const word = keyWord(keyAddress(slot), length);
  store<u64>(at, word);
  store<u32>(at, length, 8);
  const bucket = bucketsAt + <usize>bucketOf(word, length) * 4;
  store<u32>(at, load<u32>(bucket), 12);
  store<u32>(bucket, slot + 1);
  store<u32>(at, intern, 16);
  store<u32>(at, 0, 20);
  store<u32>(at, 0, 24);
  if (slot >= slotCount) slotCount = slot + 1;
}

/** The slot of the key whose bytes are [p, p + length), or -1. */
// @ts-ignore: decorator
@inline function slotOf(p: usize, length: u32): i32 {
  const word = keyWord(p, length);
  let entry = load<u32>(bucketsAt + <usize>bucketOf(word, length) * 4);
  while (entry != 0) {
    const slot = entry - 1;
    const at = slotsAt + <usize>slot * 32;
    if (load<u64>(at) == word && load<u32>(at, 8) == length) {
      if (length <= 8 || memory.compare(p + 8, keyAddress(slot) + 8, length - 8) == 0) return <i32>slot;
    }
    entry = load<u32>(at, 12);
  }
  return -1;
}

/**
 * Records for the lines of [from, end) (input offsets) while they are flat objects the module can read; returns
 * where it stopped. Then declinedLine() says whether the line there is declined (else the output filled up or the
 * input ended) and writtenInts() how many i32s it wrote.
 */
export function pick(from: u32, end: u32): u32 {
  const limit = inputAt + <usize>end;
  let p = inputAt + <usize>from;
  let out = outAt;
  const outEnd = outAt + OUT_CAP * 4 - (4 + <usize>slotCount * 4) * 4;
  declined = 0;
  while (p < limit) {
    if (out > outEnd) break;
    const next = line(p, limit, out);
    if (next == 0) {
      declined = 1;
      break;
    }
    out += (4 + <usize>load<u32>(out, 12) * 4) * 4;
    p = next;
  }
  written = <u32>((out - outAt) >> 2);
  return <u32>(p - inputAt);
}

/** One line at `p`: its record at `out` and the next line's start, or 0 when the line is declined. */
function line(start: usize, limit: usize, out: usize): usize {
  let p = start;
  if (<u32>load<u8>(p) != OPEN_BRACE) return 0;
  let count: u32 = 0;
  let seen: u64 = 0;
  let m = out + 16;
  p = skipSpace(p + 1);
  if (<u32>load<u8>(p) != CLOSE_BRACE) {
    while (true) {
      if (<u32>load<u8>(p) != QUOTE) return 0;
      const keyStart = p + 1;
      resetWalkFlags();
      p = stringEnd(p);
      if (p == 0 || (walkFlagsSeen() & STRING_BACKSLASH) != 0) return 0;
      const slot = slotOf(keyStart, <u32>(p - 1 - keyStart));
      p = skipSpace(p);
      if (<u32>load<u8>(p) != COLON) return 0;
      p = skipSpace(p + 1);
      const valueStart = p;
      resetWalkFlags();
      const c = <u32>load<u8>(p);
      p = c == OPEN_BRACKET ? arrayEnd(p) : scalarEnd(p);
      if (p == 0) return 0;
      if (slot >= 0) {
        const bit = <u64>1 << <u64>slot;
        if ((seen & bit) != 0) return 0;
        seen |= bit;
        const escaped = c == QUOTE && (walkFlagsSeen() & STRING_BACKSLASH) != 0;
        store<u32>(m, <u32>slot | (escaped ? ESCAPED_STRING : 0));
        store<u32>(m, <u32>(valueStart - inputAt), 4);
        store<u32>(m, <u32>(p - inputAt), 8);
        store<i32>(m, c == OPEN_BRACKET ? -1 : intern(<u32>slot, valueStart, <u32>(p - valueStart)), 12);
        m += 16;
        count++;
      }
      p = skipSpace(p);
      const d = <u32>load<u8>(p);
      if (d == COMMA) {
        p = skipSpace(p + 1);
        continue;
      }
      if (d != CLOSE_BRACE) return 0;
      break;
    }
  }
  p = skipSpace(p + 1);
  let next: usize = 0;
  let contentEnd: usize = 0;
  if (<u32>load<u8>(p) == NEWLINE) {
    next = p + 1;
    contentEnd = p > start && <u32>load<u8>(p - 1) == CARRIAGE_RETURN ? p - 1 : p;
  } else if (p == limit) {
    next = limit;
    contentEnd = p > start && <u32>load<u8>(p - 1) == CARRIAGE_RETURN ? p - 1 : p;
  } else {
    return 0;
  }
  store<u32>(out, <u32>(start - inputAt));
  store<u32>(out, <u32>(contentEnd - inputAt), 4);
  store<u32>(out, <u32>(next - inputAt), 8);
  store<u32>(out, count, 12);
  return next;
}

// ---- interning ----

/** A hash of the bytes [p, p + length): 8 bytes at a time, the last word masked to the length. */
// @ts-ignore: decorator
@inline function hashBytes(p: usize, length: u32): u32 {
  let h: u64 = <u64>length * 0x9e3779b97f4a7c15;
  let i: u32 = 0;
  while (i + 8 <= length) {
    h = (h ^ load<u64>(p + i)) * 0xff51afd7ed558ccd;
    h ^= h >> 32;
    i += 8;
  }
  if (i < length) {
    const tail = load<u64>(p + i) & ((<u64>1 << (<u64>(length - i) * 8)) - 1);
    h = (h ^ tail) * 0xc4ceb9fe1a85ec53;
  }
  h ^= h >> 29;
  return <u32>h ^ <u32>(h >> 32);
}

/** Bump allocation in the interning region (0 when past its budget or out of memory). */
function bump(bytes: usize): usize {
  const at = (bumpTop + 15) & ~(<usize>15);
  const top = at + bytes;
  if (top - bumpStart > INTERN_MAX_MEMORY || !ensureMemory(top)) return 0;
  bumpTop = top;
  return at;
}

function newTable(capacity: u32): bool {
  const at = bump(<usize>capacity * 16);
  if (at == 0) return false;
  memory.fill(at, 0, <usize>capacity * 16);
  const oldAt = tableAt;
  const oldCapacity: u32 = tableAt == 0 ? 0 : tableMask + 1;
  tableAt = at;
  tableMask = capacity - 1;
  for (let i: u32 = 0; i < oldCapacity; i++) {
    const entry = oldAt + <usize>i * 16;
    if (load<u32>(entry, 4) == 0) continue;
    let index = load<u32>(entry) & tableMask;
    while (load<u32>(tableAt + <usize>index * 16, 4) != 0) index = (index + 1) & tableMask;
    memory.copy(tableAt + <usize>index * 16, entry, 16);
  }
  return true;
}

/** The id of the value bytes [p, p + length) for `slot`, or -1 when the slot or the value is not interned. */
function intern(slot: u32, p: usize, length: u32): i32 {
  if (length > INTERN_MAX_BYTES) return -1;
  const info = slotsAt + <usize>slot * 32;
  const mode = load<u32>(info, 16);
  if (mode == INTERN_OFF) return -1;
  const lookups = load<u32>(info, 20) + 1;
  store<u32>(info, lookups, 20);
  const h = hashBytes(p, length);
  let index = h & tableMask;
  while (true) {
    const entry = tableAt + <usize>index * 16;
    const stored = load<u32>(entry, 4);
    if (stored == 0) break;
    if (load<u32>(entry) == h && load<u32>(entry, 8) == length && memory.compare(<usize>stored, p, length) == 0) return load<i32>(entry, 12);
    index = (index + 1) & tableMask;
  }
  // A miss: is the slot still worth interning?
  const misses = load<u32>(info, 24) + 1;
  store<u32>(info, misses, 24);
  if (mode != INTERN_ALWAYS && (lookups & (lookups - 1)) == 0 && lookups >= TRIAL_LOOKUPS && misses * MISS_SHARE > lookups) {
    store<u32>(info, 0, 16);
    return -1;
  }
  if (internFull) return -1;
  if ((tableCount + 1) * 2 > tableMask + 1) {
    if (!newTable((tableMask + 1) * 2)) {
      internFull = true;
      return -1;
    }
    index = h & tableMask;
    while (load<u32>(tableAt + <usize>index * 16, 4) != 0) index = (index + 1) & tableMask;
  }
  const copy = bump(length);
  if (copy == 0) {
    internFull = true;
    return -1;
  }
  memory.copy(copy, p, length);
  const entry = tableAt + <usize>index * 16;
  store<u32>(entry, h);
  store<u32>(entry, <u32>copy, 4);
  store<u32>(entry, length, 8);
  store<i32>(entry, nextId, 12);
  tableCount++;
  return nextId++;
}

