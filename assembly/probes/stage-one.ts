// Probe, not a module of splq: what the first stage of a simdjson-like validator costs alone (bench/stage-one-probe.ts).
//
// AssemblyScript, compiled only by bench/stage-one-probe.ts (not by scripts/build-wasm.mjs). Per 64 bytes: the masks
// of quotes, backslashes, control bytes, whitespace and `{}[]:,`; the escaped bytes; the in-string mask by prefix XOR;
// the token bits a second stage would walk (opening quotes, structure and scalar starts outside strings, bad bytes).
// No grammar is checked: the point is the cost of the masks (docs/benchmarks.md, Session 9: floor3).
const EVEN: u64 = 0x5555555555555555;
const ODD: u64 = 0xaaaaaaaaaaaaaaaa;
const ESC_LO = i8x16(0, 0, 13, 0, 8, 8, 4, 0, 0, 0, 0, 0, 2, 0, 4, 1);
const ESC_HI = i8x16(0, 0, 1, 0, 0, 2, 4, 8, 0, 0, 0, 0, 0, 0, 0, 0);
// ops { } [ ] : , by nibbles: low nibble table & high nibble table != 0
// { 7b } 7d [ 5b ] 5d : 3a , 2c : low nibbles b,d,a,c ; high 7,5,3,2
// bit0: 7b 7d (hi 7, lo b,d); bit1: 5b 5d (hi 5, lo b,d); bit2: 3a (hi 3, lo a); bit3: 2c (hi 2, lo c)
const OP_LO = i8x16(0,0,0,0,0,0,0,0,0,0,4,3,8,3,0,0);
const OP_HI = i8x16(0,0,8,4,0,2,0,1,0,0,0,0,0,0,0,0);
// @ts-ignore: decorator
@inline function m64(a: v128, b: v128, c: v128, d: v128): u64 {
  return <u64>(<u32>i8x16.bitmask(a)) | (<u64>(<u32>i8x16.bitmask(b)) << 16) | (<u64>(<u32>i8x16.bitmask(c)) << 32) | (<u64>(<u32>i8x16.bitmask(d)) << 48);
}
// @ts-ignore: decorator
@inline function esc(x: v128): v128 {
  return i8x16.ne(v128.and(v128.swizzle(ESC_LO, v128.and(x, i8x16.splat(15))), v128.swizzle(ESC_HI, i8x16.shr_u(x, 4))), i8x16.splat(0));
}
// @ts-ignore: decorator
@inline function ops(x: v128): v128 {
  return i8x16.ne(v128.and(v128.swizzle(OP_LO, v128.and(x, i8x16.splat(15))), v128.swizzle(OP_HI, i8x16.shr_u(x, 4))), i8x16.splat(0));
}
// @ts-ignore: decorator
@inline function prefixXor(x: u64): u64 {
  x ^= x << 1; x ^= x << 2; x ^= x << 4; x ^= x << 8; x ^= x << 16; x ^= x << 32; return x;
}
// @ts-ignore: decorator
@inline function ws(x: v128): v128 {
  return v128.or(v128.or(i8x16.eq(x, i8x16.splat(0x20)), i8x16.eq(x, i8x16.splat(9))), i8x16.eq(x, i8x16.splat(13)));
}
export function base(): usize { return 65536; }
/** Stage one over [from, end): returns a fold of the token and error masks (so nothing is optimised away). */
export function stage1(from: usize, end: usize): u64 {
  let carry: u64 = 0; let inStr: u64 = 0; let prevScalar: u64 = 0; let acc: u64 = 0;
  const q = i8x16.splat(0x22), bs = i8x16.splat(0x5c), sp = i8x16.splat(0x20);
  for (let p = from; p < end; p += 64) {
    const a = v128.load(p), b = v128.load(p + 16), c = v128.load(p + 32), d = v128.load(p + 48);
    let quote = m64(i8x16.eq(a, q), i8x16.eq(b, q), i8x16.eq(c, q), i8x16.eq(d, q));
    let back = m64(i8x16.eq(a, bs), i8x16.eq(b, bs), i8x16.eq(c, bs), i8x16.eq(d, bs));
    const ctl = m64(i8x16.lt_u(a, sp), i8x16.lt_u(b, sp), i8x16.lt_u(c, sp), i8x16.lt_u(d, sp));
    const white = m64(ws(a), ws(b), ws(c), ws(d));
    const op = m64(ops(a), ops(b), ops(c), ops(d));
    let escaped: u64 = carry;
    let bad: u64 = 0;
    if ((back | carry) != 0) {
      back &= ~carry;
      const starts = back & ~(back << 1);
      const odd = back + (starts & ODD);
      escaped = ((back + (starts & EVEN)) & ~back & ODD) | (odd & ~back & EVEN) | carry;
      carry = odd < back ? 1 : 0;
      const escOk = m64(esc(a), esc(b), esc(c), esc(d));
      bad = escaped & ~escOk;
    }
    quote &= ~escaped;
    const inside = prefixXor(quote) ^ inStr;
    inStr = <u64>(<i64>inside >> 63);
    const outside = ~(inside | quote);
    const scalar = outside & ~op & ~white & ~ctl;
    const starts = scalar & ~((scalar << 1) | prevScalar);
    prevScalar = scalar >> 63;
    const tokens = (quote & inside) | (op & outside) | starts | (ctl & ~white) | ((bad | ctl) & inside);
    acc += tokens ^ (acc << 1);
  }
  return acc;
}
