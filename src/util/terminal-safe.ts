// Make text safe to print on a terminal: control characters (C0 but tab and newline, DEL, C1) become visible escapes.

const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;

/**
 * `text` with every control character except tab and newline written as `\xNN` (`\u2028`/`\u2029` as `\uNNNN`), so
 * bytes quoted from an input (an escape sequence, a NUL, a bell) cannot act on the terminal that shows them.
 */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (ch) => {
    const code = ch.charCodeAt(0);
    return code > 0xff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\x${code.toString(16).padStart(2, '0')}`;
  });
}
