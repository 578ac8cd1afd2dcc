import { mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { readReportModel, rollup, type CalendarDay, type ReportModel, type RollupInput, type Store } from '@rectify/core';
import { dashboardHtml, supervisionHtml } from '@rectify/report-html';
import { writeNewFile, type GlobalOptions, type Io } from '../context.js';

/** Options of `rectify report --format html --all`. */
export interface ReportAllOptions {
  asOf: CalendarDay;
  /** The folder to write (default `rectify-DAY`); made if missing. */
  output: string | undefined;
  /** Replace files that exist (else the first one found is refused). */
  force: boolean;
}

/**
 * A file name from an id: ids may hold any character, a file name may not. Letters,
 * digits, `.`, `_` and `-` are kept; anything else, and a name of dots alone, becomes `_`.
 */
function fileName(id: string): string {
  const name = id.replace(/[^\p{L}\p{N}._-]/gu, '_');
  return /^\.*$/.test(name) ? '_'.repeat(Math.max(1, name.length)) : name;
}

/**
 * `rectify report --format html --all`: a supervising office's pages, as of a day. The
 * folder's `index.html` ranks every organisation of the store with its rounds
 * (`supervisionHtml`); each round links to its own dashboard, `ORG/INSPECTION.html`.
 * Read in one snapshot of the store: each organisation's events once, each replayed once
 * for its dashboard and the roll-up alike.
 */
export async function reportAllCommand(store: Store, global: GlobalOptions, options: ReportAllOptions, io: Io): Promise<void> {
  const { inputs, dashboards } = await store.read(async (reader) => {
    const inputs: RollupInput[] = [];
    const dashboards: { organisationId: string; inspectionId: string; model: ReportModel }[] = [];
    for (const organisation of await reader.organisations()) {
      const inspections = await reader.inspections(organisation.id);
      const findings = [];
      for (const inspection of inspections) {
        // The dashboard `rectify report --format html` writes for this round, and its states for the roll-up.
        const built = await readReportModel(reader, { organisationId: organisation.id, inspectionId: inspection.id }, options.asOf, { internal: true, calendar: global.calendar });
        findings.push(...built.findings);
        dashboards.push({ organisationId: organisation.id, inspectionId: inspection.id, model: built.model });
      }
      inputs.push({ organisation, inspections, findings });
    }
    return { inputs, dashboards };
  });
  const dir = resolve(io.cwd, options.output ?? `rectify-${options.asOf}`);
  // Where each round's dashboard goes; two ids that make one file name are told apart.
  const taken = new Set<string>();
  const paths = new Map<string, string>();
  for (const d of dashboards) {
    const base = join(fileName(d.organisationId), fileName(d.inspectionId));
    let path = `${base}.html`;
    for (let n = 2; taken.has(path.toLowerCase()); n++) path = `${base}-${n}.html`;
    taken.add(path.toLowerCase());
    paths.set(`${d.organisationId}\u0000${d.inspectionId}`, path);
  }
  const r = rollup(inputs, options.asOf, { calendar: global.calendar });
  const units = new Map(inputs.map((i) => [i.organisation.id, i.organisation.units]));
  mkdirSync(dir, { recursive: true });
  const write = (path: string, html: string) => {
    mkdirSync(resolve(dir, path, '..'), { recursive: true });
    io.out(relative(io.cwd, writeNewFile(io, join(dir, path), html, options.force, 'choose another folder with -o')) || '.');
  };
  write('index.html', supervisionHtml(r, { locale: global.lang, units, href: (o, i) => paths.get(`${o}\u0000${i}`)?.split('\\').join('/') }));
  for (const d of dashboards) write(paths.get(`${d.organisationId}\u0000${d.inspectionId}`)!, dashboardHtml(d.model, { locale: global.lang }));
}
