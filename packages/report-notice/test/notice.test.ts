import { describe, expect, it } from 'vitest';
import { buildReportModel, decideOrThrow, parseInspection, parseOrganisation, type FindingState } from '@rectify/core';
import { defaultClosing, escapeMarkdown, noticeMarkdownRenderer, noticeTextRenderer, parseNotice } from '../src/index.js';

const inspection = parseInspection({
  id: 'i1', kind: 'xuncha', title: '巡察', inspector: { name: '市委第二巡察组' }, subjectOrganisationId: 'o1',
  onSite: { start: '2023-11-20', end: '2024-01-10' }, feedbackDate: '2024-03-01',
  categories: [{ id: 'c1', ordinal: 1, title: '第一方面' }, { id: 'c2', ordinal: 2, title: '空的方面' }],
  disclosure: { contacts: [{ kind: 'phone', value: '010-1234' }], signer: '中共某某局党组', publishedOn: '2024-09-01' },
});
const organisation = parseOrganisation({ id: 'o1', name: '某某局党组' });

function finding(id: string, title: string, measures: string[], categoryId?: string): FindingState {
  return decideOrThrow(undefined, {
    type: 'create', commandId: id, findingId: id, actorId: 'c', at: '2024-03-05T09:00:00+08:00',
    finding: { inspectionId: 'i1', ordinal: Number(id.slice(1)), title, ...(categoryId ? { categoryId } : {}) },
    measures: measures.map((text, i) => ({ id: `m${i}`, ordinal: i + 1, text })),
  }, { inspection, actor: { id: 'c', roles: ['coordinator'] } }).state;
}

describe('the notice', () => {
  it('builds its preamble and closing from the inspection when none is given', () => {
    const model = buildReportModel([finding('f1', '问题一', ['建立制度'], 'c1')], inspection, organisation, '2024-09-01');
    const text = String(noticeTextRenderer.render(model, { locale: 'zh-CN' }).data);
    expect(text.startsWith('某某局党组关于巡察集中整改进展情况的通报\n\n2023年11月20日至2024年1月10日，市委第二巡察组对某某局党组进行了巡察。2024年3月1日，市委第二巡察组向某某局党组反馈了巡察意见。')).toBe(true);
    // One measure alone is not numbered 一是.
    expect(text).toContain('1、针对“问题一”问题\n\n整改情况：建立制度。\n\n整改进度：尚未启动。');
    expect(text).toContain('如有意见建议，请及时向我们反映（电话：010-1234）。');
    expect(text.trimEnd().endsWith('中共某某局党组\n2024年9月1日')).toBe(true);
    // A category without findings gets no heading.
    expect(text).not.toContain('空的方面');
  });

  it('puts findings without a category before the categories, without a heading, so that none reads as a category\'s', () => {
    const model = buildReportModel([finding('f2', '无类别问题', ['一', '二']), finding('f1', '有类别问题', ['a'], 'c1')], inspection, organisation, '2024-09-01');
    const text = String(noticeTextRenderer.render(model, { locale: 'zh-CN' }).data);
    expect(text.indexOf('无类别问题')).toBeLessThan(text.indexOf('（一）'));
    expect(text.indexOf('（一）')).toBeLessThan(text.indexOf('有类别问题'));
    expect(parseNotice(text).findings.map((f) => [f.title, f.categoryOrdinal])).toEqual([['无类别问题', null], ['有类别问题', 1]]);
    expect(text).toContain('整改情况：一是一；二是二。');
  });

  it('is the same for an empty inspection every time, and still says who signs', () => {
    const model = buildReportModel([], inspection, organisation, '2024-09-01');
    const a = noticeTextRenderer.render(model, { locale: 'zh-CN' }).data;
    expect(a).toBe(noticeTextRenderer.render(model, { locale: 'zh-CN' }).data);
    expect(String(a)).toContain('一、整改落实情况\n\n欢迎广大干部群众');
  });

  it('keeps markup written by users inert in Markdown', () => {
    const model = buildReportModel([finding('f1', '<script>alert(1)</script> *粗* [链接](http://x)', ['# 不是标题'], 'c1')], inspection, organisation, '2024-09-01');
    const md = String(noticeMarkdownRenderer.render(model, { locale: 'zh-CN' }).data);
    expect(md).toContain('\\<script\\>alert\\(1\\)\\</script\\> \\*粗\\* \\[链接\\]\\(http://x\\)');
    expect(md).toContain('**整改情况：**\\# 不是标题。');
    expect(md).not.toContain('<script>');
    expect(escapeMarkdown('a\nb')).toBe('a b');
  });

  it('carries CJK extension characters, emoji and very long text unchanged', () => {
    const long = '长'.repeat(100_000);
    const model = buildReportModel([finding('f1', '𠀀𠀁 🚩 问题', [long], 'c1')], inspection, organisation, '2024-09-01');
    const text = String(noticeTextRenderer.render(model, { locale: 'zh-CN' }).data);
    expect(text).toContain('针对“𠀀𠀁 🚩 问题”问题');
    expect(text).toContain(`整改情况：${long}。`);
  });

  it('writes the closing for labelled channels in both languages', () => {
    const contacts = [{ kind: 'email' as const, value: 'a@b.cn', label: '市委巡察办', note: '来信注明：监督' }];
    expect(defaultClosing(contacts, 'zh-CN')).toBe('欢迎广大干部群众对巡察整改落实进行监督。也可径向市委巡察办反映，电子邮箱：a@b.cn（来信注明：监督）。');
    expect(defaultClosing([], 'en')).toBe('Cadres and the public are welcome to supervise the rectification.');
  });
});
