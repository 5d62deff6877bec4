// Decode a byte range of a Buffer straight through its native slice methods (no toString argument checks or dispatch).

/** Buffer's native decoders (present on every Node Buffer; `toString(encoding, start, end)` calls them). */
interface NativeSlices {
  latin1Slice(start: number, end: number): string;
  utf8Slice(start: number, end: number): string;
}

/** bytes[start, end) as Latin-1: one character per byte. */
export function latin1Text(bytes: Buffer, start: number, end: number): string {
  return (bytes as unknown as NativeSlices).latin1Slice(start, end);
}

/** bytes[start, end) decoded as UTF-8. */
export function utf8Text(bytes: Buffer, start: number, end: number): string {
  return (bytes as unknown as NativeSlices).utf8Slice(start, end);
}
