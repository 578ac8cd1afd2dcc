/**
 * A minimal in-memory ledger for the example: keeps each finding's events and state
 * and applies commands through the core's `decide`. (Storage adapters are their own
 * packages; the example needs nothing more than this.)
 */
import {
  actorOf,
  decide,
  type CommandInput,
  type FindingEvent,
  type FindingState,
  type Inspection,
  type Person,
} from '@rectify/core';

export class Ledger {
  readonly events = new Map<string, FindingEvent[]>();
  readonly states = new Map<string, FindingState>();

  constructor(
    readonly inspection: Inspection,
    readonly people: readonly Person[],
    readonly units: readonly { id: string }[],
  ) {}

  /** Applies one command; throws the core's typed error if it is refused. */
  apply(command: CommandInput): FindingState {
    const person = this.people.find((p) => p.id === command.actorId);
    if (!person) throw new Error(`Unknown actor ${command.actorId}`);
    const decision = decide(this.states.get(command.findingId), command, {
      inspection: this.inspection,
      actor: actorOf(person),
      directory: { people: this.people, units: this.units },
    });
    if (!decision.ok) throw decision.error;
    this.states.set(command.findingId, decision.state);
    this.events.set(command.findingId, [...(this.events.get(command.findingId) ?? []), decision.event]);
    return decision.state;
  }

  /** Every finding's current state, in the order they were created. */
  findings(): FindingState[] {
    return [...this.states.values()];
  }
}
