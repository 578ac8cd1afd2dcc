import { instantAt, type UtcOffset } from '../dates/instant.js';
import type { CommandInput } from './commands.js';

/**
 * `Omit` over each member of a union: `Omit<A | B, K>` keeps only the keys the members
 * share, so `Omit<CommandInput, 'at'>` would lose every command's own fields.
 */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A command as an app writes it: its type, finding and fields, without who, when and its id. */
export type CommandDraft = DistributiveOmit<CommandInput, 'commandId' | 'actorId' | 'at'>;

/** A command ready for `Store.apply`: with the organisation it acts in. */
export type OrganisationCommand = CommandInput & { organisationId: string };

/** What {@link commandMaker} stamps every command with. */
export interface CommandMakerOptions {
  /** The organisation the commands act in. */
  organisationId: string;
  /** Who acts (the signed-in person). */
  actorId: string;
  /** Where the organisation is: the offset each command's instant is written with (e.g. `+08:00`). */
  utcOffset: UtcOffset;
  /** The clock: the core reads none. */
  now: () => Date;
  /** A new command id each call (`crypto.randomUUID`): the key a retry is recognised by. */
  newId: () => string;
}

/**
 * A function that turns drafts into commands for `Store.apply`: the organisation, the
 * actor, a fresh id and the time now written at the organisation's offset. A retry of
 * the same command must reuse the command it got (its id), not call this again.
 *
 * @example
 * ```ts
 * const make = commandMaker({ organisationId: 'xq-sfj', actorId: user.id, utcOffset: '+08:00', now: () => new Date(), newId: randomUUID });
 * await store.apply(make({ type: 'record_progress', findingId: 'f-3', text: '完成专项检查' }));
 * ```
 */
export function commandMaker(options: CommandMakerOptions): (draft: CommandDraft) => OrganisationCommand {
  return (draft) => ({ ...draft, organisationId: options.organisationId, actorId: options.actorId, commandId: options.newId(), at: instantAt(options.now(), options.utcOffset) }) as OrganisationCommand;
}
