import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { chineseNumeral, memoryDriver, openStore, replay, STATUS_LABELS, totals, type FindingState, type Store } from '@rectify/core';
import { buildSeedStore, SEED_INSPECTION, SEED_SCOPE } from '../src/history.js';
import { SEED_FINDINGS } from '../src/seed-findings.js';

const here = dirname(fileURLToPath(import.meta.url));
const seed = readFileSync(join(here, '..', 'data', 'seed-notice.txt'), 'utf8');

describe('the seed as data', () => {
  it('holds 22 findings in 3 categories of 8, 6 and 8', () => {
    expect(SEED_FINDINGS).toHaveLength(22);
    expect([1, 2, 3].map((c) => SEED_FINDINGS.filter((f) => f.category === c).length)).toEqual([8, 6, 8]);
  });

  it('has every title as the notice writes it (but for the one it misquotes)', () => {
    for (const f of SEED_FINDINGS) {
      const line = `${f.ordinal}、针对“${f.title}”问题`;
      if (f.id === 'xq-1-6') {
        expect(seed).not.toContain(line);
        expect(seed).toContain(`${f.ordinal}、针对${f.title}”问题`);
      } else {
        expect(seed).toContain(line);
      }
    }
  });

  it('has every measure verbatim, numbered as the notice numbers it', () => {
    for (const f of SEED_FINDINGS) {
      for (const m of f.measures) {
        const numbered = f.measures.length > 1 ? `${chineseNumeral(m.ordinal)}是${m.text}` : `整改情况：${m.text}`;
        expect(seed, `${f.id} measure ${m.ordinal}`).toContain(numbered);
      }
    }
  });

  it('has the status each finding has in the notice', () => {
    // Cut the notice into the findings' blocks and read each block's 整改进度 line.
    const blocks = seed.split(/\n(?=\d+、针对)/).slice(1);
    expect(blocks).toHaveLength(22);
    SEED_FINDINGS.forEach((f, i) => {
      const wording = /整改进度：(.+?)。/.exec(blocks[i]!)?.[1];
      expect(wording, f.id).toBe(f.status === 'completed' ? '已完成' : '阶段性完成并需长期坚持');
    });
  });
});

describe('the replayed history', () => {
  let store: Store;
  let findings: FindingState[];
  beforeAll(async () => {
    store = await openStore(memoryDriver());
    await buildSeedStore(store);
    findings = (await store.findings({ ...SEED_SCOPE, limit: 100 })).items;
  });

  it('ends with the 5 completed findings signed off and the 17 others sustaining', async () => {
    const t = totals(findings, SEED_INSPECTION);
    expect(await store.totals(SEED_SCOPE)).toEqual(t);
    expect(t.byStatus.signed_off).toBe(5);
    expect(t.byStatus.sustaining).toBe(17);
    expect(t.byCategory.map((c) => c.total)).toEqual([8, 6, 8]);
    for (const f of findings) {
      const seedFinding = SEED_FINDINGS.find((s) => s.id === f.finding.id)!;
      expect(STATUS_LABELS[f.status].notice).toBe(seedFinding.status === 'completed' ? '已完成' : '阶段性完成并需长期坚持');
    }
  });

  it('signs off through 分管领导初审 then 主要领导终审会签', () => {
    const signed = findings.filter((f) => f.status === 'signed_off');
    for (const f of signed) {
      expect(f.signOff?.approvals.map((a) => a.stage)).toEqual(['preliminary', 'final']);
      expect(f.signOff?.approvals[0]?.actorId).toBe(f.assignment?.responsibleLeaderId);
      expect(f.signOff?.approvals[1]?.actorId).toBe('p-shuji');
    }
  });

  it('keeps the quantified results with their baselines', () => {
    const f = findings.find((x) => x.finding.id === 'xq-1-7')!;
    const lawyers = f.indicators.find((i) => i.id === 'gzls')!;
    expect([lawyers.baseline, lawyers.readings.at(-1)?.value]).toEqual([18, 24]);
  });

  it('replays every finding exactly, and reports a past day as it was', async () => {
    for (const f of findings) expect(replay(await store.history(SEED_SCOPE, f.finding.id))).toEqual(f);
    const october = await store.findingsAsOf(SEED_SCOPE, '2023-10-31');
    const t = totals(october, SEED_INSPECTION);
    expect(t.byStatus.in_progress).toBe(22);
    expect(t.byStatus.signed_off).toBe(0);
  });
});

describe('the example script', () => {
  it('writes out/summary.json computed by the library, from a SQLite store', () => {
    const root = join(here, '..');
    rmSync(join(root, 'out', 'summary.json'), { force: true });
    execFileSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: root, stdio: 'pipe' });
    const summary = JSON.parse(readFileSync(join(root, 'out', 'summary.json'), 'utf8'));
    expect(summary.findings).toBe(22);
    expect(summary.byStatus).toMatchObject({ signed_off: 5, sustaining: 17 });
    expect(summary.byNoticeWording).toEqual({ 已完成: 5, 阶段性完成并需长期坚持: 17 });
    expect(summary.byCategory.map((c: { total: number }) => c.total)).toEqual([8, 6, 8]);
    expect(summary.discrepancies).toBe(0);
    expect(existsSync(join(root, 'out', 'xiangqiao.db'))).toBe(true);
    expect(readFileSync(join(root, 'out', 'notice.txt'), 'utf8')).toContain('整改进度：阶段性完成并需长期坚持。');
  });
});
