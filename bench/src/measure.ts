/** Milliseconds a function takes, best of `runs` (the least disturbed by the rest of the machine). */
export async function timeBest(runs: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return best;
}

/** The p-th percentile (0–100) of a list of numbers. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Heap in use now, in MB, after a full collection when the process allows one (`--expose-gc`). */
export function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/** One row of the results table. */
export interface Result {
  case: string;
  library: string;
  baseline: string;
  /** library ÷ baseline for times (lower is better); empty without a baseline. */
  ratio: string;
  goal: string;
}
