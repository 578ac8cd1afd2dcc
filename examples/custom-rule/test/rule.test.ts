import { describe, expect, it, vi } from 'vitest';

describe('a rule of one\'s own', () => {
  it('refuses sign-off while a monthly report is missing, naming the month, and accepts it once made', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await import('../src/main.js');
    expect(log.mock.calls).toEqual([
      ['申请销号:', ['缺少2023-08的月度报告（应于2023-09-05前报送）', '缺少2023-09的月度报告（应于2023-10-05前报送）']],
      ['补报8、9月月报后申请销号:', [], 'awaiting_signoff'],
    ]);
    log.mockRestore();
  });
});
