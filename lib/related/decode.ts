/**
 * Bytes → text for feeds: BOM first, then the HTTP charset, then the XML prolog's `encoding`, then
 * UTF-8. A feed that claims UTF-8 but is not valid UTF-8 (a common server mistake) is decoded as
 * windows-1252 and the fallback is reported. Unknown labels fall back to UTF-8 with a note.
 */

export interface DecodedText {
  text: string;
  encoding: string;
  errors: string[];
}

/** windows-1252 bytes 0x80–0x9F (some TextDecoder builds, e.g. Node's, decode them as C1 controls). */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Map C1 controls left by a latin-1 style decode to the windows-1252 characters (WHATWG behaviour). */
function fixCp1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

function windows1252(bytes: Uint8Array): string {
  return fixCp1252(new TextDecoder('windows-1252').decode(bytes));
}

function tryDecoder(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label);
  } catch {
    return null;
  }
}

function bomEncoding(b: Uint8Array): { enc: string; skip: number } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { enc: 'utf-8', skip: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { enc: 'utf-16le', skip: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { enc: 'utf-16be', skip: 2 };
  return null;
}

/** UTF-16 without BOM: `<\0?\0` or `\0<\0?` at the start. */
function sniffUtf16(b: Uint8Array): string | null {
  if (b.length >= 4 && b[0] === 0x3c && b[1] === 0 && b[2] !== 0 && b[3] === 0) return 'utf-16le';
  if (b.length >= 4 && b[0] === 0 && b[1] === 0x3c && b[2] === 0 && b[3] !== 0) return 'utf-16be';
  return null;
}

/** The `encoding="…"` of an XML declaration in the first bytes (ASCII-compatible encodings). */
export function prologEncoding(b: Uint8Array): string | null {
  const head = String.fromCharCode(...b.subarray(0, Math.min(b.length, 512)));
  const m = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']/.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

/** `charset=` of a Content-Type header value. */
export function contentTypeCharset(contentType: string | undefined): string | null {
  const m = /;\s*charset\s*=\s*"?([A-Za-z0-9._:-]{1,40})/i.exec(contentType ?? '');
  return m ? m[1]!.toLowerCase() : null;
}

function isUtf8Label(label: string): boolean {
  return /^(utf-?8|unicode-1-1-utf-8)$/i.test(label);
}

/**
 * UTF-8 unless the bytes are mostly not UTF-8: when invalid sequences outnumber valid multi-byte
 * characters, the text is windows-1252 mislabelled as UTF-8. A few bad bytes in a UTF-8 feed are
 * replaced (U+FFFD) and reported instead, so one stray byte does not garble every accent.
 */
function decodeUtf8OrLatin(bytes: Uint8Array, declared: boolean, errors: string[]): DecodedText {
  const text = new TextDecoder('utf-8').decode(bytes);
  if (text.indexOf('\uFFFD') < 0) return { text, encoding: 'utf-8', errors };
  let bad = 0;
  let wide = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) bad++;
    else if (c > 0x7f) wide++;
  }
  if (bad > wide) {
    errors.push(
      `${declared ? 'Declared' : 'Assumed'} UTF-8 but the bytes are not UTF-8; read as windows-1252.`,
    );
    return { text: windows1252(bytes), encoding: 'windows-1252', errors };
  }
  errors.push(`${bad} invalid UTF-8 byte sequence(s) replaced.`);
  return { text, encoding: 'utf-8', errors };
}

/** Decode feed bytes. Never throws. */
export function decodeFeedBytes(bytes: Uint8Array, contentType?: string): DecodedText {
  const errors: string[] = [];
  const bom = bomEncoding(bytes);
  if (bom) {
    return { text: new TextDecoder(bom.enc).decode(bytes.subarray(bom.skip)), encoding: bom.enc, errors };
  }
  const utf16 = sniffUtf16(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16, errors };

  const declared = contentTypeCharset(contentType) ?? prologEncoding(bytes);
  let label = declared ?? 'utf-8';
  if (!tryDecoder(label)) {
    errors.push(`Unknown encoding "${label.slice(0, 40)}"; read as UTF-8.`);
    label = 'utf-8';
  }
  if (/^utf-?16/i.test(label)) {
    // An ASCII-readable prolog cannot be UTF-16 (no BOM, no NULs): the declaration is wrong.
    errors.push(`Declared ${label} but the bytes are not UTF-16; read as UTF-8.`);
    label = 'utf-8';
  }
  if (isUtf8Label(label)) return decodeUtf8OrLatin(bytes, declared !== null, errors);
  const dec = tryDecoder(label)!;
  if (dec.encoding === 'windows-1252') return { text: windows1252(bytes), encoding: dec.encoding, errors };
  return { text: dec.decode(bytes), encoding: dec.encoding, errors };
}
