import { describe, expect, it, vi } from 'vitest';
import {
  buildReportModel,
  isRectifyError,
  decideOrThrow,
  parseInspection,
  parseOrganisation,
  type FindingState,
  type RenderOptions,
  type ReportModel,
  type ReportRenderer,
} from '@rectify/core';

/** What a report format tells the kit. */
export interface ReportRendererTestOptions<O extends RenderOptions> {
  renderer: ReportRenderer<O>;
  /** Options besides the locale (e.g. a notice's narrative sections). */
  options?: Omit<O, 'locale'>;
  /** The media type the format declares, e.g. `text/plain; charset=utf-8`. */
  mediaType: string;
  /** The file name's extension, e.g. `.txt`. */
  extension: string;
  /** For binary formats: the bytes every file starts with (ZIP: `PK\x03\x04`). */
  signature?: Uint8Array;
  /**
   * Turns the output into text that shows what a reader sees (for a ZIP-based format,
   * its unpacked XML), so the kit can look for the data in it. Text formats leave it out.
   */
  readText?: (data: string | Uint8Array) => Promise<string> | string;
  /**
   * For formats with markup: tells whether a user's text stayed inert (escaped or
   * quoted) in the rendered text. Left out, the format is plain text, and the kit
   * checks instead that the text is printed exactly as written.
   */
  inert?: (text: string, hostile: string) => boolean;
  /**
   * The longest text one field can hold, when the format has a limit (a spreadsheet
   * cell holds 32,767 characters). The kit then checks that a text of that length
   * comes through and a longer one is refused with a `report.limit` error.
   */
  maxTextLength?: number;
  /**
   * The format says the same in every language (a JSON model: keys, ids and the users'
   * own words, no labels). Left out, the kit checks that zh-CN and en differ.
   */
  languageNeutral?: boolean;
}

/** The media types registered (IANA) for the file extensions reports are written as. */
const REGISTERED_TYPES: Record<string, string> = {
  '.txt': 'text/plain',
  '.md': 'text/markdown',
  '.csv': 'text/csv',
  '.tsv': 'text/tab-separated-values',
  '.json': 'application/json',
  '.html': 'text/html',
  '.ics': 'text/calendar',
  '.pdf': 'application/pdf',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

const HOSTILE = '<script>alert("x")</script> & \'quote\' =SUM(A1) *粗* [链接](javascript:x)';
const inspection = parseInspection({
  id: 'kit-ins', kind: 'xuncha', title: '测试巡察', inspector: { name: '巡察组' }, subjectOrganisationId: 'kit-org',
  categories: [{ id: 'c1', ordinal: 1, title: '第一方面' }],
  disclosure: { contacts: [{ kind: 'email', value: 'kit@example.cn' }], signer: '测试党组', publishedOn: '2024-04-17' },
});
const organisation = parseOrganisation({ id: 'kit-org', name: '测试单位党组' });

function finding(n: number, title: string, measure: string): FindingState {
  return decideOrThrow(undefined, {
    type: 'create', commandId: `k${n}`, findingId: `k${n}`, actorId: 'kit', at: '2024-03-01T09:00:00+08:00',
    finding: { inspectionId: 'kit-ins', categoryId: 'c1', ordinal: n, title },
    measures: [{ id: 'm1', ordinal: 1, text: measure }],
  }, { inspection, actor: { id: 'kit', roles: ['coordinator'] } }).state;
}

/** A model whose findings are the given titles, each with one measure. */
export function reportModelOf(titles: readonly string[], measure = '建立长效机制'): ReportModel {
  return buildReportModel(titles.map((t, i) => finding(i + 1, t, measure)), inspection, organisation, '2024-04-17');
}

/**
 * Runs the report conformance suite against a format: deterministic bytes, media type
 * and file name, file signature, an empty inspection, very large text, CJK extension
 * characters and emoji carried through, markup in users' text kept inert, 10,000 findings.
 */
export function testReportRenderer<O extends RenderOptions>(t: ReportRendererTestOptions<O>): void {
  const render = async (model: ReportModel, locale: RenderOptions['locale'] = 'zh-CN') =>
    t.renderer.render(model, { ...(t.options ?? {}), locale } as O);
  const text = async (data: string | Uint8Array) => (t.readText ? t.readText(data) : String(data));

  describe(`report format: ${t.renderer.name}`, () => {
    it('renders the same bytes for the same model and options, whatever the clock says', async () => {
      const model = reportModelOf(['问题甲', '问题乙']);
      const a = (await render(model)).data;
      // A format that reads the clock (a ZIP entry's time, a "created" stamp) shows here.
      vi.useFakeTimers({ toFake: ['Date'], now: new Date('2031-05-06T07:08:09Z') });
      let b: string | Uint8Array;
      try {
        b = (await render(reportModelOf(['问题甲', '问题乙']))).data;
      } finally {
        vi.useRealTimers();
      }
      expect(typeof a === 'string' ? a : Buffer.from(a).toString('base64')).toBe(typeof b === 'string' ? b : Buffer.from(b).toString('base64'));
    });

    it('declares its media type and file name, and starts with its signature', async () => {
      const out = await render(reportModelOf(['问题']));
      expect(out.mediaType).toBe(t.mediaType);
      // Not only what the caller said: the type registered for the file's extension, and a charset for text.
      const [essence, ...parameters] = out.mediaType.split(';').map((p) => p.trim().toLowerCase());
      expect(essence).toMatch(/^[a-z]+\/[a-z0-9.+-]+$/);
      const registered = REGISTERED_TYPES[t.extension.toLowerCase()];
      if (registered !== undefined) expect(essence, `the media type of ${t.extension}`).toBe(registered);
      if (essence!.startsWith('text/')) expect(parameters, 'a text format names its charset').toContain('charset=utf-8');
      if (typeof out.data === 'string') expect(essence === 'application/json' || essence!.startsWith('text/'), 'text output has a text media type').toBe(true);
      expect(out.fileName.endsWith(t.extension)).toBe(true);
      expect(out.fileName).not.toMatch(/[\\/:*?"<>|]/);
      if (t.signature) {
        const bytes = typeof out.data === 'string' ? new TextEncoder().encode(out.data) : out.data;
        expect([...bytes.slice(0, t.signature.length)]).toEqual([...t.signature]);
      }
    });

    it('renders an inspection without findings, in both languages, with nothing of a finding in it', async () => {
      const empty: Record<string, string> = {};
      for (const locale of ['zh-CN', 'en'] as const) {
        const out = await text((await render(reportModelOf([]), locale)).data);
        const one = await text((await render(reportModelOf(['唯一的问题'], '唯一的措施'), locale)).data);
        // The same report with one finding shows it; without, neither its title nor its measure.
        expect(one).toContain('唯一的问题');
        expect(out).not.toContain('唯一的问题');
        expect(out).not.toContain('唯一的措施');
        expect(out.trim().length).toBeGreaterThan(0);
        empty[locale] = out;
      }
      // Headings, labels and the rest are in the language asked for: the two are not the same text.
      if (t.languageNeutral) expect(empty['en']).toBe(empty['zh-CN']);
      else expect(empty['en']).not.toBe(empty['zh-CN']);
    });

    it(`carries CJK extension characters, emoji and a ${(t.maxTextLength ?? 100_000).toLocaleString('en')}-character text through`, async () => {
      const long = '长'.repeat(t.maxTextLength ?? 100_000);
      const out = await text((await render(reportModelOf(['𠀀𠀁 🚩 问题'], long))).data);
      expect(out).toContain('𠀀𠀁 🚩 问题');
      expect(out).toContain(long);
    });

    if (t.maxTextLength !== undefined) {
      const max = t.maxTextLength;
      it('refuses a text longer than it can hold with a report.limit error naming the limit', async () => {
        const error = await render(reportModelOf(['问题'], '长'.repeat(max + 1))).then(() => undefined, (e: unknown) => e);
        expect(isRectifyError(error, 'report.limit')).toBe(true);
        expect((error as Error).message).toContain(max.toLocaleString('en').replace(/,/g, ''));
      });
    }

    it('renders 10,000 findings', async () => {
      const titles = Array.from({ length: 10_000 }, (_, i) => `第${i + 1}个问题`);
      const out = await text((await render(reportModelOf(titles))).data);
      expect(out).toContain('第1个问题');
      expect(out).toContain('第10000个问题');
    });

    it(t.inert ? 'keeps markup written by users inert' : 'prints what users wrote exactly as written', async () => {
      const out = await text((await render(reportModelOf([HOSTILE]))).data);
      if (t.inert) {
        expect(out).not.toContain('<script>alert');
        expect(t.inert(out, HOSTILE)).toBe(true);
      } else {
        expect(out).toContain(HOSTILE);
      }
    });
  });
}
