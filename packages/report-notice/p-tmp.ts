import { readFileSync, readdirSync } from 'node:fs';
import { parseNotice } from '@rectify/report-notice';
const dir = 'packages/report-notice/test/corpus';
for (const f of readdirSync(dir).sort()) {
  const n = parseNotice(readFileSync(`${dir}/${f}`, 'utf8'));
  const i = n.inspection;
  console.log(`\n== ${f}\n title=${i.title?.value}|${i.title?.confidence} issuer=${i.issuer?.value} insp=${i.inspectors.map((x) => x.value)} inspected=${i.inspected.map((x) => x.value)} kind=${i.kind?.value} onSite=${JSON.stringify(i.onSite?.value)} fb=${i.feedbackDate?.value}|${i.feedbackDate?.confidence} pub=${i.publishedOn?.value}|${i.publishedOn?.confidence} signer=${i.signer?.value} contacts=${JSON.stringify(i.contacts.map((c) => c.value))}`);
  console.log(' sections', n.sections.map((s) => `${s.ordinal}${s.kind[0]}:${s.title.slice(0, 12)}`).join(' | '), ' categories', n.categories.map((c) => `${c.ordinal}:${c.title.slice(0, 10)}`).join(' | '));
  for (const x of n.findings) console.log(`  ${x.categoryOrdinal}.${x.ordinal} [${x.opening}] ${x.title} => ${x.status?.value}(${x.status?.wording}|${x.status?.confidence}) m=${x.measures.map((m) => m.ordinal + ':' + m.text.slice(0, 8)).join(' / ')} docs=${x.documents.map((d) => d.title + '@' + d.issuedOn).join(',')} res=${x.results.map((r) => r.text).join(',')} narr=${x.narrative.length}`);
  console.log(' totals', JSON.stringify(Object.fromEntries(Object.entries(n.totals).map(([k, v]) => [k, typeof v === 'object' ? v.value : v]))));
  for (const w of n.warnings) console.log(`  ! ${w.code}@${w.line}: ${w.message}`);
}
