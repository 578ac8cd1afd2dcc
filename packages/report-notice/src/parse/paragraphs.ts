import { unholdableCharacter, withoutUnholdable } from '@rectify/core';
import type { NoticeWarning } from './types.js';

/** A paragraph of the notice with the line it starts on. */
export interface Paragraph {
  text: string;
  line: number;
}

/** Lines a web page wraps around the notice: navigation, sharing, print buttons. */
const NAVIGATION = /^(首页|当前位置|您现在的位置|【?打印(本页)?】?|【?关闭(窗口)?】?|分享到|扫一扫|上一篇|下一篇|返回顶部|字号|来源[:：]|作者[:：]|点击[数量率]|浏览次数|责任编辑|source:|>|»)/i;

/**
 * Lines a government page puts around the text: the metadata list (信息索引号, 索 引 号,
 * 文件名称, 发布机构, 成文日期, 文号…), the byline (发布时间/日期/来源/作者/编辑/浏览量/
 * 访问量), the page's buttons (字体大小, 分享, 朗读, 保护视力色), the site's footer
 * (主办单位, 网站标识码, ICP备, a bare link) and a date-time alone.
 */
const METADATA_LABEL = /^[•·●▪◆-]?\s*(信\s*息\s*索\s*引\s*号|索\s*引\s*号|文件名称|发布机构|发文机关|成文日期|发文日期|发布日期|公开方式|公开范围|文\s*号|主题分类|主题词|有效性|标\s*题|所属机构|生成日期|体裁分类)\s*[:：]/;
const BYLINE = /(发布时间|发表时间|发布日期|信息来源|来源|作者|编辑|浏览量?|浏览次数|访问量|访问次数|点击量?|阅读量?)\s*[:：]/;
const PAGE_BUTTONS = /^(字体大小|字号|【?大\s*中\s*小】?|分享[:：到]?|朗读|打印|保护视力色|视力保护色|收藏|关闭|【?字体[:：]?)/;
/** The site's footer: who runs it, its registration, a link to it (主办单位, 网站标识码, ICP备, 网址). */
const SITE_FOOTER = /^(主办单位|主办|承办单位|承办|协办单位|维护单位|技术支持|版权所有|网站标识码|网站地图|联系我们|网址|本文链接|Copyright)\s*[:：|]?|ICP备\d|公网安备|^(https?:\/\/|www\.)\S+$/i;
// (A date written 2024年4月17日 alone is the signature's, not the page's: it stays.)
const DATE_TIME = /^(日期[:：]\s*)?\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(\s+\d{1,2}:\d{2}(:\d{2})?)?$/;

/** A line of page chrome; `value` when it is a metadata label whose value is on the next line. */
function chrome(line: string): { value: boolean; date?: string } | undefined {
  const date = /(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?)/.exec(line)?.[1];
  const dated = (x: { value: boolean }) => (date && /发布|发表|日期|^\d{4}/.test(line) ? { ...x, date } : x);
  if (METADATA_LABEL.test(line)) return dated({ value: /[:：]\s*$/.test(line) });
  if (PAGE_BUTTONS.test(line) && line.length < 40) return { value: false };
  if (SITE_FOOTER.test(line) && line.length < 160 && !/[。；]/.test(line)) return { value: false };
  if (DATE_TIME.test(line)) return dated({ value: false });
  if (line.length < 160 && BYLINE.test(line) && !/[。；]/.test(line) && ((line.match(BYLINE_ALL) ?? []).length >= 2 || /^(日期|发布时间|发表时间|来源|编辑|作者|浏览|访问)/.test(line))) return dated({ value: false });
  return undefined;
}
const BYLINE_ALL = new RegExp(BYLINE.source, 'g');

/** Opens a structural element: a section, category, item, label or measure. */
export const STRUCTURE = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|\d+[、.．]|[（(]\d+[)）]|[一二三四五六七八九十]+是|整改(?:情况|进度|进展|措施|成效|状态)[:：]|完成情况[:：])/;

const TERMINAL = /[。！？；;!?…”」』）)]$/;

/** What a page's front matter says, when it has some (title:, date:). */
export interface FrontMatter {
  title?: { text: string; line: number };
  date?: { text: string; line: number };
}

/**
 * Cleans what the web adds (front matter, Markdown emphasis, HTML tags and comments,
 * navigation lines) and gathers the lines into paragraphs, joining a sentence that a
 * line break cut in two (the seed's e-mail address, 公文 titles on two lines). Drops the
 * characters no text can hold (controls, broken surrogate pairs). Every paragraph keeps
 * the number of the line it starts on in the original text.
 */
export function paragraphsOf(text: string, warnings: NoticeWarning[]): { paragraphs: Paragraph[]; frontMatter: FrontMatter } {
  const frontMatter: FrontMatter = {};
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const cleaned: (string | undefined)[] = [];
  let inFrontMatter = false;
  let frontMatterSeen = false;
  let navigation = 0;
  let valueNext = false;
  lines.forEach((given, i) => {
    // A control character or a broken surrogate pair is damage no store or document can
    // carry: dropped, with the line said, so what was read can be saved and written out.
    const bad = unholdableCharacter(given);
    if (bad !== undefined) warnings.push({ code: 'unholdable_character', line: i + 1, message: `Dropped ${bad.codePoint} (at column ${bad.index + 1}) and any like it on this line: no text can hold it` });
    const raw = bad === undefined ? given : withoutUnholdable(given);
    const line = raw
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<[^>\n]{1,200}>/g, '')
      .replace(/\*\*|__/g, '')
      .replace(/^#{1,6}\s+/, '')
      .replace(/&nbsp;/g, ' ')
      .replace(/[\u00a0\u3000\t]/g, ' ')
      .trim();
    if (line === '---' && (i === 0 || inFrontMatter || (!frontMatterSeen && cleaned.every((l) => l === undefined || l === '')))) {
      inFrontMatter = !inFrontMatter;
      frontMatterSeen = true;
      cleaned.push(undefined);
      return;
    }
    if (inFrontMatter) {
      const field = /^(title|date):\s*(.+)$/.exec(line);
      if (field) frontMatter[field[1] as 'title' | 'date'] = { text: field[2]!.trim(), line: i + 1 };
      return void cleaned.push(undefined);
    }
    if (/^[-=*_]{3,}$/.test(line)) return void cleaned.push(undefined); // a rule, not text
    if ((NAVIGATION.test(line) && line.length < 200) || /^\[[^\]]*\]\([^)]*\)$/.test(line)) {
      navigation++;
      return void cleaned.push(undefined);
    }
    const page = line === '' ? undefined : chrome(line);
    if (page || (valueNext && line !== '')) {
      // The page's own date (发布时间) is its publication day, never the feedback date.
      if (page?.date && !frontMatter.date) frontMatter.date = { text: page.date.replace(/[年月/.]/g, '-').replace(/日$/, ''), line: i + 1 };
      valueNext = page?.value ?? false;
      navigation++;
      return void cleaned.push(undefined);
    }
    // A bullet before the repeated title (• 中共…的通报) is the list's, not the text's.
    cleaned.push(line.replace(/^[•·●▪◆]\s*/, ''));
  });
  if (frontMatterSeen) warnings.push({ code: 'front_matter_skipped', line: 1, message: 'Skipped the page’s front matter (--- … ---)' });
  if (navigation > 0) warnings.push({ code: 'navigation_skipped', line: 1, message: `Skipped ${navigation} line(s) of page navigation or sharing text` });

  const paragraphs: Paragraph[] = [];
  cleaned.forEach((line, i) => {
    if (line === undefined || line === '') return;
    paragraphs.push({ text: line, line: i + 1 });
  });
  return { paragraphs: joinBroken(paragraphs, warnings), frontMatter };
}

/** A line that is a date alone (the date under a signature). */
const DATE_LINE = /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/;

function joinBroken(paragraphs: Paragraph[], warnings: NoticeWarning[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const p of paragraphs) {
    const prev = out.at(-1);
    if (prev !== undefined && continues(prev, p, out.length === 1)) {
      // A title set on two lines is layout; a sentence cut in two is damage worth saying.
      if (!(out.length === 1 && isTitleLike(prev.text + p.text))) {
        warnings.push({ code: 'broken_line', line: p.line, message: `A line break cuts a sentence in two (joined with line ${prev.line}): “${tail(prev.text)}⏎${head(p.text)}”` });
      }
      prev.text += p.text;
    } else out.push({ ...p });
  }
  return out;
}

function continues(prev: Paragraph, next: Paragraph, prevIsFirst: boolean): boolean {
  if (TERMINAL.test(prev.text) || STRUCTURE.test(next.text) || DATE_LINE.test(next.text)) return false;
  if (prevIsFirst) return isTitleLike(prev.text + next.text) && !isTitleLike(prev.text);
  if (STRUCTURE.test(prev.text) && prev.text.length < 80) return false; // a heading
  if (isTitleLike(prev.text) || prev.text.length < 12) return false; // a short line: a name, a heading
  return /^[@.\w\u4e00-\u9fff“‘《（(，,、]/.test(next.text) && next.line - prev.line <= 3;
}

/** Looks like a notice's title. */
export function isTitleLike(text: string): boolean {
  return /(通报|报告|公告|情况|公示)$/.test(text) && /整改|巡视|巡察|审计/.test(text) && text.length <= 80;
}

const tail = (s: string) => s.slice(-12);
const head = (s: string) => s.slice(0, 12);
