import type { CalendarDay, FindingStatus, InspectionKind, MeasureKind } from '@rectify/core';
import type { LedgerField } from './headers.js';
import type { LedgerImportIssue } from './issues.js';

/** One measure of a finding as the ledger has it. */
export interface ClerkMeasure {
  ordinal: number;
  text: string;
  kind: MeasureKind;
  deadline?: CalendarDay;
  done?: boolean;
  doneOn?: CalendarDay;
  /** Where it was read (`任务清单!C5`). */
  ref: string;
}

/** One progress note as the ledger has it (整改进展情况, or a week's column). */
export interface ClerkProgress {
  text: string;
  /** The day it is dated (a week column's day, else the ledger's day). */
  on?: CalendarDay;
  /** Where it was read. */
  ref: string;
}

/** One finding of a ledger as the clerk kept it, by name (units and people are names here, ids come at import). */
export interface ClerkFinding {
  /** Unique within the ledger: the ledger's own id (IA-2023-03-01), or its number (per category when numbering restarts). */
  key: string;
  ordinal: number;
  categoryOrdinal: number | null;
  title: string;
  detail?: string;
  status: FindingStatus;
  /** The status word as written, when there was one. */
  statusRaw?: string;
  /** The deadline (整改时限, Due date): the first one, when the ledger also revises it. */
  deadline?: CalendarDay;
  /** A revised deadline (Revised due date). */
  revisedDeadline?: CalendarDay;
  completedOn?: CalendarDay;
  signedOffOn?: CalendarDay;
  principalLeader?: string;
  leader?: string;
  leadUnit?: string;
  coUnits: string[];
  person?: string;
  measures: ClerkMeasure[];
  progress: ClerkProgress[];
  note?: string;
  /** Where it was read: the sheet and its cells (`Sheet1!A5:L5`). */
  ref: string;
}

/** How one sheet was read, for the preview. */
export interface ClerkSheet {
  name: string;
  /** `problems` (问题清单 or one row per problem), `tasks` (任务清单), `responsibility` (责任清单), or `skipped`. */
  role: 'problems' | 'tasks' | 'responsibility' | 'skipped';
  headerRows: number[];
  columns: { letter: string; header: string; field: LedgerField | 'week' | undefined }[];
  /** The data rows read, first and last. */
  rows?: [number, number];
}

/**
 * A ledger as a clerk keeps it (整改台账), read from a workbook of any layout by
 * {@link readClerkLedger}: the inspection as its title rows describe it, the
 * categories, the findings with their measures and who answers for them, the names
 * it uses, how each sheet was read, and every issue with its cell.
 */
export interface ClerkLedger {
  inspection: {
    title?: string;
    kind?: InspectionKind;
    inspector?: string;
    /** The inspected body, as the title names it (中共潮州市湘桥区司法局党组). */
    subject?: string;
    /** The ledger's day (填报时间, Status as at). */
    asOf?: CalendarDay;
  };
  categories: { ordinal: number; title: string }[];
  findings: ClerkFinding[];
  /** Every person named, with their post where the ledger gives one. */
  people: { name: string; post?: string }[];
  /** Every unit named; `group` for 各司法所 and the like. */
  units: { name: string; group: boolean }[];
  sheets: ClerkSheet[];
  issues: LedgerImportIssue[];
}
