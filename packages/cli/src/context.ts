import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { calendarCn } from '@rectify/calendar-cn';
import { dayOfInstant, EVERY_DAY, instantAt as coreInstantAt, isCalendarDay, openStore, WEEKDAYS, type Calendar, type FindingState, type Inspection, type Locale, type Store, type StoreReader } from '@rectify/core';
import { postgresDriver } from '@rectify/storage-postgres';
import { sqliteDriver } from '@rectify/storage-sqlite';
import pg from 'pg';
import { UsageError } from './exit.js';

/** Where output goes and how it looks; tests pass their own. */
export interface Io {
  /** Prints a line of results (stdout). */
  out: (text: string) => void;
  /** Prints a line of diagnostics: errors, warnings, notes (stderr). */
  err: (text: string) => void;
  /** True when stdout is a terminal: colours and progress bars only then. */
  tty: boolean;
  /** The working directory relative paths are read from. */
  cwd: string;
  /** The current instant, for commands that record one (the core takes no clock). */
  now: () => Date;
}

/** The options every command takes. */
export interface GlobalOptions {
  /** The SQLite file (default `rectify.db`). */
  db: string;
  /** A PostgreSQL URL; when given, used instead of the SQLite file. */
  postgres: string | undefined;
  lang: Locale;
  org: string | undefined;
  inspection: string | undefined;
  /** Which days are working days, for overdue, due soon and reminders (`--calendar`). */
  calendar: Calendar;
  /**
   * Where a ledger or notice being imported is (`--utc-offset`, default `+08:00`, China):
   * its inspection's offset, by which its days become instants. An inspection already in
   * the store keeps its own.
   */
  utcOffset: string;
}

/** The calendars `--calendar` names. */
export const CALENDARS: Record<string, Calendar> = { 'every-day': EVERY_DAY, weekdays: WEEKDAYS, cn: calendarCn };

/** Opens the store the options name: PostgreSQL when `--postgres` (or `RECTIFY_POSTGRES_URL`) is given, else the SQLite file. */
export async function openCliStore(options: GlobalOptions, io: Io): Promise<Store> {
  // Commands and imports dated after the user's clock are refused (they would lock the finding).
  const clock = { now: () => io.now().toISOString() };
  if (options.postgres) {
    checkPostgresUrl(options.postgres);
    const pool = new pg.Pool({ connectionString: options.postgres, max: 2 });
    return openStore(postgresDriver(pool), clock); // closing the store ends the pool
  }
  return openStore(sqliteDriver({ filename: resolve(io.cwd, options.db) }), clock);
}

/**
 * Refuses a `--postgres` that is no `postgres://` URL before `pg` reads it: `pg` takes
 * any other text for a host name or a socket directory and fails later with a message
 * about DNS.
 */
function checkPostgresUrl(given: string): void {
  let url: URL | undefined;
  try {
    url = new URL(given);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')) {
    throw new UsageError(`--postgres must be a URL such as postgres://user@host:5432/database, not "${given}"`);
  }
}

/** The organisation and inspection a command works on. */
export interface Scope {
  organisationId: string;
  inspectionId: string;
}

/**
 * The scope of a command: `--org` and `--inspection`, or, when the store holds just one
 * inspection, that one (so a store made by one `import` needs no flags).
 */
export async function resolveScope(store: StoreReader, options: GlobalOptions): Promise<Scope> {
  // With --org, its inspections only; without, every organisation's (records only, no events).
  const organisations = options.org ? [options.org] : (await store.organisations()).map((o) => o.id);
  const known: Inspection[] = [];
  for (const id of organisations) known.push(...(await store.inspections(id)));
  const candidates = known.filter((i) => (options.inspection ? i.id === options.inspection : true));
  if (candidates.length === 1) return { organisationId: candidates[0]!.subjectOrganisationId, inspectionId: candidates[0]!.id };
  if (candidates.length === 0) {
    // A typo in --inspection or --org names what the store does hold, not an empty result.
    if (known.length === 0) throw new UsageError(options.org ? `No inspection of organisation ${options.org} in the store: check --org, or import one first (rectify import FILE)` : 'No inspection in the store: import one first (rectify import FILE)');
    throw new UsageError(`No inspection ${options.inspection} ${options.org ? `of organisation ${options.org} ` : ''}in the store: it holds ${known.map((c) => `${c.subjectOrganisationId}/${c.id}`).join(', ')}`);
  }
  throw new UsageError(`The store holds ${candidates.length} inspections: choose one with --org and --inspection (${candidates.map((c) => `${c.subjectOrganisationId}/${c.id}`).join(', ')})`);
}

/** The organisation a command across inspections works on: `--org`, or the store's only one. */
export async function resolveOrganisation(store: Store, options: GlobalOptions): Promise<string> {
  if (options.org) return options.org;
  const organisations = await store.organisations();
  if (organisations.length === 1) return organisations[0]!.id;
  if (organisations.length === 0) throw new UsageError('No organisation in the store: import one first (rectify import FILE)');
  throw new UsageError(`The store holds ${organisations.length} organisations: choose one with --org (${organisations.map((o) => o.id).join(', ')})`);
}

/**
 * The organisation a ledger or notice is imported into: `--org`, or the store's only
 * one. An empty store (or one of several organisations) needs `--org`: the id the
 * inspected body will be known by is the user's to choose, not a placeholder's.
 */
export async function importOrganisation(store: Store | undefined, options: GlobalOptions): Promise<string> {
  if (options.org) return options.org;
  const organisations = store === undefined ? [] : await store.organisations();
  if (organisations.length === 1) return organisations[0]!.id;
  const held = organisations.length === 0 ? '' : options.lang === 'en' ? ` (the store holds ${organisations.map((o) => o.id).join(', ')})` : `（存储中已有 ${organisations.map((o) => o.id).join('、')}）`;
  throw new UsageError(options.lang === 'en'
    ? `Which organisation is this of? Give --org ID, the id the inspected body is known by in the store, e.g. --org xq-sfj${held}`
    : `这份台账属于哪个单位？请用 --org 指定该单位在存储中的编号，如 --org xq-sfj${held}`);
}

/** The days a user may give (`--as-of`, `?as-of=`): real days, in years a ledger can mean. */
export const FIRST_DAY = '1990-01-01';
/** See {@link FIRST_DAY}. */
export const LAST_DAY = '2199-12-31';

/** Tells whether `value` is a real day (not 2023-02-30) between {@link FIRST_DAY} and {@link LAST_DAY}. */
export function isSupportedDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && isCalendarDay(value) && value >= FIRST_DAY && value <= LAST_DAY;
}

/** Today at a UTC offset (the inspection's, or `--utc-offset`), as YYYY-MM-DD. */
export function today(io: Io, offset: string): string {
  return dayOfInstant(io.now().toISOString(), offset);
}

/** An instant as ISO 8601 with the given offset (the core's `instantAt`, kept here for the CLI's users). */
export const instantAt = coreInstantAt;

/**
 * Writes a file the command makes (a report, a template) and answers its full path; an
 * existing file is kept unless `force`, and the refusal says how to go on (`otherwise`:
 * "choose another file with -o"). "wx" checks and creates in one step, so no race
 * replaces a file either.
 */
export function writeNewFile(io: Io, given: string, data: string | Uint8Array, force: boolean, otherwise: string): string {
  const file = resolve(io.cwd, given);
  try {
    writeFileSync(file, data, { flag: force ? 'w' : 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`${given} exists: add --force to replace it, or ${otherwise}`);
    throw error;
  }
  return file;
}

/** Every finding of a scope, following the store's pages (a page holds at most 1,000). */
export async function allFindings(store: Store, scope: { organisationId: string; inspectionId?: string }): Promise<FindingState[]> {
  const out: FindingState[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.findings({ ...scope, limit: 1000, ...(cursor === undefined ? {} : { cursor }) });
    for (const s of page.items) out.push(s);
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return out;
}

/**
 * The JSON of a file an option names (`--policy FILE`), read from the working directory, a
 * byte-order mark dropped (Windows Notepad writes one). A file that is missing or not JSON
 * is a usage error naming the option and the file.
 */
export function readJsonOption(cwd: string, option: string, file: string): unknown {
  try {
    return JSON.parse(readFileSync(resolve(cwd, file), 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UsageError(`--${option} ${file}: ${(error as Error).message}`);
  }
}
