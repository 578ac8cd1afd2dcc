import { beforeAll, describe, expect, it } from 'vitest';
import { buildReportModel, memoryDriver, openStore, parseOrganisation, type ReportModel } from '@rectify/core';
import { noticeMarkdownRenderer, noticeTextRenderer } from '@rectify/report-notice';
import { buildSeedStore, NOTICE_DATE, SEED_INSPECTION, SEED_SCOPE } from '../src/history.js';
import { ORGANISATION } from '../src/seed-inspection.js';
import { SEED_NOTICE_CONTENT } from '../src/seed-notice.js';
import { seedCorrected, squash } from './seed-text.js';

describe('the seed notice, rendered from the data', () => {
  let model: ReportModel;
  beforeAll(async () => {
    const store = await openStore(memoryDriver());
    await buildSeedStore(store);
    const findings = await store.findingsAsOf(SEED_SCOPE, NOTICE_DATE);
    model = buildReportModel(findings, SEED_INSPECTION, parseOrganisation(ORGANISATION), NOTICE_DATE);
  });

  it('equals the published notice, white space aside, except where the notice contradicts itself', () => {
    const { data, mediaType, fileName } = noticeTextRenderer.render(model, { locale: 'zh-CN', ...SEED_NOTICE_CONTENT });
    expect(mediaType).toBe('text/plain; charset=utf-8');
    expect(fileName).toBe('notice-xq-2023-xuncha-2024-04-17.txt');
    expect(squash(String(data))).toBe(seedCorrected());
  });

  it('reproduces section 二 finding by finding in the published layout', () => {
    const text = String(noticeTextRenderer.render(model, { locale: 'zh-CN', ...SEED_NOTICE_CONTENT }).data);
    expect(text).toContain('二、聚焦问题，落实一事一策，确保整改工作落细落地\n\n（一）党的路线方针政策和党中央重大决策部署的贯彻落实方面\n\n1、针对“学习贯彻习近平法治思想不够深入”问题\n\n整改情况：一是坚持把政治建设摆在首位');
    expect(text).toContain('；六是强化业务培训。');
    expect(text.match(/整改进度：已完成。/g)).toHaveLength(5);
    expect(text.match(/整改进度：阶段性完成并需长期坚持。/g)).toHaveLength(17);
    expect(text.trimEnd().endsWith('中共潮州市湘桥区司法局党组（代章）\n2024年4月17日')).toBe(true);
  });

  it('renders the same bytes every time', () => {
    const a = noticeMarkdownRenderer.render(model, { locale: 'zh-CN', ...SEED_NOTICE_CONTENT });
    const b = noticeMarkdownRenderer.render(model, { locale: 'zh-CN', ...SEED_NOTICE_CONTENT });
    expect(a.data).toBe(b.data);
    expect(String(a.data)).toContain('#### 1、针对“学习贯彻习近平法治思想不够深入”问题');
  });

  it('has an English rendering of the same structure', () => {
    const text = String(noticeTextRenderer.render(model, { locale: 'en' }).data);
    expect(text).toContain('I. Rectification of the findings');
    expect(text).toContain('(1) 党的路线方针政策和党中央重大决策部署的贯彻落实方面');
    expect(text).toContain('1. Finding: “学习贯彻习近平法治思想不够深入”');
    expect(text.match(/Progress: signed off\./g)).toHaveLength(5);
    expect(text).toContain('From 12 April 2023 to 30 June 2023, 区委第一巡察组 inspected 潮州市湘桥区司法局党组.');
    expect(text).toContain('You may also write to 区委巡察办, e-mail: czxqxcb@163.com (来信注明：巡察整改落实情况监督).');
  });
});
