// What a checked import, a trusted restore and the hash chain cost, in one run:
// `pnpm --filter @rectify/bench exec node --expose-gc --import tsx src/import-cost.ts [findings]`.
import { chainHistories, memoryDriver, openStore, verifyChain, type FindingEvent } from '@rectify/core';
import { generate } from './generate.js';

const findings = Number(process.argv[2] ?? 10_000);
const { bundle } = generate(findings);
const seconds = async (work: () => Promise<unknown> | unknown) => {
  (globalThis as { gc?: () => void }).gc?.();
  const t = performance.now();
  await work();
  return (performance.now() - t) / 1000;
};
const byFinding = new Map<string, FindingEvent[]>();
for (const e of bundle.events) byFinding.set(e.findingId, [...(byFinding.get(e.findingId) ?? []), e]);
for (let run = 1; run <= 2; run++) {
  const checked = await seconds(async () => (await openStore(memoryDriver())).importBundle(bundle));
  const trusted = await seconds(async () => (await openStore(memoryDriver())).importBundle(bundle, { trusted: true }));
  const verify = await seconds(() => { for (const events of byFinding.values()) verifyChain(events); });
  const seal = await seconds(() => chainHistories(bundle.events));
  console.log(JSON.stringify({ run, findings, events: bundle.events.length, checked, trusted, verifyChain: verify, chainHistories: seal }));
}
