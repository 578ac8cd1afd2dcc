import type { CommandType } from './commands.js';
import type { FindingStatus } from './status.js';

const OPEN: FindingStatus[] = ['not_started', 'in_progress', 'reopened'];
const WORKING: FindingStatus[] = ['in_progress', 'reopened'];
const PHASE_DONE: FindingStatus[] = ['completed', 'sustaining'];
const AFTER_WORK: FindingStatus[] = ['completed', 'sustaining', 'awaiting_signoff', 'signed_off'];

/**
 * The statuses in which each command is allowed: the lifecycle as a table. `create`
 * is allowed only when the finding does not exist yet (no status).
 *
 * ```text
 * not_started ─start/record_progress→ in_progress ─complete→ completed ─request_signoff→ awaiting_signoff ─sign_off→ signed_off
 *                                          │                     ↑                          │ return ↩                 │
 *                                          └─mark_sustaining→ sustaining ─request_signoff──┘                          │
 * signed_off / completed / sustaining ─reopen or record_review(relapsed)→ reopened ─complete / mark_sustaining→ …   ◄─┘
 * ```
 */
export const ALLOWED_FROM: Readonly<Record<CommandType, readonly FindingStatus[]>> = {
  create: [],
  assign: [...OPEN, ...PHASE_DONE],
  add_measure: [...OPEN, ...PHASE_DONE],
  revise_measure: [...OPEN, ...PHASE_DONE],
  // Withdrawing from a plan that is done would leave a status with nothing behind it;
  // a finding whose plan changes after completion gets a new measure (or is reopened).
  withdraw_measure: OPEN,
  start: ['not_started'],
  // After sign-off, long-term measures still report (紧盯不放); checked in the guard.
  record_progress: [...OPEN, ...PHASE_DONE, 'signed_off'],
  complete_measure: [...WORKING, 'sustaining'],
  define_indicator: [...OPEN, ...PHASE_DONE],
  record_indicator: [...OPEN, ...PHASE_DONE, 'signed_off'],
  complete: [...WORKING, 'sustaining'],
  mark_sustaining: WORKING,
  request_signoff: PHASE_DONE,
  approve: ['awaiting_signoff'],
  return: ['awaiting_signoff'],
  sign_off: ['awaiting_signoff'],
  schedule_review: ['completed', 'sustaining', 'signed_off'],
  record_review: AFTER_WORK,
  reopen: AFTER_WORK,
  request_extension: OPEN,
  decide_extension: OPEN,
  supervise: ['not_started', 'in_progress', 'completed', 'sustaining', 'awaiting_signoff', 'signed_off', 'reopened'],
};

/** Tells whether `command` is allowed in `status` (`undefined`: the finding does not exist). */
export function isAllowed(command: CommandType, status: FindingStatus | undefined): boolean {
  if (status === undefined) return command === 'create';
  return ALLOWED_FROM[command].includes(status);
}

/** The commands allowed in `status`: for offering the next steps in a user interface. */
export function allowedCommands(status: FindingStatus | undefined): CommandType[] {
  return (Object.keys(ALLOWED_FROM) as CommandType[]).filter((c) => isAllowed(c, status));
}
