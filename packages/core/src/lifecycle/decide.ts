import { sealEvent } from '../integrity/chain.js';
import { compareInstants, dayOfInstant } from '../dates/instant.js';
import type { CalendarDay } from '../dates/calendar-day.js';
import {
  ConflictError,
  NotFoundError,
  PermissionDeniedError,
  RuleViolationError,
  TransitionError,
} from '../errors/domain-errors.js';
import type { RectifyError } from '../errors/rectify-error.js';
import { parseWith } from '../errors/validation-error.js';
import type { Inspection } from '../model/inspection.js';
import { defaultPolicy, type Actor, type PermissionPolicy } from '../permissions/policy.js';
import { defaultRules } from '../rules/builtin/index.js';
import type { SignOffRule } from '../rules/rule.js';
import { CommandSchema, type Command } from './commands.js';
import { EVENT_OF_COMMAND, FindingEventSchema, type FindingEvent } from './events.js';
import { evolve } from './evolve.js';
import { guard, type Directory } from './guards.js';
import type { FindingState } from './state.js';
import { ALLOWED_FROM, isAllowed } from './transitions.js';

/** Everything a command is decided against, besides the finding's state. */
export interface DecideContext {
  /** The inspection the finding belongs to (its workflow, categories and time zone). */
  inspection: Inspection;
  /** Who issues the command; must match the command's `actorId`. */
  actor: Actor;
  /** Who may do what; {@link defaultPolicy} when left out. */
  policy?: PermissionPolicy;
  /** The sign-off rules; {@link defaultRules} when left out. */
  rules?: readonly SignOffRule[];
  /** Known people and units; when given, every id a command mentions must be among them. */
  directory?: Directory;
}

/** The outcome of {@link decide}: the event and the new state, or the reason for refusal. */
export type Decision =
  | { ok: true; event: FindingEvent; state: FindingState }
  | { ok: false; error: RectifyError };

/**
 * Decides one command against a finding's current state: validates it, checks the
 * lifecycle, the permission and every rule, and, if all pass, returns the one event
 * it produces and the new state. Pure: no clock (time is the command's `at`), no I/O.
 *
 * Refusals are returned, not thrown, as typed errors: `validation`,
 * `lifecycle.invalid_transition`, `permission.denied`, `rule.unmet` (naming every
 * unmet rule), `concurrency.conflict`, `not_found`.
 *
 * @param state - the finding's current state, `undefined` if it does not exist yet.
 * @param input - the command, validated here (so it may come straight from JSON).
 *
 * @example
 * ```ts
 * const d = decide(state, {
 *   type: 'record_progress', commandId: 'c-17', findingId: 'f-1', actorId: 'p-zhang',
 *   at: '2023-09-08T17:00:00+08:00', text: '开展业务培训', evidence: [],
 * }, { inspection, actor: { id: 'p-zhang', roles: ['responsible_person'] } });
 * if (d.ok) events.push(d.event); else console.error(d.error.code, d.error.message);
 * ```
 */
export function decide(state: FindingState | undefined, input: unknown, context: DecideContext): Decision {
  let command: Command;
  try {
    command = parseWith(CommandSchema, input, 'command');
  } catch (error) {
    return { ok: false, error: error as RectifyError };
  }
  return decideCommand(state, command, context);
}

/**
 * {@link decide} for a command already parsed by `CommandSchema` (its output, not what a
 * user sent): the store parses each command once, at its boundary, and decides it here.
 */
export function decideCommand(state: FindingState | undefined, command: Command, context: DecideContext): Decision {
  // The command's day where the inspection is: the event's `on`, and "today" for the rules.
  const today = dayOfInstant(command.at, context.inspection.utcOffset);
  const refused = check(state, command, context, today);
  if (refused) return { ok: false, error: refused };

  const at = command.at;
  const { commandId, findingId, actorId, type, expectedVersion: _v, at: _at, ...payload } = command;
  // Parsed into the event schema's canonical shape (key order included), so that an
  // event decided here and the same event imported from JSON are byte-for-byte equal.
  const event = FindingEventSchema.parse({
    type: EVENT_OF_COMMAND[type],
    findingId,
    version: (state?.version ?? 0) + 1,
    commandId,
    actorId,
    at,
    on: today,
    payload: completePayload(type, payload, today, context.inspection),
  });
  // Chained to the finding's latest event: editing, removing or inserting one shows (verifyChain).
  const sealed = sealEvent(event, state?.head);
  return { ok: true, event: sealed, state: evolve(state, sealed) };
}

function check(state: FindingState | undefined, command: Command, context: DecideContext, today: CalendarDay): RectifyError | undefined {
  const { actor, inspection } = context;
  if (command.actorId !== actor.id) {
    return new PermissionDeniedError(command.type, actor.id, [], `the command is signed by ${command.actorId}, but ${actor.id} is acting`);
  }
  if (state === undefined && command.type !== 'create') return new NotFoundError('finding', command.findingId);
  if (state !== undefined) {
    if (state.finding.id !== command.findingId) return new NotFoundError('finding', command.findingId);
    if (state.finding.inspectionId !== inspection.id) {
      return new RuleViolationError(command.type, [{
        code: 'reference.inspection',
        message: { 'zh-CN': '问题不属于该巡察', en: `the finding belongs to inspection "${state.finding.inspectionId}", not "${inspection.id}"` },
      }]);
    }
    if (command.expectedVersion !== undefined && command.expectedVersion !== state.version) {
      return new ConflictError(state.finding.id, command.expectedVersion, state.version);
    }
    // A finding's history moves forward in time, so that "as of" a day is a prefix of it.
    if (compareInstants(command.at, state.updatedAt) < 0) {
      return new RuleViolationError(command.type, [{
        code: 'history.out_of_order',
        message: {
          'zh-CN': `指令时间${command.at}早于该问题最近一次记录时间${state.updatedAt}`,
          en: `the command's time ${command.at} is before the finding's last event at ${state.updatedAt}`,
        },
      }]);
    }
  }
  if (!isAllowed(command.type, state?.status)) {
    return new TransitionError(command.type, state?.status ?? null, command.type === 'create' ? ['(not created)'] : ALLOWED_FROM[command.type]);
  }
  const permission = (context.policy ?? defaultPolicy)({ command, actor, state, inspection });
  if (!permission.allowed) return new PermissionDeniedError(command.type, actor.id, permission.requiredRoles, permission.reason);

  const unmet = guard(command, state, {
    inspection,
    actor,
    rules: context.rules ?? defaultRules,
    today,
    ...(context.directory ? { directory: context.directory } : {}),
  });
  return unmet.length > 0 ? new RuleViolationError(command.type, unmet) : undefined;
}

/**
 * Fills in what the event needs so that replay never consults a context: the day
 * for commands whose `on` defaults to the command's day, and the approval stages a
 * sign-off request must pass (fixed when requested, even if the workflow changes later).
 */
function completePayload(type: Command['type'], payload: Record<string, unknown>, today: string, inspection: Inspection): Record<string, unknown> {
  if ((type === 'record_progress' || type === 'complete_measure' || type === 'supervise') && payload['on'] === undefined) {
    return { ...payload, on: today };
  }
  if (type === 'request_signoff') return { ...payload, stages: inspection.workflow.approvalChain.map((s) => s.id) };
  const snapshot = type === 'create' ? (payload['snapshot'] as Record<string, unknown> | undefined) : undefined;
  if (snapshot?.['status'] === 'awaiting_signoff') {
    return { ...payload, snapshot: { ...snapshot, signOffStages: inspection.workflow.approvalChain.map((s) => s.id) } };
  }
  return payload;
}

/**
 * Decides and throws on refusal: for scripts and tests where a refusal is a bug.
 * Returns the event and the new state.
 */
export function decideOrThrow(state: FindingState | undefined, input: unknown, context: DecideContext): { event: FindingEvent; state: FindingState } {
  const decision = decide(state, input, context);
  if (!decision.ok) throw decision.error;
  return decision;
}
