import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { worldReportModel } from '@rectify/testing';
import { officialDocument } from '../src/index.js';

// The document is checked the way a reader opens it: LibreOffice turns it into a PDF,
// poppler reads the PDF back. CI installs both (.ci/run) and must not skip this.
const SOFFICE = '/usr/bin/soffice';
const available = existsSync(SOFFICE) && existsSync('/usr/bin/pdftotext');
if (!available && process.env.CI === 'true') throw new Error('CI=true but LibreOffice or poppler-utils is missing: the document tests must run in CI');

const OUT = join(import.meta.dirname, '..', '..', '..', '.tmp', 'report-docx');

describe.skipIf(!available)('official document in LibreOffice', () => {
  it('converts to an A4 PDF whose pages carry the text and the page numbers, with a PNG of the first page', async () => {
    mkdirSync(OUT, { recursive: true });
    const model = await worldReportModel({ findings: 40 });
    model.signer = '中共某某局党组';
    model.publishedOn = '2023-11-25';
    writeFileSync(join(OUT, 'notice.docx'), await officialDocument(model, { locale: 'zh-CN' }));
    execFileSync(SOFFICE, ['--headless', `-env:UserInstallation=file://${join(OUT, 'profile')}`, '--convert-to', 'pdf', '--outdir', OUT, join(OUT, 'notice.docx')], { stdio: 'pipe', timeout: 120_000 });
    const pdf = join(OUT, 'notice.pdf');
    const info = execFileSync('pdfinfo', [pdf]).toString();
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThan(1);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
    // pdftotext spaces out what it reads (2023 年 11 月): compare without white space.
    const perPage = text.split('\f').filter((p) => p.trim() !== '').map((p) => p.trim().split('\n').map((l) => l.replace(/\s/g, '')));
    expect(perPage).toHaveLength(pages);
    // Every page ends with its number between dashes.
    perPage.forEach((page, i) => expect(page.at(-1)).toBe(`—${i + 1}—`));
    expect(perPage[0]!.join('')).toContain('关于巡察集中整改进展情况的通报');
    expect(perPage.at(-1)!.filter(Boolean).slice(-3)).toEqual(['中共某某局党组', '2023年11月25日', `—${pages}—`]);
    execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', pdf, join(OUT, 'page')]);
    expect(readdirSync(OUT).some((f) => /^page-0?1\.png$/.test(f))).toBe(true);
  });
});
