/**
 * Characters no text of the library may hold: NUL (PostgreSQL's text refuses it), the
 * other C0 controls but tab, line feed and carriage return (XML 1.0, and so XLSX and
 * DOCX, cannot carry them), U+FFFE and U+FFFF (not characters), and lone surrogates
 * (UTF-8, the encoding of every store and file, cannot encode them).
 */
const UNHOLDABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UNHOLDABLE_ALL = new RegExp(UNHOLDABLE.source, 'g');

/** The first character of `text` that no text of the library may hold. */
export interface UnholdableCharacter {
  /** Its UTF-16 index in `text`. */
  index: number;
  /** Its code point as written in messages: `U+0000`, `U+D800`. */
  codePoint: string;
}

/**
 * The first character of `text` that validation refuses (a control character other
 * than tab and line breaks, U+FFFE/U+FFFF, a lone surrogate), or `undefined` when the
 * text can be stored and written to every format as it is.
 *
 * @example
 * ```ts
 * unholdableCharacter('整改\u0000'); // { index: 2, codePoint: 'U+0000' }
 * ```
 */
export function unholdableCharacter(text: string): UnholdableCharacter | undefined {
  const found = UNHOLDABLE.exec(text);
  if (found === null) return undefined;
  return { index: found.index, codePoint: `U+${found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` };
}

/**
 * `text` without the characters {@link unholdableCharacter} finds, for readers of
 * damaged sources (a crawled page, a pasted notice) that keep what they can rather
 * than refuse the whole text. Input the user typed should be refused instead, so the
 * user sees what was wrong.
 */
export function withoutUnholdable(text: string): string {
  return text.replace(UNHOLDABLE_ALL, '');
}

/** The encodings {@link decodeText} recognises. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** What {@link decodeText} read: the text, its encoding, or why it is no text at all. */
export type DecodedText =
  | { ok: true; text: string; encoding: TextEncoding }
  | { ok: false; reason: 'binary'; message: { 'zh-CN': string; en: string } };

/**
 * Bytes as text, the way Chinese offices save it: UTF-8 (with or without a BOM),
 * UTF-16 with its BOM (Excel's "Unicode text"), or, when the bytes are not valid
 * UTF-8, GB18030 (a superset of GBK and GB2312: what Chinese Windows and Excel save by
 * default). Bytes holding NUL or many other control characters are no text (a binary
 * file, a UTF-16 file without its BOM): `ok: false`, so the caller refuses them
 * rather than read nothing out of them.
 *
 * @example
 * ```ts
 * decodeText(new Uint8Array([0xd5, 0xfb, 0xb8, 0xc4])); // { ok: true, text: '整改', encoding: 'gb18030' }
 * ```
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  let decoded: { text: string; encoding: TextEncoding };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) decoded = { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) decoded = { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  else {
    try {
      decoded = { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
    } catch {
      decoded = { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
    }
  }
  // A text file has no NUL and few other controls; a binary file (or UTF-16 without a BOM) has many.
  const controls = (decoded.text.match(UNHOLDABLE_ALL) ?? []).length;
  if (decoded.text.includes('\u0000') || controls > Math.max(2, decoded.text.length / 100)) {
    return { ok: false, reason: 'binary', message: { 'zh-CN': '不是文本文件（含 NUL 等控制字符）', en: 'not a text file (it holds NUL or other control characters)' } };
  }
  return { ok: true, ...decoded };
}
