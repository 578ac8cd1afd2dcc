import type { Command, CommandType } from '../lifecycle/commands.js';
import type { FindingState } from '../lifecycle/state.js';
import type { Inspection } from '../model/inspection.js';
import { Roles } from '../model/roles.js';

/** Who is acting: their id, their roles, and their unit (for unit-scoped commands). */
export interface Actor {
  id: string;
  roles: readonly string[];
  unitId?: string;
}

/** What a {@link PermissionPolicy} is asked. */
export interface PermissionRequest {
  command: Command;
  actor: Actor;
  /** The finding as it is now; `undefined` for `create`. */
  state: FindingState | undefined;
  inspection: Inspection;
}

/** A policy's answer. */
export type PermissionVerdict =
  | { allowed: true }
  | {
      allowed: false;
      /** Roles any one of which would have been enough. */
      requiredRoles: string[];
      /** Why, in words (English; the code and roles are the stable part). */
      reason: string;
    };

/**
 * Decides whether an actor may issue a command. The core calls it before any rule
 * is checked; replace it to fit your organisation (see {@link createRolePolicy}).
 */
export type PermissionPolicy = (request: PermissionRequest) => PermissionVerdict;

/**
 * Who may issue each command. `'stage'` means: the role of the approval stage named
 * by the command (for `approve` and `return`).
 */
export type RoleTable = Record<CommandType, readonly string[] | 'stage'>;

const R = Roles;
const PLANNERS = [R.coordinator, R.principalLeader, R.leaderInCharge];
const DOERS = [R.responsiblePerson, R.coordinator];

/**
 * The seed's division of work: the responsible person records progress, the leader
 * in charge gives the preliminary approval, the principal leader the final one, the
 * coordinating office plans and signs off in the ledger, the inspection team runs
 * look-backs, the supervisor may reopen, an observer only reads.
 */
export const DEFAULT_ROLE_TABLE: RoleTable = {
  create: PLANNERS,
  assign: PLANNERS,
  add_measure: [...PLANNERS, R.responsiblePerson],
  revise_measure: [...PLANNERS, R.responsiblePerson],
  withdraw_measure: PLANNERS,
  start: DOERS,
  record_progress: DOERS,
  complete_measure: DOERS,
  define_indicator: PLANNERS,
  record_indicator: DOERS,
  complete: DOERS,
  mark_sustaining: DOERS,
  request_signoff: DOERS,
  approve: 'stage',
  return: 'stage',
  sign_off: [R.coordinator, R.principalLeader],
  schedule_review: [R.inspector, R.supervisor, R.coordinator],
  record_review: [R.inspector, R.supervisor],
  reopen: [R.inspector, R.supervisor, R.principalLeader],
  request_extension: [R.responsiblePerson, R.leaderInCharge, R.coordinator],
  decide_extension: [R.principalLeader, R.leaderInCharge],
  supervise: [R.principalLeader, R.leaderInCharge, R.supervisor, R.inspector, R.coordinator],
};

/** Commands a responsible person may issue only for findings of their own (as person or unit). */
export const DEFAULT_SCOPED_COMMANDS: readonly CommandType[] = [
  'add_measure', 'revise_measure', 'start', 'record_progress', 'complete_measure', 'record_indicator',
  'complete', 'mark_sustaining', 'request_signoff', 'request_extension',
];

/** Options of {@link createRolePolicy}. */
export interface RolePolicyOptions {
  /** Who may issue each command; defaults to {@link DEFAULT_ROLE_TABLE}. */
  table?: RoleTable;
  /**
   * Commands that the role {@link Roles.responsiblePerson} may issue only for a finding
   * assigned to them or to their unit (lead or co-unit). Other roles are not scoped.
   */
  scoped?: readonly CommandType[];
  /** The role that is scoped; defaults to `responsible_person`. */
  scopedRole?: string;
}

/**
 * Builds a role-based {@link PermissionPolicy} from a table.
 *
 * @example
 * ```ts
 * const policy = createRolePolicy({
 *   table: { ...DEFAULT_ROLE_TABLE, sign_off: ['principal_leader'] },
 * });
 * ```
 */
export function createRolePolicy(options: RolePolicyOptions = {}): PermissionPolicy {
  const table = options.table ?? DEFAULT_ROLE_TABLE;
  const scoped = new Set(options.scoped ?? DEFAULT_SCOPED_COMMANDS);
  const scopedRole = options.scopedRole ?? R.responsiblePerson;

  return ({ command, actor, state, inspection }) => {
    const entry = table[command.type];
    const required = entry === 'stage' ? stageRoles(command, inspection) : [...entry];
    const held = required.filter((role) => actor.roles.includes(role));
    if (held.length === 0) {
      return {
        allowed: false,
        requiredRoles: required,
        reason: `needs one of the roles ${required.join(', ') || '(none: nobody may)'}; has ${actor.roles.join(', ') || 'no role'}`,
      };
    }
    // A role that is not scoped is enough on its own.
    if (!scoped.has(command.type) || held.some((role) => role !== scopedRole)) return { allowed: true };
    const a = state?.assignment;
    if (a === undefined) {
      // Before assignment nobody is "the" responsible person: only unscoped roles may act.
      const others = required.filter((r) => r !== scopedRole);
      return { allowed: false, requiredRoles: others, reason: 'the finding is not assigned yet, so no responsible person may act on it' };
    }
    const own =
      a.responsiblePersonId === actor.id ||
      (actor.unitId !== undefined && (a.leadUnitId === actor.unitId || a.coUnitIds.includes(actor.unitId)));
    return own
      ? { allowed: true }
      : {
          allowed: false,
          requiredRoles: required,
          reason: `the finding is assigned to ${a.responsiblePersonId} of unit ${a.leadUnitId}, not to this person or their unit`,
        };
  };
}

function stageRoles(command: Command, inspection: Inspection): string[] {
  if (command.type !== 'approve' && command.type !== 'return') return [];
  const stage = inspection.workflow.approvalChain.find((s) => s.id === command.stage);
  // An unknown stage is refused later by the approval rule, with a clearer message.
  return stage === undefined ? inspection.workflow.approvalChain.map((s) => s.role) : [stage.role];
}

/** The default policy: {@link createRolePolicy} with the default table. */
export const defaultPolicy: PermissionPolicy = createRolePolicy();

/**
 * Tells whether an actor may issue a command, without deciding it: for showing or
 * hiding a button.
 */
export function can(policy: PermissionPolicy, request: PermissionRequest): boolean {
  return policy(request).allowed;
}
