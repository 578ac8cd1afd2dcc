import type { LocalizedText } from '../i18n/locale.js';
import { RectifyError } from './rectify-error.js';

/** One sign-off rule (or lifecycle rule) that is not met. */
export interface UnmetRule {
  /** Stable code of the rule, e.g. `measures.done` or `evidence.required`. */
  code: string;
  /** Why it is unmet, in every supported locale. */
  message: LocalizedText;
  /** What the rule is about, e.g. `measures[m3]`, when it concerns one part of the finding. */
  subject?: string;
}

/**
 * A command refused because a rule of the process is not met: the finding is
 * not ready for sign-off, an approval is out of order, a deadline may not be moved
 * this way. {@link RuleViolationError.unmet} lists every unmet rule, not just the first.
 */
export class RuleViolationError extends RectifyError {
  /** Every unmet rule, each with its stable code and a message in zh-CN and en. */
  readonly unmet: readonly UnmetRule[];
  /** Code of the first unmet rule: the one that blocked the command. */
  readonly rule: string;

  constructor(command: string, unmet: readonly UnmetRule[]) {
    const first = unmet[0]?.code ?? 'unknown';
    const list = unmet.map((u) => `  - [${u.code}] ${u.message.en}`).join('\n');
    super('rule.unmet', `Command "${command}" refused by ${unmet.length} unmet rule(s):\n${list}`, {
      details: { command, unmet },
    });
    this.unmet = unmet;
    this.rule = first;
  }
}

/**
 * A command that the finding's current status does not allow (for example
 * approving a finding that was never submitted for sign-off).
 */
export class TransitionError extends RectifyError {
  /** The status the finding was in, or `null` if the finding does not exist yet. */
  readonly from: string | null;
  /** The command that was refused. */
  readonly command: string;
  /** The statuses in which the command is allowed. */
  readonly allowedFrom: readonly string[];

  constructor(command: string, from: string | null, allowedFrom: readonly string[]) {
    super(
      'lifecycle.invalid_transition',
      `Command "${command}" is not allowed when the finding is ${from ?? 'not created'}; allowed when: ${allowedFrom.join(', ') || 'never'}`,
      { details: { command, from, allowedFrom } },
    );
    this.from = from;
    this.command = command;
    this.allowedFrom = allowedFrom;
  }
}

/** The actor may not issue this command. Names the roles that could. */
export class PermissionDeniedError extends RectifyError {
  /** The command that was refused. */
  readonly command: string;
  /** Roles that may issue it (any one suffices). */
  readonly requiredRoles: readonly string[];

  constructor(command: string, actorId: string, requiredRoles: readonly string[], reason: string) {
    super('permission.denied', `${actorId} may not ${command}: ${reason}`, {
      details: { command, actorId, requiredRoles, reason },
    });
    this.command = command;
    this.requiredRoles = requiredRoles;
  }
}

/**
 * Optimistic concurrency failed: the finding changed since the caller read it.
 * Reload and try again.
 */
export class ConflictError extends RectifyError {
  constructor(findingId: string, expectedVersion: number, actualVersion: number) {
    super(
      'concurrency.conflict',
      `Finding ${findingId} is at version ${actualVersion}, but the command expected version ${expectedVersion}`,
      { details: { findingId, expectedVersion, actualVersion }, retryable: true },
    );
  }
}

/** Something referred to by id does not exist. */
export class NotFoundError extends RectifyError {
  constructor(kind: string, id: string) {
    super('not_found', `No ${kind} with id "${id}"`, { details: { kind, id } });
  }
}
