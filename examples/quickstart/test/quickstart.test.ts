import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

describe('the quickstart', () => {
  it('takes one finding to sign-off, printing the two refusals it meets on the way', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: root, encoding: 'utf8' });
    expect(out).toContain('✗ complete_measure: lifecycle.invalid_transition');
    expect(out).toContain('✗ approve: rule.unmet [ \'当前应由“分管领导初审”审核，而非“主要领导终审会签”\' ]');
    expect(out.trim().split('\n').at(-1)).toBe('财务档案资料管理不规范: 已销号 (version 9)');
  });

  it('is the program the README shows, word for word', () => {
    const readme = readFileSync(join(root, '..', '..', 'README.md'), 'utf8');
    const program = readFileSync(join(root, 'src', 'main.ts'), 'utf8');
    expect(readme).toContain(program.trim());
  });
});
