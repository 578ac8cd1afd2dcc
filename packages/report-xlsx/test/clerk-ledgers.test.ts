import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '@rectify/core';
import { sqliteDriver } from '@rectify/storage-sqlite';
import { readClerkLedger } from '../src/clerk/index.js';
import { BIN, runProgram } from '../../cli/test/binary.js';

// Ledgers laid out by clerks, not by rectify: the three of ../shared/ledgers (copied
// into shared/ with their scorer) and the team's corpus (corpus/, made by
// make-corpus.ts). Each is imported by the built command line with no mapping file
// and scored by check_import.py, as the project is judged.
const ROOT = join(import.meta.dirname, '..', '..', '..');
const SCORER = join(import.meta.dirname, 'ledgers', 'shared', 'check_import.py');
const dirs = ['shared', 'corpus'].map((d) => join(import.meta.dirname, 'ledgers', d));
const ledgers = dirs.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.xlsx') || f.endsWith('.csv')).map((f) => join(dir, f)));

interface Expected {
  refused?: boolean;
  mustWarn?: { cell: string; code?: string; why?: string }[];
}

describe('ledgers as clerks keep them', () => {
  it('has the corpus the issue asks for: the three shared ledgers and at least twelve of our own', () => {
    expect(ledgers.filter((l) => l.includes('/shared/'))).toHaveLength(3);
    expect(ledgers.filter((l) => l.includes('/corpus/')).length).toBeGreaterThanOrEqual(12);
  });

  it.each(ledgers.map((l) => [l.split('/').slice(-2).join('/'), l]))('%s imports with no mapping file and scores fully', async (_name, file) => {
    if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run the build first (npx -y pnpm@10 build)`);
    const expected = JSON.parse(readFileSync(file.replace(/\.(xlsx|csv)$/, '.expected.json'), 'utf8')) as Expected;
    const db = join(mkdtempSync(join(tmpdir(), 'rectify-ledger-')), 's.db');
    const imported = await runProgram(ROOT, 'node', [BIN, 'import', file, '--db', db, '--org', 't']);
    if (expected.refused) {
      // One cell that cannot be read refuses the ledger, naming the cell; nothing is written.
      expect(imported.code, imported.err).toBe(2);
      for (const w of expected.mustWarn ?? []) expect(imported.err).toContain(`${w.cell}: ${w.code}`);
      const store = await openStore(sqliteDriver({ filename: db }));
      try {
        expect((await store.exportBundle()).events).toHaveLength(0);
      } finally {
        await store.close();
      }
      return;
    }
    expect(imported.code, imported.err).toBe(0);
    const scored = await runProgram(ROOT, 'python3', [SCORER, file.replace(/\.(xlsx|csv)$/, '.expected.json'), db]);
    expect(scored.out).toMatch(/: (\d+)\/\1 checks pass/);
    expect(scored.code, scored.out).toBe(0);
  });

  it.each(ledgers.map((l) => [l.split('/').slice(-2).join('/'), l]))('%s flags the cells a careful reader would', async (_name, file) => {
    const expected = JSON.parse(readFileSync(file.replace(/\.(xlsx|csv)$/, '.expected.json'), 'utf8')) as Expected;
    const ledger = await readClerkLedger(readFileSync(file), { today: '2026-12-01', name: file.split('/').pop()!.replace(/\.(xlsx|csv)$/, '') });
    for (const w of expected.mustWarn ?? []) {
      const [sheet, cell = ''] = w.cell.split('!') as [string, string?];
      const found = ledger.issues.filter((i) => (w.cell === '' || (i.sheet === sheet && i.cell === cell)) && (w.code === undefined || i.code === w.code));
      expect(found, `${w.cell} ${w.code ?? w.why}`).not.toHaveLength(0);
    }
    // Every issue names its sheet and says in both languages what is wrong.
    for (const i of ledger.issues) {
      expect(i.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(i.message.en).toMatch(/[a-z]/);
    }
  });
});
