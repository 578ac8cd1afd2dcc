import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { stableZip } from '../src/index.js';

const content = { 'a.xml': strToU8('<a>整改</a>'), 'dir/b.xml': strToU8('<b/>'.repeat(100)) };
const zipAt = (mtime: Date, comment?: string) =>
  zipSync(Object.fromEntries(Object.entries(content).map(([k, v]) => [k, [v, { mtime }]])), { level: 6, ...(comment ? { comment } : {}) });

describe('stableZip', () => {
  it('makes zips of the same content written at different times byte-identical, and keeps the content', () => {
    const a = zipAt(new Date(2024, 3, 17, 9, 30, 12));
    const b = zipAt(new Date(2031, 11, 1, 23, 59, 58));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
    const sa = stableZip(a);
    expect(Buffer.from(sa).equals(Buffer.from(stableZip(b)))).toBe(true);
    expect(strFromU8(unzipSync(sa)['a.xml']!)).toBe('<a>整改</a>');
    expect(Object.keys(unzipSync(sa))).toEqual(['a.xml', 'dir/b.xml']);
    // The input is left as it was.
    expect(Buffer.from(a).equals(Buffer.from(zipAt(new Date(2024, 3, 17, 9, 30, 12))))).toBe(true);
  });

  it('finds the directory behind an archive comment', () => {
    const s = stableZip(zipAt(new Date(2020, 0, 2), '巡察整改'.repeat(50)));
    expect(Object.keys(unzipSync(s))).toHaveLength(2);
  });

  it('refuses bytes that are not a ZIP file', () => {
    expect(() => stableZip(strToU8('not a zip at all, just some text long enough'))).toThrow(/Not a ZIP file/);
    expect(() => stableZip(new Uint8Array(3))).toThrow(/Not a ZIP file/);
  });
});
