/**
 * Reading a notice saved as a web page (`.html`): government sites publish them in a
 * content-management template, the text in `<p>`s (often indented with `&emsp;`),
 * around it the site's navigation, scripts and styles. {@link htmlToText} keeps what a
 * reader sees, one block per line, for {@link parseNotice}, which already skips the
 * page's chrome (breadcrumbs, 发布时间, 索引号 lists) as it does in copied text.
 */

/** Elements whose content is never seen on the page. */
const HIDDEN = /<(script|style|noscript|template|head|iframe|object|svg|select)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;

/** Elements that start a new line where they open and where they close. */
const BLOCK = /<\/?(p|div|br|li|ul|ol|tr|table|tbody|thead|tfoot|h[1-6]|section|article|header|footer|nav|aside|main|blockquote|pre|dl|dt|dd|hr|form|center|figure|figcaption|address|caption)\b[^>]*>/gi;

/** Table cells are separated, not joined: `索引号` and its value stay apart. */
const CELL = /<\/?(td|th)\b[^>]*>/gi;

/** The named entities these pages use; any other is left as written. */
const NAMED: Readonly<Record<string, string>> = {
  nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'",
  ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', mdash: '—', ndash: '–', hellip: '…', middot: '·',
  bull: '•', times: '×', divide: '÷', copy: '©', reg: '®', yen: '¥', laquo: '«', raquo: '»', deg: '°',
};

/** A character a numeric entity may stand for: not a control, a surrogate or beyond Unicode. */
function fromCodePoint(code: number): string | undefined {
  if (!Number.isInteger(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
  if (code < 0x20 && code !== 0x09 && code !== 0x0a) return undefined;
  return String.fromCodePoint(code);
}

/** Character references as the reader sees them: named (those these pages use), decimal and hexadecimal. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return fromCodePoint(code) ?? '';
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

/**
 * The text of a web page as its reader sees it: scripts, styles, comments and the
 * `<head>` dropped; a line for each paragraph, line break, list item, table row and
 * heading; table cells apart; entities decoded (`&emsp;&emsp;` indentation, `&ldquo;`);
 * spaces collapsed within a line, and no blank lines (a page spaces its paragraphs with
 * margins, not with empty ones, so a blank line would be an artefact of the markup).
 *
 * @example
 * ```ts
 * htmlToText('<p>&emsp;&emsp;一、关于&ldquo;三重一大&rdquo;</p><p>已完成</p>'); // '一、关于“三重一大”\n已完成'
 * ```
 */
export function htmlToText(html: string): string {
  const text = decodeEntities(
    html
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '')
      .replace(HIDDEN, '')
      .replace(BLOCK, '\n')
      .replace(CELL, ' ')
      .replace(/<[^>]*>/g, ''),
  );
  // A block that closes and the next that opens make one line break, not a blank line.
  return text
    .split(/\r\n|\n|\r/)
    .map((line) => line.replace(/[ \t\u00a0\u3000]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** Whether bytes read as text look like a web page rather than a notice copied as text. */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<meta\s)/i.test(text.slice(0, 2048));
}
