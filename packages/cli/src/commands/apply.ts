import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { dayOfInstant, fileEvidence, isRectifyError, type CommandInput, type Evidence, type FindingState, type RuleViolationError, type Store } from '@rectify/core';
import { instantAt, resolveScope, type GlobalOptions, type Io } from '../context.js';
import { ConcurrentChangeError, UsageError } from '../exit.js';

/** One command of `rectify apply`. */
export interface ApplySpec {
  /** The lifecycle command it issues. */
  type: string;
  /** The options it cannot do without. */
  needs: readonly (keyof ApplyOptions)[];
  /** The command's own fields, from the options (and the finding as it stands, for what follows from it). */
  build: (o: ApplyOptions, state: FindingState | undefined) => Record<string, unknown>;
}

/** A comma-separated list of ids (`--co-units u-a,u-b`), empty entries dropped. */
const list = (s: string | undefined) => (s ?? '').split(/[,，、]/).map((x) => x.trim()).filter((x) => x !== '');

/** A number an option gives, or the usage error that says it is not one. */
function numberOf(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new UsageError(`--${name} must be a number, not "${value}"`);
  return n;
}

/** The lifecycle commands `rectify apply` offers, by their command-line name, with the options each needs. */
export const APPLY_COMMANDS: Record<string, ApplySpec> = {
  assign: {
    type: 'assign', needs: ['leader', 'unit', 'person', 'deadline'],
    build: (o) => ({ assignment: { responsibleLeaderId: o.leader, leadUnitId: o.unit, coUnitIds: list(o.coUnits), responsiblePersonId: o.person, deadline: o.deadline } }),
  },
  'add-measure': {
    type: 'add_measure', needs: ['id', 'text'],
    // Numbered after the measures the finding has, unless --ordinal says otherwise.
    build: (o, state) => ({ measure: { id: o.id, ordinal: numberOf('ordinal', o.ordinal) ?? (state?.measures.length ?? 0) + 1, text: o.text, ...(o.kind ? { kind: o.kind } : {}), ...(o.deadline ? { deadline: o.deadline } : {}) } }),
  },
  supervise: {
    type: 'supervise', needs: ['kind', 'text'],
    build: (o) => ({ kind: o.kind, note: o.text, targetPersonIds: list(o.person), targetUnitIds: list(o.unit), ...(o.on ? { on: o.on } : {}) }),
  },
  'record-indicator': { type: 'record_indicator', needs: ['id', 'value', 'on'], build: (o) => ({ indicatorId: o.id, value: numberOf('value', o.value), asOf: o.on }) },
  progress: { type: 'record_progress', needs: ['text'], build: (o) => ({ text: o.text, ...(o.measure ? { measureId: o.measure } : {}), ...(o.on ? { on: o.on } : {}) }) },
  'complete-measure': { type: 'complete_measure', needs: ['measure'], build: (o) => ({ measureId: o.measure, ...(o.on ? { on: o.on } : {}), ...(o.text ? { note: o.text } : {}) }) },
  complete: { type: 'complete', needs: [], build: () => ({}) },
  sustain: { type: 'mark_sustaining', needs: [], build: () => ({}) },
  'request-signoff': { type: 'request_signoff', needs: [], build: (o) => (o.text ? { note: o.text } : {}) },
  approve: { type: 'approve', needs: ['stage'], build: (o) => ({ stage: o.stage, ...(o.text ? { comment: o.text } : {}) }) },
  return: { type: 'return', needs: ['stage', 'reason'], build: (o) => ({ stage: o.stage, reason: o.reason }) },
  'sign-off': { type: 'sign_off', needs: [], build: (o) => (o.text ? { note: o.text } : {}) },
  // --deadline: the re-rectification's own deadline (再整改期限), not an extension.
  reopen: { type: 'reopen', needs: ['reason'], build: (o) => ({ reason: o.reason, ...(o.deadline ? { deadline: o.deadline } : {}) }) },
  // The id is the user's: decide-extension names it later, and two requests for the same day must not share one.
  extend: { type: 'request_extension', needs: ['id', 'to', 'reason'], build: (o) => ({ extensionId: o.id, to: o.to, reason: o.reason }) },
  'decide-extension': { type: 'decide_extension', needs: ['id', 'decision'], build: (o) => ({ extensionId: o.id, approve: o.decision === 'approve', ...(o.text ? { comment: o.text } : {}) }) },
  // 回头看: plan a look-back due on --on; record what it found (--decision confirmed|relapsed; a relapse reopens the finding).
  'schedule-review': { type: 'schedule_review', needs: ['id', 'on'], build: (o) => ({ reviewId: o.id, dueOn: o.on }) },
  'record-review': { type: 'record_review', needs: ['id', 'decision', 'on'], build: (o) => ({ reviewId: o.id, outcome: o.decision, conductedOn: o.on, ...(o.text ? { notes: o.text } : {}) }) },
};

/** Options of `rectify apply`. */
export interface ApplyOptions {
  command: string;
  finding: string | undefined;
  as: string | undefined;
  text: string | undefined;
  measure: string | undefined;
  stage: string | undefined;
  reason: string | undefined;
  to: string | undefined;
  id: string | undefined;
  decision: string | undefined;
  on: string | undefined;
  /** A deadline (`assign`, `add-measure`, `reopen --deadline DAY`). */
  deadline?: string | undefined;
  /** `assign`: the leader in charge, the lead unit, the responsible person, the co-units (comma-separated). `supervise`: the people and units it targets. */
  leader?: string | undefined;
  unit?: string | undefined;
  person?: string | undefined;
  coUnits?: string | undefined;
  /** `add-measure`: the measure's kind; `supervise`: 督办 urge, 约谈 interview, 问责 accountability, 通报 notice. */
  kind?: string | undefined;
  /** `record-indicator`: the value measured. */
  value?: string | undefined;
  /** `add-measure`: its place in the list (default: after the others). */
  ordinal?: string | undefined;
  /** The command id (idempotency key); a new one by default. Give one to retry safely. */
  commandId: string | undefined;
  /** `progress`, `complete-measure`: files to attach as evidence (`--file`, repeatable), stored with their SHA-256. */
  files?: readonly string[] | undefined;
  /** `progress`, `complete-measure`: a document issued as evidence (印发《…》), its number (发文字号) and day. */
  docTitle?: string | undefined;
  docNumber?: string | undefined;
  issuedOn?: string | undefined;
}

/** The commands that take evidence: a ledger entry and a measure declared done. */
const WITH_EVIDENCE = new Set(['record_progress', 'complete_measure']);

/**
 * The evidence the options give (`--file`, `--doc-title`) and the bytes of the files, read
 * from disk before anything is written: a file that cannot be read is a usage error.
 */
function evidenceOf(o: ApplyOptions, type: string, cwd: string): { evidence: Evidence[]; files: Uint8Array[] } {
  const files = o.files ?? [];
  const wanted = files.length > 0 || o.docTitle !== undefined || o.docNumber !== undefined || o.issuedOn !== undefined;
  if (!wanted) return { evidence: [], files: [] };
  if (!WITH_EVIDENCE.has(type)) throw new UsageError(`"${o.command}" takes no evidence: --file and --doc-title go with progress and complete-measure`);
  if (o.docTitle === undefined && (o.docNumber !== undefined || o.issuedOn !== undefined)) throw new UsageError('--doc-number and --issued-on describe a document: give its title with --doc-title');
  const evidence: Evidence[] = [];
  if (o.docTitle !== undefined) {
    // The title as written on the document, without the book-title marks a clerk may type.
    const title = o.docTitle.trim().replace(/^《(.*)》$/, '$1');
    evidence.push({ kind: 'document', title, ...(o.docNumber ? { documentNumber: o.docNumber } : {}), ...(o.issuedOn ? { issuedOn: o.issuedOn } : {}) });
  }
  const bytes: Uint8Array[] = [];
  for (const path of files) {
    let body: Uint8Array;
    try {
      body = new Uint8Array(readFileSync(resolve(cwd, path)));
    } catch (error) {
      throw new UsageError(`--file ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
    }
    evidence.push(fileEvidence(basename(path), body));
    bytes.push(body);
  }
  return { evidence, files: bytes };
}

/**
 * `rectify apply COMMAND --finding ID --as PERSON …`: one lifecycle command, decided by
 * the core exactly as an app would. A refusal prints each reason (each unmet rule in
 * the chosen language, or the role the command needs) and exits 1.
 */
export async function applyCommand(store: Store, global: GlobalOptions, options: ApplyOptions, io: Io): Promise<void> {
  const spec = APPLY_COMMANDS[options.command];
  if (spec === undefined) throw new UsageError(`Unknown command "${options.command}": one of ${Object.keys(APPLY_COMMANDS).join(', ')}`);
  if (options.command === 'supervise' && !options.finding) return superviseUnits(store, global, options, io);
  if (!options.finding) throw new UsageError('--finding ID is required');
  if (!options.as) throw new UsageError('--as PERSON (who acts) is required');
  for (const need of spec.needs) if (options[need] === undefined) throw new UsageError(`"${options.command}" needs --${need}`);
  const scope = await resolveScope(store, global);
  const inspection = (await store.inspection(scope))!;
  const { evidence, files } = evidenceOf(options, spec.type, io.cwd);
  const command = {
    type: spec.type,
    commandId: options.commandId ?? randomUUID(),
    findingId: options.finding,
    actorId: options.as,
    ...spec.build(options, spec.type === 'add_measure' ? await store.finding(scope, options.finding) : undefined),
    ...(evidence.length > 0 ? { evidence } : {}),
  };
  for (let attempt = 1; ; attempt++) {
    // Stamped at each attempt: a command that lost a race to another one on the same
    // finding is "before the finding's last event" only because its clock was read first.
    const at = instantAt(io.now(), inspection.utcOffset);
    try {
      // The files go in the command's transaction: both land, or neither does.
      const { state } = await store.apply({ organisationId: scope.organisationId, ...command, at } as CommandInput, { files });
      io.out(`${state.finding.id}: ${state.status} (version ${state.version})`);
      for (const e of evidence) if (e.kind === 'file') io.out(`  ${e.name}: SHA-256 ${e.sha256} (${e.size} bytes)`);
      return;
    } catch (error) {
      if (isOutOfOrder(error)) {
        if (attempt < RACE_ATTEMPTS) continue;
        throw new ConcurrentChangeError(global.lang === 'en'
          ? `${options.finding} has an event later than this command's time ${at}: another command got there first, or this machine's clock is behind; run it again`
          : `${options.finding} 已有晚于本指令时间（${at}）的记录：另一条指令先写入了，或本机时钟偏慢；请重新执行`);
      }
      if (isRectifyError(error, 'rule') && 'unmet' in error) {
        for (const u of (error as RuleViolationError).unmet) io.err(`✗ ${u.message[global.lang]}`);
      }
      throw error;
    }
  }
}

/**
 * `rectify apply supervise` without `--finding`: supervision of units or people as a whole
 * (局主要领导集体约谈4次分管领导), recorded for the round, on `--on` (today by default).
 */
async function superviseUnits(store: Store, global: GlobalOptions, o: ApplyOptions, io: Io): Promise<void> {
  if (!o.as) throw new UsageError('--as PERSON (who supervises) is required');
  if (o.kind === undefined || o.text === undefined) throw new UsageError('"supervise" needs --kind and --text');
  if (o.person === undefined && o.unit === undefined) throw new UsageError('Supervision of no one finding names whom it addressed: --person P1,P2 or --unit U1,U2 (or give --finding)');
  const scope = await resolveScope(store, global);
  const inspection = (await store.inspection(scope))!;
  const s = await store.recordSupervision({
    organisationId: scope.organisationId, inspectionId: scope.inspectionId, id: o.id ?? randomUUID(), kind: o.kind as 'urge',
    on: o.on ?? dayOfInstant(io.now().toISOString(), inspection.utcOffset), actorId: o.as, targetPersonIds: list(o.person), targetUnitIds: list(o.unit), note: o.text,
  });
  io.out(`${s.id}: ${s.kind} ${s.on} (${[...s.targetPersonIds, ...s.targetUnitIds].join(', ')})`);
}

/** How many times a command is stamped and applied before a lost race is reported. */
const RACE_ATTEMPTS = 3;

/** A refusal only because the finding's last event is later than the command's time. */
function isOutOfOrder(error: unknown): boolean {
  return isRectifyError(error, 'rule') && 'unmet' in error && (error as RuleViolationError).unmet.every((u) => u.code === 'history.out_of_order');
}
