/**
 * The built-in roles of the seed's process. Roles are plain strings, so a workflow
 * for another kind of audit (an ISO audit's `auditor`, `process_owner`) may add its own.
 */
export const Roles = {
  /** 主要领导 / 党组书记: final review, co-signature, signs the public notice; 第一责任人. */
  principalLeader: 'principal_leader',
  /** 分管领导 / 责任领导: the leader in charge, gives the preliminary review. */
  leaderInCharge: 'leader_in_charge',
  /** 责任人: records progress and evidence for the findings assigned to them. */
  responsiblePerson: 'responsible_person',
  /** 整改办 / 政工室: the coordinating office that keeps the ledger and does 对账销号. */
  coordinator: 'coordinator',
  /** 巡察组 / 巡视组: the inspection team; runs look-backs (回头看). */
  inspector: 'inspector',
  /** 纪委监委 / 巡察办: supervises the rectification; may reopen. */
  supervisor: 'supervisor',
  /** Reads only. */
  observer: 'observer',
} as const;

/** A built-in role name. */
export type BuiltInRole = (typeof Roles)[keyof typeof Roles];
