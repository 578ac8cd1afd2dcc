import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zipTooLarge } from '@rectify/core';
import { isRectifyWorkbook, ledgerOf, readClerkLedger, readLedgerWorkbook, writeLedgerWorkbook } from '../src/index.js';
import { worldReportModel } from '@rectify/testing';

/** A real workbook with one more part: `size` bytes of zeros, which deflate to almost nothing. */
async function withBomb(size: number): Promise<Uint8Array> {
  const parts = unzipSync(await writeLedgerWorkbook(ledgerOf(await worldReportModel({ findings: 3 })), { locale: 'zh-CN' }));
  return zipSync({ ...parts, 'xl/media/padding.bin': [new Uint8Array(size), { level: 9 }] });
}

/** The same bytes, with the central directory declaring `size` for the entry named `name`. */
function declaring(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let at = 0; at < out.length - 46; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const length = view.getUint16(at + 28, true);
    if (new TextDecoder().decode(out.subarray(at + 46, at + 46 + length)) === name) view.setUint32(at + 24, size, true);
  }
  return out;
}

describe('zip bombs', () => {
  it('refuses a workbook whose part inflates a thousand times, before opening it, in every reader', async () => {
    const bomb = await withBomb(48 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(500_000);
    expect(zipTooLarge(bomb)).toMatch(/^the part xl\/media\/padding\.bin inflates \d+ times \(48\.0 MiB from/);
    expect(await isRectifyWorkbook(bomb)).toBe(false);
    const clerk = await readClerkLedger(bomb);
    expect(clerk.issues.map((i) => [i.severity, i.code])).toEqual([['error', 'workbook.too_large']]);
    await expect(readLedgerWorkbook(bomb)).rejects.toThrow(/The workbook is not opened: the part xl\/media\/padding\.bin inflates/);
  });

  it('refuses a workbook that declares more than it may inflate in all, or a ZIP64 part, or too many parts', async () => {
    const plain = await writeLedgerWorkbook(ledgerOf(await worldReportModel({ findings: 3 })), { locale: 'zh-CN' });
    expect(zipTooLarge(plain)).toBeUndefined();
    expect(await isRectifyWorkbook(plain)).toBe(true);
    const sheet = Object.keys(unzipSync(plain)).find((n) => n.startsWith('xl/worksheets/'))!;
    expect(zipTooLarge(declaring(plain, sheet, 0xffffffff))).toBe(`the part ${sheet} is larger than 4 GiB (ZIP64)`);
    expect(zipTooLarge(plain, { totalBytes: 1000 })).toMatch(/^it inflates to [\d.]+ MiB \(at most 0\.0 MiB\)$/);
    expect(zipTooLarge(plain, { entries: 3 })).toMatch(/^it holds \d+ parts \(at most 3\)$/);
  });

  it('refuses a part whose directory entry declares less than it inflates to, in every reader', async () => {
    // 48 MiB of zeros declared as 1,000 bytes: the directory check passes, the inflated bytes do not.
    const lying = declaring(await withBomb(48 * 1024 * 1024), 'xl/media/padding.bin', 1000);
    expect(zipTooLarge(lying)).toBeUndefined();
    const said = /the part xl\/media\/padding\.bin inflates past the 1,000 bytes its directory entry declares/;
    await expect(readLedgerWorkbook(lying)).rejects.toThrow(said);
    const clerk = await readClerkLedger(lying);
    expect(clerk.issues.map((i) => [i.severity, i.code])).toEqual([['error', 'workbook.too_large']]);
    expect(clerk.issues[0]!.message.en).toMatch(said);
    expect(await isRectifyWorkbook(lying)).toBe(false);
    // An honest workbook passes both checks and opens.
    const plain = await writeLedgerWorkbook(ledgerOf(await worldReportModel({ findings: 3 })), { locale: 'zh-CN' });
    expect((await readLedgerWorkbook(plain)).findings).toHaveLength(3);
  });
});
