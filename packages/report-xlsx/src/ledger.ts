import type { CalendarDay, FindingStatus, InspectionKind, Light, NamedId, ReportAssignment, ReportMeasure, ReportModel, ReportProgress } from '@rectify/core';

/** One measure of the task list (任务清单): as the report model has it. */
export type LedgerMeasure = ReportMeasure;

/** One entry of the progress ledger (台账): as the report model has it. */
export type LedgerProgress = ReportProgress;

/** Who answers for a finding (责任清单), by id: the assignment without its deadlines, which 问题清单 and 责任清单 hold. */
export type LedgerResponsibility = Omit<ReportAssignment, 'deadline' | 'originalDeadline'>;

/** One finding of the problem list (问题清单) with its measures, responsibility and ledger. */
export interface LedgerFinding {
  id: string;
  /** The ordinal of its category, `null` when it has none. */
  categoryOrdinal: number | null;
  ordinal: number;
  title: string;
  status: FindingStatus;
  deadline: CalendarDay | undefined;
  /** The first deadline, when an extension moved it. */
  originalDeadline: CalendarDay | undefined;
  completedOn: CalendarDay | undefined;
  signedOffOn: CalendarDay | undefined;
  reopenings: number;
  /**
   * Days past the deadline in force as of the ledger's day, when open and overdue (the
   * report model's, so with its calendar); absent otherwise. Read back from 逾期天数 so
   * that a workbook written again is the same, but derived: an import ignores it.
   */
  daysOverdue?: number | undefined;
  /** Its warning light (红黄绿灯) as of the ledger's day, the report model's; derived like `daysOverdue`. */
  light?: Light | undefined;
  responsibility: LedgerResponsibility | undefined;
  measures: LedgerMeasure[];
  progress: LedgerProgress[];
}

/**
 * What the ledger workbook holds: the findings of one inspection as of a day, with
 * their measures, who answers for them and their ledger entries. Written by
 * {@link writeLedgerWorkbook}, read back by {@link readLedgerWorkbook}.
 */
export interface Ledger {
  /**
   * The inspection: its kind and team when the ledger says them (a ledger from a notice
   * or a store does; a workbook from before version 0.2 of this library has no such rows).
   */
  inspection: { id: string; title: string; kind?: InspectionKind; inspector?: string };
  organisation: { name: string };
  asOf: CalendarDay;
  categories: { ordinal: number; title: string }[];
  findings: LedgerFinding[];
  /** Names for the unit and person ids; the workbook shows names, not ids. */
  directory: { units: NamedId[]; people: NamedId[] };
  /**
   * Where each part was read, on a ledger read by {@link readLedgerWorkbook} (absent
   * on one made by {@link ledgerOf}): a rule that {@link ledgerBundle} finds broken
   * later, such as a 台账 entry dated after the import, then names the cell to correct.
   */
  source?: LedgerSource;
}

/** The sheets of a ledger that hold its findings' parts. */
export type LedgerSheet = 'problems' | 'tasks' | 'responsibility' | 'ledger';

/**
 * Where a ledger's parts were read: each sheet's name and the letter and header of each
 * of its columns (by the layout's column key, e.g. `deadline`), and each finding's rows.
 */
export interface LedgerSource {
  sheets: Record<LedgerSheet, { name: string; columns: Readonly<Record<string, { letter: string; header: string }>> }>;
  /** By finding id. */
  findings: ReadonlyMap<string, LedgerFindingRows>;
}

/** The rows one finding was read from. */
export interface LedgerFindingRows {
  /** Its row in 问题清单. */
  problems: number;
  /** Its row in 责任清单, if it has one. */
  responsibility: number | undefined;
  /** The 任务清单 row of each measure, by measure id. */
  measures: ReadonlyMap<string, number>;
  /** The 台账 rows of its entries, in the order of `progress`. */
  progress: readonly number[];
}

/**
 * The ledger of a report model: its findings in report order with everything the
 * workbook shows.
 *
 * @example
 * ```ts
 * const ledger = ledgerOf(buildReportModel(findings, inspection, organisation, asOf, { people }));
 * ```
 */
export function ledgerOf(model: ReportModel): Ledger {
  return {
    inspection: { id: model.inspection.id, title: model.inspection.title, kind: model.inspection.kind, inspector: model.inspection.inspector.name },
    organisation: { name: model.organisation.name },
    asOf: model.asOf,
    categories: model.categories.filter((c) => c.ordinal !== null).map((c) => ({ ordinal: c.ordinal!, title: c.title ?? '' })),
    findings: model.categories.flatMap((c) =>
      c.findings.map((f): LedgerFinding => ({
        id: f.id,
        categoryOrdinal: c.ordinal,
        ordinal: f.ordinal,
        title: f.title,
        status: f.status,
        deadline: f.assignment?.deadline,
        originalDeadline: f.assignment?.originalDeadline,
        completedOn: f.completedOn,
        signedOffOn: f.signedOffOn,
        reopenings: f.reopenings,
        daysOverdue: f.daysOverdue > 0 ? f.daysOverdue : undefined,
        light: f.light,
        responsibility: f.assignment && {
          responsibleLeaderId: f.assignment.responsibleLeaderId,
          leadUnitId: f.assignment.leadUnitId,
          coUnitIds: [...f.assignment.coUnitIds],
          responsiblePersonId: f.assignment.responsiblePersonId,
        },
        measures: f.measures.map((m) => ({ ...m })),
        progress: f.progress.map((p) => ({ ...p })),
      })),
    ),
    directory: { units: [...model.directory.units], people: [...model.directory.people] },
  };
}
