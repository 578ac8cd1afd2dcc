import type { ValidationIssue } from '../errors/validation-error.js';
import { decide } from '../lifecycle/decide.js';
import { EVENT_OF_COMMAND, type FindingEvent } from '../lifecycle/events.js';
import type { Directory } from '../lifecycle/guards.js';
import type { FindingState } from '../lifecycle/state.js';
import type { Inspection } from '../model/inspection.js';
import type { Person } from '../model/organisation.js';
import { actorOf } from '../model/parse.js';
import type { PermissionPolicy } from '../permissions/policy.js';
import type { SignOffRule } from '../rules/rule.js';

/** The command type behind each event type: {@link EVENT_OF_COMMAND} read backwards. */
const COMMAND_OF_EVENT = new Map<string, string>(Object.entries(EVENT_OF_COMMAND).map(([command, event]) => [event, command]));

/** The command types whose ids of people and units must name someone the store knows (as in `Store.apply`). */
export const NEEDS_DIRECTORY: ReadonlySet<string> = new Set(['assign', 'schedule_review', 'supervise']);

/** What a history is checked against: what `Store.apply` would decide its commands with. */
export interface HistoryContext {
  inspection: Inspection;
  /** The people of the inspection's organisation, by id: the actors, with their roles. */
  people: ReadonlyMap<string, Person>;
  /** The people and units ids may refer to. */
  directory: Directory;
  policy?: PermissionPolicy;
  rules?: readonly SignOffRule[];
}

/**
 * Holds an imported finding's history to the rules live commands meet: each event's
 * command is decided again against the state before it, by its actor with the roles
 * the store gives that person, under the store's policy and sign-off rules, and must
 * produce that very event. An approval removed, a sign-off before its 终审, an actor
 * without the role, events out of order: each is refused here as `apply` would refuse
 * the command.
 *
 * Pushes one issue (the event's place in the bundle, the finding, the event and the
 * unmet rule) for the first event that fails, and answers the finding's state after the
 * whole history (the replay an import needs, done here once), or `undefined` when an
 * event failed. Roles are the ones the people hold now: a bundle does not carry their history.
 */
export function checkHistory(events: readonly FindingEvent[], indexes: readonly number[], context: HistoryContext, issues: ValidationIssue[]): FindingState | undefined {
  let state: FindingState | undefined;
  for (const [k, event] of events.entries()) {
    const path = `events[${indexes[k]}]`;
    const refuse = (code: string, why: string) => {
      issues.push({ path, message: `finding ${event.findingId}, event ${event.version} (${event.type} by ${event.actorId}): ${why}`, code });
      return undefined;
    };
    const person = context.people.get(event.actorId);
    if (person === undefined) return refuse('permission.denied', `${event.actorId} is not a person of organisation ${context.inspection.subjectOrganisationId}`);
    const type = COMMAND_OF_EVENT.get(event.type)!;
    const command = { ...event.payload, type, commandId: event.commandId, findingId: event.findingId, actorId: event.actorId, at: event.at };
    const decision = decide(state, command, {
      inspection: context.inspection,
      actor: actorOf(person),
      ...(context.policy ? { policy: context.policy } : {}),
      ...(context.rules ? { rules: context.rules } : {}),
      ...(NEEDS_DIRECTORY.has(type) ? { directory: context.directory } : {}),
    });
    if (!decision.ok) return refuse(decision.error.code, decision.error.message);
    // Same command, same state: the same event, byte for byte, or the bundle says more than its command did.
    if (JSON.stringify(decision.event) !== JSON.stringify(event)) {
      return refuse('history.forged', 'the event is not the one its command produces (a field was changed or added)');
    }
    state = decision.state;
  }
  return state;
}
