import { buildReportModel, memoryDriver, openStore, type Calendar, type ReportModel } from '@rectify/core';
import { buildWorld } from '../world.js';

/** Options of {@link worldReportModel}. */
export interface WorldReportOptions {
  /** Findings in the organisation reported on (default 24). */
  findings?: number;
  /** The day reported on (default 2023-11-20: some deadlines passed, some near). */
  asOf?: string;
  /**
   * A string to put into every name a report prints besides the findings' titles
   * (which are already {@link HOSTILE_TITLES}): the inspection's title, the category
   * titles, the unit and people names.
   */
  hostile?: string;
  /** Which days are working days, for overdue and due soon (default every day). */
  calendar?: Calendar;
}

/**
 * The report model of `org-a` in {@link buildWorld}: findings in every status, with
 * their events (so history, timeline and burn-down are filled), people's names, and a
 * concentrated period. What a format's own tests render to look at real variety.
 */
export async function worldReportModel(options: WorldReportOptions = {}): Promise<ReportModel> {
  const store = await openStore(memoryDriver());
  try {
    const world = await buildWorld(store, options.findings ?? 24);
    const scope = { organisationId: world.a.organisationId, inspectionId: world.a.inspectionId };
    const h = options.hostile ?? '';
    const organisation = (await store.organisation(scope.organisationId))!;
    const inspection = (await store.inspection(scope))!;
    const renamed = {
      organisation: { ...organisation, name: `${h}${organisation.name}`, units: organisation.units.map((u) => ({ ...u, name: `${h}${u.id}` })) },
      inspection: {
        ...inspection,
        title: `${h}${inspection.title}`,
        concentratedPeriod: { start: '2023-08-17', end: '2023-11-17' },
        categories: inspection.categories.map((c) => ({ ...c, title: `${h}${c.title}` })),
      },
    };
    const people = (await store.people(scope.organisationId)).map((p) => ({ ...p, name: `${h}${p.name}` }));
    const asOf = options.asOf ?? '2023-11-20';
    const { events } = await store.exportBundle({ organisationId: scope.organisationId });
    return buildReportModel(await store.findingsAsOf(scope, asOf), renamed.inspection, renamed.organisation, asOf, { events, people, ...(options.calendar === undefined ? {} : { calendar: options.calendar }) });
  } finally {
    await store.close();
  }
}
