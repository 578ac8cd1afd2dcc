import { z } from 'zod';
import { formatPath, parseWith } from '../errors/validation-error.js';
import type { FindingState } from '../lifecycle/state.js';
import type { Inspection } from '../model/inspection.js';
import type { Organisation, Person } from '../model/organisation.js';

/** Schema of {@link RedactionRules}. */
export const RedactionRulesSchema = z.object({
  /** Names of people to mask: those interviewed (约谈) or held accountable (问责), see {@link namesToRedact}. */
  names: z.array(z.string().min(1).max(100)).max(10_000).default([]),
  /** `surname`: keep the first character (张三 → 张*); `full`: mask every character. */
  nameMask: z.enum(['surname', 'full']).default('surname'),
  /** Mask mobile and landline numbers, but those in `keep` (the declared contact numbers). */
  phones: z.object({ keep: z.array(z.string().max(50)).max(100).default([]) }).nullable().prefault({}),
  /** Mask resident identity card numbers (居民身份证号码, 18 characters or the old 15). */
  idNumbers: z.boolean().default(true),
  /**
   * Mask a surname written with a post or title in free text (杨会计, 李主任, 欧阳书记,
   * 王某某): the person is named without being listed in `names`. The surname is masked,
   * the post kept (＊会计).
   */
  titledNames: z.boolean().default(true),
  /** Mask e-mail addresses, but those in `keep` (the declared mailbox). */
  emails: z.object({ keep: z.array(z.string().max(200)).max(100).default([]) }).nullable().prefault({}),
});

/** What to mask before publishing. Every rule is on by default; `null` turns phones or e-mails off. */
export type RedactionRules = z.input<typeof RedactionRulesSchema>;

/** The kinds of personal data masked. */
export type RedactionKind = 'name' | 'phone' | 'id_number' | 'email';

/** One change the redaction made: what, where, and what it became. */
export interface Redaction {
  kind: RedactionKind;
  /** The field of the report it was in (`categories[0].findings[2].title`); `(root)` for plain text. */
  path: string;
  /** Its position in that text (UTF-16 index) before redaction. */
  index: number;
  /** What was there. Keep this record internal: it holds what was masked. */
  original: string;
  replacement: string;
}

// Numbers are matched whole: never inside a longer run of digits. They are matched on
// the text with full-width forms made half-width (１３８…, ＠, ．), see `halfWidth`.
// A mobile: 13812345678, 138-1234-5678, 138 1234 5678, 139.1234.5678, +86 138…, 0086138….
const MOBILE = /(?<![\d+])(?:(?:\+|00)86[- ]?|86(?=1[3-9]\d{9}(?!\d)))?1[3-9]\d(?:[- .]?\d{4}){2}(?!\d)/g;
// A landline: (0768)2286608, （0768）…, 0768-2286608, 0768 2286608, 07682286609 (area code 0 + 2–3 digits).
const LANDLINE = /(?<![\d+])(?:\(0\d{2,3}\)\s?|（0\d{2,3}）|0\d{2,3}[- ]?)[2-9]\d{6,7}(?!\d)/g;
// A resident ID number, 18 characters (or the old 15), whole or in its 6-8-4 groups
// (445102 19900301 1234), after letters too (ID44510219900401123X, 身份证号445…).
const ID_NUMBER = /(?<!\d)[1-9]\d{5}(?:[ -]?(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[ -]?\d{3}[\dXx]|\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3})(?![\dXx])/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
// An address with a name or domain in Chinese (张伟@例子.中国): tried where no ASCII address matched.
const UNICODE_EMAIL = /[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/** Words that say "e-mail" in front of an address: not part of it. */
const EMAIL_LABEL = /^(?:(?:电子)?(?:邮箱|邮件|信箱)(?:地址)?|联系|或|及|和|至|向|发送|E-?mail|Email)+(?=[\p{L}\p{N}._%+-]+@)/iu;

// A surname with a post or title (杨会计, 李主任, 欧阳书记) or the 某/某某 of a person not
// named (王某某), written in free text. Only where a name can begin: at the start, after
// punctuation or a space, after a word that comes before a person (对、由、向、经…), or
// after a unit's name (财务室杨会计); so 提高会计核算 is not 高会计. 向 is left out of the
// surnames: 向主任汇报 is "report to the director" far more often than a Mr Xiang.
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤';
const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '令狐', '夏侯', '慕容', '司徒'];
const POSTS = [
  '副书记', '书记', '副主任', '主任', '副局长', '局长', '副科长', '科长', '副所长', '所长', '副院长', '院长', '副部长', '部长',
  '副处长', '处长', '副主席', '主席', '副经理', '经理', '副校长', '校长', '股长', '站长', '队长', '组长', '社长', '村长', '厂长',
  '行长', '庭长', '馆长', '检察长', '会计', '出纳', '主管', '干部', '委员', '科员', '专干', '老师', '医生', '同志', '某某', '某',
];
const TITLED_NAME = new RegExp(
  String.raw`(?<=^|[\p{P}\p{Z}\s]|[对由向与和及同跟给让请经据被将把称]|[室股局组办委所科处部队站院厅司])(?:${COMPOUND_SURNAMES.join('|')}|[${SURNAMES}])(?=${POSTS.join('|')})`,
  'gu',
);

/**
 * `text` with full-width ASCII forms (U+FF01–FF5E: digits, letters, ＠, ．, （）) and the
 * ideographic space made half-width, one UTF-16 unit for one, so that an index in the
 * result is the same index in `text`.
 */
function halfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000]/g, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

const digits = (s: string) => s.replace(/\D/g, '');

/** The mask of each kind: enough kept to tell two apart in a review, not to find the person. */
function mask(kind: RedactionKind, found: string, nameMask: 'surname' | 'full'): string {
  const chars = [...found];
  switch (kind) {
    case 'name':
      return nameMask === 'full' ? '＊'.repeat(chars.length) : chars[0] + '＊'.repeat(chars.length - 1);
    case 'phone': {
      // A landline keeps its area code, a mobile its first three digits; both their last
      // four: 0768-***1234, 138****5678. A country code (+86) is kept as written.
      const prefix = /^(?:\+|00)?86[- ]?(?=1)/.exec(found)?.[0] ?? '';
      const national = found.slice(prefix.length);
      const all = digits(national);
      // Area codes are 010 and 02x (three digits) or 0 and three more.
      const keepFirst = !all.startsWith('0') ? 3 : /^0(?:10|2\d)/.test(all) ? 3 : 4;
      let seen = 0;
      return prefix + national.replace(/\d/g, (d) => (++seen <= keepFirst || seen > all.length - 4 ? d : '*'));
    }
    case 'id_number':
      return found.slice(0, 6) + '*'.repeat(found.length - 10) + found.slice(-4);
    case 'email': {
      const [local = '', domain = ''] = found.split('@');
      return `${local.slice(0, 1)}***@${domain}`;
    }
  }
}

/**
 * Masks the personal data in a text before it is published: the names given, phone
 * numbers other than the declared contacts, resident identity card numbers, e-mail
 * addresses other than the declared mailbox. Answers the new text and every change
 * made, in order, so a reviewer sees what was masked before it goes out.
 *
 * @throws `ValidationError` when the rules are malformed.
 *
 * @example
 * ```ts
 * redactText('对张三进行约谈，联系电话13812345678。', { names: ['张三'] }).text;
 * // '对张＊进行约谈，联系电话138****5678。'
 * ```
 */
export function redactText(text: string, rules: RedactionRules = {}): { text: string; redactions: Redaction[] } {
  return redactWith(text, '(root)', compile(rules));
}

/** Something found to mask; `whole`: mask every character (a surname before a post), whatever `nameMask` says. */
interface Hit {
  kind: RedactionKind;
  index: number;
  original: string;
  whole?: boolean;
}

/** Rules validated and turned into one pass over a text. */
interface CompiledRules {
  find: (text: string) => Hit[];
  nameMask: 'surname' | 'full';
}

function compile(input: RedactionRules): CompiledRules {
  const rules = parseWith(RedactionRulesSchema, input, 'redaction rules');
  // Longest names first, so 欧阳小明 is masked whole before 欧阳 could match inside it.
  const names = [...new Set(rules.names.map((n) => n.trim()).filter((n) => n.length > 0))].sort((a, b) => b.length - a.length);
  const keepPhones = new Set((rules.phones?.keep ?? []).map(digits));
  const keepEmails = new Set((rules.emails?.keep ?? []).map((e) => e.toLowerCase()));
  return {
    nameMask: rules.nameMask,
    find: (text) => {
      const hits: Hit[] = [];
      // Matched on the half-width view, replaced in the text as written (the same indexes).
      const view = halfWidth(text);
      const scan = (kind: RedactionKind, pattern: RegExp, keep: (s: string, index: number) => boolean = () => false) => {
        for (const m of view.matchAll(pattern)) if (!keep(m[0], m.index)) hits.push({ kind, index: m.index, original: text.slice(m.index, m.index + m[0].length) });
      };
      if (rules.idNumbers) scan('id_number', ID_NUMBER);
      if (rules.emails !== null) {
        const ascii = [...view.matchAll(EMAIL)].map((m) => m.index + m[0].indexOf('@'));
        const keptEmail = (s: string) => keepEmails.has(s.toLowerCase());
        scan('email', EMAIL, keptEmail);
        // Only where no ASCII address holds the same @: else 163.com来信 would take 来信 into the domain.
        for (const m of view.matchAll(UNICODE_EMAIL)) {
          // The words before an address written in Chinese run into it (邮箱王芳@…): the label is not its name.
          const label = EMAIL_LABEL.exec(m[0])?.[0].length ?? 0;
          const found = m[0].slice(label);
          const index = m.index + label;
          if (keptEmail(found) || /^[\x00-\x7f]*$/.test(found) || ascii.some((at) => index <= at && at < index + found.length)) continue;
          hits.push({ kind: 'email', index, original: text.slice(index, index + found.length) });
        }
      }
      if (rules.phones !== null) {
        // A declared number is kept however it is written (0731-5551234, (0731)5551234).
        const kept = (s: string) => keepPhones.has(digits(s)) || [...keepPhones].some((k) => k.endsWith(digits(s)) && digits(s).length >= 7);
        scan('phone', MOBILE, kept);
        scan('phone', LANDLINE, kept);
      }
      // Only the surname is masked (＊会计): the post says what the text is about, not who.
      if (rules.titledNames) for (const m of text.matchAll(TITLED_NAME)) hits.push({ kind: 'name', index: m.index, original: m[0], whole: true });
      for (const name of names) {
        for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) hits.push({ kind: 'name', index: at, original: name });
      }
      // Where two overlap, the one that starts first (then the longer) wins.
      hits.sort((a, b) => a.index - b.index || b.original.length - a.original.length);
      const out: typeof hits = [];
      let end = 0;
      for (const h of hits) {
        if (h.index < end) continue;
        out.push(h);
        end = h.index + h.original.length;
      }
      return out;
    },
  };
}

function redactWith(text: string, path: string, rules: CompiledRules): { text: string; redactions: Redaction[] } {
  const hits = rules.find(text);
  if (hits.length === 0) return { text, redactions: [] };
  const redactions: Redaction[] = [];
  let out = '';
  let from = 0;
  for (const h of hits) {
    // Numbers are masked in their half-width form (１３８… becomes 138****5678).
    const replacement = mask(h.kind, h.kind === 'name' ? h.original : halfWidth(h.original), h.whole ? 'full' : rules.nameMask);
    out += text.slice(from, h.index) + replacement;
    from = h.index + h.original.length;
    redactions.push({ kind: h.kind, path, index: h.index, original: h.original, replacement });
  }
  return { text: out + text.slice(from), redactions };
}

/**
 * Redacts every string of a value (a report model, a notice's content) with the same
 * rules, keeping its shape; each change names the field it was in. Keys are left alone.
 *
 * @example
 * ```ts
 * const { value: safe, redactions } = redactValue(model, { names: namesToRedact(findings, people), phones: { keep: ['0768-2286606'] } });
 * ```
 */
export function redactValue<T>(value: T, rules: RedactionRules = {}): { value: T; redactions: Redaction[] } {
  const compiled = compile(rules);
  const redactions: Redaction[] = [];
  const path: PropertyKey[] = [];
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const r = redactWith(v, formatPath(path), compiled);
      for (const redaction of r.redactions) redactions.push(redaction);
      return r.text;
    }
    if (Array.isArray(v)) {
      return v.map((item, i) => {
        path.push(i);
        const out = walk(item);
        path.pop();
        return out;
      });
    }
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, item] of Object.entries(v)) {
        path.push(k);
        out[k] = walk(item);
        path.pop();
      }
      return out;
    }
    return v;
  };
  return { value: walk(value) as T, redactions };
}

/**
 * Redacts a report model with {@link redactValue}, all but its `history` check: digests
 * are hexadecimal, and a run of their digits can look like a phone number (…0458 7049…),
 * which masking would corrupt. They hold no personal data.
 *
 * @example
 * ```ts
 * const { value: safe, redactions } = redactReportModel(model, publicRedactionRules(inspection, findings, people, organisation));
 * ```
 */
export function redactReportModel<T extends { history?: unknown }>(model: T, rules: RedactionRules = {}): { value: T; redactions: Redaction[] } {
  const { history, ...rest } = model;
  const { value, redactions } = redactValue(rest, rules);
  return { value: { ...value, history } as T, redactions };
}

/**
 * The rules of a report made public: every person's name is masked (a public notice
 * names no individual: first of all the people interviewed or held accountable, see
 * {@link namesToRedact}, but also the responsible people and leaders, whose names
 * appear in measures and ledger entries), and so are phone numbers, ID numbers and
 * e-mail addresses, but the contacts the inspection declares for public supervision.
 * A "person" that is a unit's or the organisation's name, or is named like a body
 * (政工室 as the ledger's clerk, 巡察组, 纪委), is not masked: masking it would mask
 * that body's name wherever it appears (区委第二巡察组).
 *
 * @example
 * ```ts
 * const { value: safe } = redactValue(model, publicRedactionRules(inspection, findings, people, organisation));
 * ```
 */
export function publicRedactionRules(
  inspection: Pick<Inspection, 'disclosure'>,
  findings: readonly FindingState[],
  people: readonly Person[],
  organisation?: Pick<Organisation, 'name' | 'shortName' | 'units'>,
): RedactionRules {
  const contacts = inspection.disclosure?.contacts ?? [];
  const notPeople = new Set([organisation?.name, organisation?.shortName, ...(organisation?.units ?? []).map((u) => u.name)].filter((n) => n !== undefined));
  const everyone = people.map((p) => p.name.trim()).filter((n) => n !== '' && !notPeople.has(n) && !UNIT_LIKE.test(n));
  return {
    names: [...new Set([...namesToRedact(findings, people), ...everyone])].sort(),
    phones: { keep: contacts.filter((c) => c.kind === 'phone').map((c) => c.value) },
    emails: { keep: contacts.filter((c) => c.kind === 'email').map((c) => c.value) },
  };
}

/** Names of bodies rather than people: 政工室, 法治股, 巡察组, 纪委, 办公室, 党支部. */
const UNIT_LIKE = /(?:室|股|局|组|办|委|所|中心|科|处|部|队|站|院|会|厅|司|团|班|公司|机关|党组|支部|小组)$/;

/**
 * The names no public notice should show: the people interviewed (约谈) or held
 * accountable (问责) in the findings' supervision records, looked up among `people`.
 */
export function namesToRedact(findings: readonly FindingState[], people: readonly Person[]): string[] {
  const ids = new Set(findings.flatMap((f) => f.supervisions.filter((s) => s.kind === 'interview' || s.kind === 'accountability').flatMap((s) => s.targetPersonIds)));
  return people.filter((p) => ids.has(p.id)).map((p) => p.name).sort();
}
