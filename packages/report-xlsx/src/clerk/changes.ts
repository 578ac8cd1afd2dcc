import {
  decide,
  Roles,
  text,
  type CommandInput,
  type FindingState,
  type FindingStatus,
  type Inspection,
  type LocalizedText,
} from '@rectify/core';
import type { ClerkFinding, ClerkLedger } from './ledger.js';

/** Options of {@link clerkLedgerChanges}. */
export interface ClerkLedgerChangesOptions {
  /** The inspection the ledger is of, as the store holds it. */
  inspection: Inspection;
  /** The state of each finding the store holds of that inspection, by finding id. */
  states: ReadonlyMap<string, FindingState>;
  /** The finding id of each finding of the ledger, by its key (as {@link clerkLedgerBundle} gives them). */
  findingIds: ReadonlyMap<string, string>;
  /** Who imports: the actor of every command, with the coordinator role (政工室). */
  importer: { id: string };
  /** When the import happens (ISO 8601 with an offset): every command's instant. */
  at: string;
}

/** One change the ledger makes to a finding the store holds. */
export interface LedgerChange {
  findingId: string;
  kind: 'progress' | 'measure_added' | 'measure_done' | 'status' | 'deadline';
  /** What changes, in both languages. */
  text: LocalizedText;
}

/** What {@link clerkLedgerChanges} found between a later ledger and the store. */
export interface LedgerChanges {
  /** The commands that carry the changes, in order, each already decided once: `Store.applyAll` them. */
  commands: CommandInput[];
  /** Each change, for the preview and the import's report. */
  changes: LedgerChange[];
  /** What the ledger says that ordinary commands cannot carry, left as the store has it, with why. */
  notes: { findingId: string; text: LocalizedText }[];
  /** Findings of the inspection the store holds that this ledger no longer lists: left as they are. */
  missing: string[];
  /** Findings the ledger lists exactly as the store has them. */
  unchanged: string[];
  /** Every finding of the ledger the store already holds (changed or not): not to be created again. */
  held: string[];
}

/** How far along a status is, to tell a step forward from a step back. */
const RANK: Record<FindingStatus, number> = {
  not_started: 0, in_progress: 1, reopened: 1, sustaining: 2, completed: 3, awaiting_signoff: 4, signed_off: 5,
};

const norm = (s: string) => s.replace(/\s+/g, '');

/** The non-blank lines of a text. */
const linesOf = (s: string) => s.split(/\r?\n/).filter((l) => l.trim() !== '');

/**
 * The difference between a later version of a ledger (next week's 台账) and the findings
 * the store already holds of its inspection, as ordinary lifecycle commands: new ledger
 * entries (`record_progress`, dated as the ledger dates them), new measures
 * (`add_measure`), measures now done (`complete_measure`), a status moved forward
 * (`start`, `mark_sustaining`, `complete`), a changed deadline as an extension request
 * (a deadline changes only through an approved extension). Each command is decided here
 * against the state it will meet, by the importer as coordinator; one the rules refuse
 * (complete with a measure still open, a 销号 that needs the review chain, a status going
 * back) is left out and said in `notes`, so that the rest still lands. Importing the same
 * ledger again finds nothing to change.
 *
 * @example
 * ```ts
 * const diff = clerkLedgerChanges(ledger, { inspection, states, findingIds, importer: { id: 'p-zg' }, at });
 * await store.applyAll(diff.commands.map((c) => ({ organisationId, ...c })));
 * ```
 */
export function clerkLedgerChanges(ledger: ClerkLedger, options: ClerkLedgerChangesOptions): LedgerChanges {
  const out: LedgerChanges = { commands: [], changes: [], notes: [], missing: [], unchanged: [], held: [] };
  const listed = new Set<string>();
  for (const f of ledger.findings) {
    const findingId = options.findingIds.get(f.key);
    const state = findingId === undefined ? undefined : options.states.get(findingId);
    if (findingId === undefined || state === undefined) continue;
    listed.add(findingId);
    out.held.push(findingId);
    const before = out.changes.length + out.notes.length;
    changesOf(f, findingId, state, options, out);
    if (out.changes.length + out.notes.length === before) out.unchanged.push(findingId);
  }
  for (const id of options.states.keys()) if (!listed.has(id)) out.missing.push(id);
  out.missing.sort();
  return out;
}

function changesOf(f: ClerkFinding, findingId: string, initial: FindingState, options: ClerkLedgerChangesOptions, out: LedgerChanges): void {
  let state = initial;
  let n = 0;
  const actor = { id: options.importer.id, roles: [Roles.coordinator] };
  /** Decides one command against the state so far: kept when accepted, said in notes when refused. */
  const step = (command: Record<string, unknown>, change: Omit<LedgerChange, 'findingId'> | undefined): boolean => {
    const input = { ...command, commandId: `ledger-${options.at}-${findingId}-${++n}`, findingId, actorId: actor.id, at: options.at } as CommandInput;
    const d = decide(state, input, { inspection: options.inspection, actor });
    if (!d.ok) {
      const why = d.error.message;
      out.notes.push({ findingId, text: text(`${change?.text['zh-CN'] ?? String(command['type'])}：未能记入（${why}）`, `${change?.text.en ?? String(command['type'])}: not applied (${why})`) });
      return false;
    }
    state = d.state;
    out.commands.push(input);
    if (change) out.changes.push({ findingId, ...change });
    return true;
  };

  // Measures: new ones added, those the ledger marks done completed.
  for (const m of f.measures) {
    const id = `m${m.ordinal}`;
    const held = state.measures.find((x) => x.id === id);
    if (held === undefined) {
      step({ type: 'add_measure', measure: { id, ordinal: m.ordinal, text: m.text, kind: m.kind, ...(m.deadline ? { deadline: m.deadline } : {}) } },
        { kind: 'measure_added', text: text(`新增措施 ${m.ordinal}：${m.text.slice(0, 40)}`, `measure ${m.ordinal} added: ${m.text.slice(0, 40)}`) });
    }
  }
  // Entries: the lines the store does not hold yet. Clerks keep one 整改进展 cell and add a
  // line to it each week, so next week's cell holds last week's lines too: only the new
  // ones are new progress, dated as the ledger dates the cell.
  const heldLines = new Set(state.progress.flatMap((p) => linesOf(p.text).map(norm)));
  const started = () => (state.status === 'not_started' ? step({ type: 'start' }, undefined) : true);
  for (const p of f.progress) {
    const fresh = linesOf(p.text).filter((l) => !heldLines.has(norm(l)));
    if (p.on === undefined || fresh.length === 0) continue;
    if (!started()) break;
    const words = fresh.join('\n');
    for (const l of fresh) heldLines.add(norm(l));
    step({ type: 'record_progress', kind: 'update', text: words, on: p.on },
      { kind: 'progress', text: text(`${p.on} 进展：${words.slice(0, 40)}`, `${p.on} progress: ${words.slice(0, 40)}`) });
  }
  for (const m of f.measures) {
    const id = `m${m.ordinal}`;
    const measure = state.measures.find((x) => x.id === id);
    if (!m.done || measure === undefined || measure.status !== 'open') continue;
    if (!started()) break;
    step({ type: 'complete_measure', measureId: id, ...(m.doneOn ? { on: m.doneOn } : {}) },
      { kind: 'measure_done', text: text(`措施 ${m.ordinal} 已完成${m.doneOn ? `（${m.doneOn}）` : ''}`, `measure ${m.ordinal} done${m.doneOn ? ` (${m.doneOn})` : ''}`) });
  }
  // The deadline: a new one is asked for as an extension, which the leaders then decide.
  const deadline = f.revisedDeadline ?? f.deadline;
  if (deadline !== undefined && state.assignment !== undefined && deadline !== state.assignment.deadline && !state.extensions.some((e) => e.to === deadline)) {
    step({ type: 'request_extension', extensionId: `ledger-${deadline}`, to: deadline, reason: '台账中调整的整改时限（the deadline the ledger gives）' },
      { kind: 'deadline', text: text(`整改时限改为 ${deadline}：已提出延期申请，待审批`, `deadline ${deadline}: asked for as an extension, to be decided`) });
  }
  // The status, only forward, and only where a command leads.
  const target = f.status;
  if (target !== state.status) {
    const label = (zh: string, en: string) => ({ kind: 'status' as const, text: text(`状态：${zh}`, `status: ${en}`) });
    if (RANK[target] < RANK[state.status]) {
      out.notes.push({ findingId, text: text(`台账记为“${f.statusRaw ?? target}”，早于存储中的状态（${state.status}）：未改变；反弹请用 reopen`, `the ledger says "${f.statusRaw ?? target}", behind the store's ${state.status}: left as it is (reopen for a relapse)`) });
    } else if (target === 'in_progress') {
      if (state.status === 'not_started') step({ type: 'start' }, label('整改中', 'in progress'));
    } else if (target === 'sustaining') {
      if (started()) step({ type: 'mark_sustaining' }, label('阶段性完成，长期坚持', 'done for this phase, sustained'));
    } else if (target === 'completed') {
      if (started()) step({ type: 'complete' }, label('已完成', 'completed'));
    } else {
      out.notes.push({ findingId, text: text(`台账记为“${f.statusRaw ?? target}”：销号须经审核链（request-signoff、approve、sign-off），未改变`, `the ledger says "${f.statusRaw ?? target}": a sign-off goes through the review chain (request-signoff, approve, sign-off); left as it is`) });
    }
  }
}
