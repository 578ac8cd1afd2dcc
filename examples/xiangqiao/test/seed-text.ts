import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/** The published notice, as fetched. */
export const seed = readFileSync(join(fileURLToPath(new URL('..', import.meta.url)), 'data', 'seed-notice.txt'), 'utf8');
/** Drops all white space, the way notices are compared. */
export const squash = (text: string) => text.replace(/\s+/g, '');

/**
 * The seed's own inconsistencies (see SEED_ODDITIES), corrected in the seed's text: the
 * rendering from clean data differs from the seed exactly there, and nowhere else.
 */
export function seedCorrected(): string {
  const fixes: [string, string][] = [
    ['6、针对“一村一法律顾问”工作存在短板”问题', '6、针对““一村一法律顾问”工作存在短板”问题'],
    ['整改情况：阶段性完成并需长期坚持。一是落实《潮州市湘桥区司法局领导班子谈心谈话制度》', '整改情况：一是落实《潮州市湘桥区司法局领导班子谈心谈话制度》'],
  ];
  let text = squash(seed);
  for (const [from, to] of fixes) {
    expect(text).toContain(squash(from));
    text = text.replace(squash(from), squash(to));
  }
  return text;
}
