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
