import type { CalendarDay } from '../dates/calendar-day.js';
import { compareInstants } from '../dates/instant.js';
import type { UnmetRule } from '../errors/domain-errors.js';
import { text } from '../i18n/locale.js';
import { LIMITS } from '../model/common.js';
import type { Person, Unit } from '../model/organisation.js';
import type { Inspection } from '../model/inspection.js';
import type { Actor } from '../permissions/policy.js';
import { evaluate, type SignOffRule } from '../rules/rule.js';
import type { Command } from './commands.js';
import type { FindingSnapshot } from './snapshot.js';
import { activeMeasures, type FindingState } from './state.js';

/** The people and units a store knows, for checking that ids refer to something. */
export interface Directory {
  people: readonly Pick<Person, 'id'>[];
  units: readonly Pick<Unit, 'id'>[];
}

/** What the guards need besides the command and the state. */
export interface GuardContext {
  inspection: Inspection;
  actor: Actor;
  rules: readonly SignOffRule[];
  /** The command's day where the inspection is. */
  today: CalendarDay;
  directory?: Directory;
}

function unmet(code: string, zh: string, en: string, subject?: string): UnmetRule {
  return subject === undefined ? { code, message: text(zh, en) } : { code, subject, message: text(zh, en) };
}

function notInFuture(day: CalendarDay | undefined, today: CalendarDay, field: string): UnmetRule[] {
  return day !== undefined && day > today
    ? [unmet('date.future', `${field}（${day}）晚于当日（${today}）`, `${field} ${day} is after the command's day ${today}`, field)]
    : [];
}

function checkReferences(command: Command, ctx: GuardContext): UnmetRule[] {
  const dir = ctx.directory;
  if (!dir) return [];
  const people = new Set(dir.people.map((p) => p.id));
  const units = new Set(dir.units.map((u) => u.id));
  const out: UnmetRule[] = [];
  const person = (id: string | undefined, field: string) => {
    if (id !== undefined && !people.has(id)) out.push(unmet('reference.person', `未知人员：${id}`, `unknown person "${id}"`, field));
  };
  const unit = (id: string | undefined, field: string) => {
    if (id !== undefined && !units.has(id)) out.push(unmet('reference.unit', `未知部门：${id}`, `unknown unit "${id}"`, field));
  };
  if (command.type === 'assign') {
    const a = command.assignment;
    person(a.responsibleLeaderId, 'assignment.responsibleLeaderId');
    person(a.responsiblePersonId, 'assignment.responsiblePersonId');
    unit(a.leadUnitId, 'assignment.leadUnitId');
    a.coUnitIds.forEach((id, i) => unit(id, `assignment.coUnitIds[${i}]`));
  }
  const snapshot = command.type === 'create' ? command.snapshot : undefined;
  if (snapshot?.assignment) {
    const a = snapshot.assignment;
    person(a.responsibleLeaderId, 'snapshot.assignment.responsibleLeaderId');
    person(a.responsiblePersonId, 'snapshot.assignment.responsiblePersonId');
    unit(a.leadUnitId, 'snapshot.assignment.leadUnitId');
    a.coUnitIds.forEach((id, i) => unit(id, `snapshot.assignment.coUnitIds[${i}]`));
  }
  snapshot?.progress.forEach((p, i) => person(p.recordedBy, `snapshot.progress[${i}].recordedBy`));
  if (command.type === 'schedule_review') person(command.reviewerId, 'reviewerId');
  if (command.type === 'supervise') {
    command.targetPersonIds.forEach((id, i) => person(id, `targetPersonIds[${i}]`));
    command.targetUnitIds.forEach((id, i) => unit(id, `targetUnitIds[${i}]`));
  }
  return out;
}

/** A snapshot names only measures of its own plan, dates nothing after the import, and is not a reopening (which needs its reason). */
function checkSnapshot(snapshot: FindingSnapshot, measureIds: ReadonlySet<string>, today: CalendarDay): UnmetRule[] {
  const out: UnmetRule[] = [];
  const known = (id: string | undefined, field: string) => {
    if (id !== undefined && !measureIds.has(id)) out.push(unmet('measure.unknown', `无此整改措施：${id}`, `no measure "${id}" in the plan`, field));
  };
  snapshot.measuresDone.forEach((m, i) => {
    known(m.measureId, `snapshot.measuresDone[${i}].measureId`);
    out.push(...notInFuture(m.on, today, `snapshot.measuresDone[${i}].on`));
  });
  snapshot.progress.forEach((p, i) => {
    known(p.measureId, `snapshot.progress[${i}].measureId`);
    out.push(...notInFuture(p.on, today, `snapshot.progress[${i}].on`));
  });
  out.push(...notInFuture(snapshot.completedOn, today, 'snapshot.completedOn'), ...notInFuture(snapshot.signedOffOn, today, 'snapshot.signedOffOn'));
  if (snapshot.status === 'reopened') {
    out.push(unmet('snapshot.reopened', '导入的问题不能处于“重新整改”状态：请按“正在整改”导入，再以 reopen 记录原因', 'a finding cannot be imported as reopened: import it in progress, then reopen it with the reason', 'snapshot.status'));
  }
  // A status without an assignment is allowed (a ledger may say 正在整改 and name no one); work goes on once it is assigned.
  return out;
}

/**
 * The rules of the process that a command must meet beyond its status: everything
 * the seed states that is not a sign-off rule. Returns every unmet rule.
 */
export function guard(command: Command, state: FindingState | undefined, ctx: GuardContext): UnmetRule[] {
  const out = checkReferences(command, ctx);
  const { inspection, today } = ctx;
  if (command.type === 'create') {
    const f = command.finding;
    if (f.inspectionId !== inspection.id) {
      out.push(unmet('reference.inspection', `问题不属于巡察 ${inspection.id}`, `the finding belongs to inspection "${f.inspectionId}", not "${inspection.id}"`, 'finding.inspectionId'));
    }
    if (f.categoryId !== undefined && !inspection.categories.some((c) => c.id === f.categoryId)) {
      out.push(unmet('reference.category', `未知问题类别：${f.categoryId}`, `unknown category "${f.categoryId}"`, 'finding.categoryId'));
    }
    out.push(...uniqueIds(command.measures.map((m) => m.id), 'measures'));
    out.push(...uniqueIds(command.indicators.map((m) => m.id), 'indicators'));
    if (command.snapshot) out.push(...checkSnapshot(command.snapshot, new Set(command.measures.map((m) => m.id)), today));
    return out;
  }
  if (state === undefined) return out;
  const measure = (id: string | undefined) => (id === undefined ? undefined : state.measures.find((m) => m.id === id));
  const requireMeasure = (id: string, open: boolean) => {
    const m = measure(id);
    if (!m || m.status === 'withdrawn') {
      out.push(unmet('measure.unknown', `无此整改措施：${id}`, `no measure "${id}" in the plan`, `measures[${id}]`));
    } else if (open && m.status === 'done') {
      out.push(unmet('measure.done', `整改措施第${m.ordinal}项已完成`, `measure ${m.ordinal} is already done`, `measures[${id}]`));
    }
    return m;
  };
  const requireAssignment = () => {
    if (!state.assignment) {
      out.push(unmet('assignment.required', '尚未明确责任领导、责任部门、责任人和整改期限', 'the finding must be assigned (leader, unit, person, deadline) first'));
    }
  };

  switch (command.type) {
    case 'assign': {
      const before = state.assignment?.deadline;
      if (before !== undefined && before !== command.assignment.deadline) {
        out.push(unmet('deadline.change_requires_extension', `整改期限须经延期审批变更（原期限${before}）`, `the deadline (${before}) changes only through an approved extension`, 'assignment.deadline'));
      }
      break;
    }
    case 'add_measure':
      out.push(...uniqueIds([...state.measures.map((m) => m.id), command.measure.id], 'measures'));
      if (state.measures.length >= LIMITS.measuresPerFinding) {
        out.push(unmet('limit.measures', `一个问题最多${LIMITS.measuresPerFinding}项措施`, `A finding has at most ${LIMITS.measuresPerFinding.toLocaleString('en')} measures`, 'measures'));
      }
      break;
    case 'revise_measure': {
      const m = requireMeasure(command.measureId, true);
      // A sustaining finding has only long-term work open; making that work a
      // one-off measure would leave the status claiming more than is true.
      if (m && state.status === 'sustaining' && command.kind !== undefined && command.kind !== 'long_term') {
        out.push(unmet('measure.kind_breaks_status', `阶段性完成的问题不能把长期措施第${m.ordinal}项改为一次性措施`, `measure ${m.ordinal} cannot stop being long-term while the finding is sustaining`, `measures[${m.id}]`));
      }
      break;
    }
    case 'withdraw_measure':
      requireMeasure(command.measureId, true);
      break;
    case 'start':
      requireAssignment();
      break;
    case 'record_progress': {
      requireAssignment();
      if (command.kind === 'monthly_report' && command.period === undefined) {
        out.push(unmet('progress.period_required', '月报须注明所报月份', 'a monthly report must name its month (period)', 'period'));
      }
      if (command.measureId !== undefined) requireMeasure(command.measureId, false);
      if (state.status === 'signed_off' && measure(command.measureId)?.kind !== 'long_term') {
        out.push(unmet('progress.after_signoff', '已销号问题仅可报告长期坚持措施的进展', 'after sign-off, only long-term measures take progress reports', 'measureId'));
      }
      out.push(...notInFuture(command.on, today, 'on'));
      break;
    }
    case 'complete_measure':
      requireMeasure(command.measureId, true);
      out.push(...notInFuture(command.on, today, 'on'));
      break;
    case 'define_indicator':
      out.push(...uniqueIds([...state.indicators.map((i) => i.id), command.indicator.id], 'indicators'));
      if (state.indicators.length >= LIMITS.indicatorsPerFinding) {
        out.push(unmet('limit.indicators', `一个问题最多${LIMITS.indicatorsPerFinding}项指标`, `A finding has at most ${LIMITS.indicatorsPerFinding.toLocaleString('en')} indicators`, 'indicators'));
      }
      break;
    case 'record_indicator':
      if (!state.indicators.some((i) => i.id === command.indicatorId)) {
        out.push(unmet('indicator.unknown', `无此指标：${command.indicatorId}`, `no indicator "${command.indicatorId}"`, 'indicatorId'));
      }
      out.push(...notInFuture(command.asOf, today, 'asOf'));
      break;
    case 'complete':
    case 'mark_sustaining': {
      const measures = activeMeasures(state);
      if (measures.length === 0) out.push(unmet('measures.none', '未制定整改措施（一事一策）', 'the finding has no measures (one plan per finding)'));
      const longTermOpen = measures.filter((m) => m.kind === 'long_term' && m.status === 'open');
      for (const m of measures) {
        if (m.status === 'done') continue;
        if (command.type === 'mark_sustaining' && m.kind === 'long_term') continue;
        out.push(unmet('measures.open', `整改措施第${m.ordinal}项尚未完成`, `measure ${m.ordinal} is not done`, `measures[${m.id}]`));
      }
      if (command.type === 'mark_sustaining' && measures.length > 0 && longTermOpen.length === 0) {
        out.push(unmet('measures.no_long_term', '没有需长期坚持的措施，应标记为已完成', 'no open long-term measure: mark the finding completed instead'));
      }
      if (state.status === 'reopened') out.push(...newWorkSinceReopening(state));
      break;
    }
    case 'request_signoff':
    case 'sign_off': {
      const verdict = evaluate(ctx.rules, { state, inspection, asOf: today, phase: command.type === 'sign_off' ? 'signoff' : 'request' });
      out.push(...verdict.unmet);
      break;
    }
    case 'approve':
    case 'return': {
      const request = state.signOffRequest;
      const next = request?.stages[state.approvals.length];
      if (command.stage !== next) {
        out.push(unmet('approvals.order', `当前应由“${stageLabel(inspection, next, 'zh-CN')}”审核，而非“${stageLabel(inspection, command.stage, 'zh-CN')}”`, `the stage due now is "${next ?? 'none'}", not "${command.stage}"`, 'stage'));
        break;
      }
      const stage = inspection.workflow.approvalChain.find((s) => s.id === next);
      const assignee = stage?.assignee === 'responsibleLeader' ? state.assignment?.responsibleLeaderId
        : stage?.assignee === 'responsiblePerson' ? state.assignment?.responsiblePersonId : undefined;
      if (assignee !== undefined && assignee !== ctx.actor.id) {
        out.push(unmet('approvals.assignee', `该环节应由本问题的${stage?.assignee === 'responsibleLeader' ? '责任领导' : '责任人'}（${assignee}）审核`, `this stage is for the finding's ${stage?.assignee} (${assignee}), not ${ctx.actor.id}`, 'stage'));
      }
      if (command.type === 'approve') out.push(...notOwnWork(state, ctx.actor.id));
      if (command.type === 'approve' && inspection.workflow.distinctApprovers && state.approvals.some((a) => a.actorId === ctx.actor.id)) {
        out.push(unmet('approvals.distinct', '同一人不得在两个审核环节审批', 'one person may not approve at two stages', 'stage'));
      }
      break;
    }
    case 'schedule_review':
      out.push(...uniqueIds([...state.reviews.map((r) => r.id), command.reviewId], 'reviews'));
      break;
    case 'record_review': {
      const review = state.reviews.find((r) => r.id === command.reviewId);
      if (!review) out.push(unmet('review.unknown', `无此“回头看”：${command.reviewId}`, `no look-back "${command.reviewId}" was scheduled`, 'reviewId'));
      else if (review.outcome !== undefined) out.push(unmet('review.recorded', '该“回头看”已有结论', 'this look-back already has an outcome', 'reviewId'));
      out.push(...notInFuture(command.conductedOn, today, 'conductedOn'));
      break;
    }
    case 'request_extension': {
      requireAssignment();
      const deadline = state.assignment?.deadline;
      if (deadline !== undefined && command.to <= deadline) {
        out.push(unmet('extension.not_later', `延期后的期限须晚于现期限${deadline}`, `the new deadline must be after the current one (${deadline})`, 'to'));
      }
      if (state.extensions.some((x) => x.status === 'pending')) {
        out.push(unmet('extension.pending', '已有待审批的延期申请', 'an extension request is already pending'));
      }
      out.push(...uniqueIds([...state.extensions.map((x) => x.id), command.extensionId], 'extensions'));
      break;
    }
    case 'decide_extension': {
      const x = state.extensions.find((e) => e.id === command.extensionId);
      if (!x || x.status !== 'pending') {
        out.push(unmet('extension.unknown', `无待审批的延期申请：${command.extensionId}`, `no pending extension "${command.extensionId}"`, 'extensionId'));
      } else if (x.requestedBy === ctx.actor.id) {
        out.push(unmet('extension.self_approval', '不得审批本人提出的延期申请', 'one may not decide one\'s own extension request', 'extensionId'));
      }
      break;
    }
    case 'supervise':
      out.push(...notInFuture(command.on, today, 'on'));
      break;
    case 'reopen':
      if (command.deadline !== undefined) {
        requireAssignment();
        if (command.deadline < today) out.push(unmet('deadline.in_past', `再整改期限${command.deadline}早于当日（${today}）`, `the new deadline ${command.deadline} is before the command's day ${today}`, 'deadline'));
      }
      break;
  }
  return out;
}

function uniqueIds(ids: string[], field: string): UnmetRule[] {
  const seen = new Set<string>();
  const out: UnmetRule[] = [];
  for (const id of ids) {
    if (seen.has(id)) out.push(unmet('id.duplicate', `编号重复：${id}`, `duplicate id "${id}"`, `${field}[${id}]`));
    seen.add(id);
  }
  return out;
}

/** A reopened finding must show new work before it is declared done again (no 形式销号). */
function newWorkSinceReopening(state: FindingState): UnmetRule[] {
  const since = state.reopenings.at(-1)?.at;
  if (since === undefined) return [];
  const newWork = state.progress.some((p) => compareInstants(p.at, since) > 0);
  return newWork
    ? []
    : [unmet('reopen.new_work', '问题重新打开后尚无新的整改进展，不能再次标记完成', 'the finding was reopened: record new progress before declaring it done again')];
}

function stageLabel(inspection: Inspection, id: string | undefined, locale: 'zh-CN' | 'en'): string {
  if (id === undefined) return locale === 'zh-CN' ? '无' : 'none';
  return inspection.workflow.approvalChain.find((s) => s.id === id)?.label[locale] ?? id;
}

/**
 * Whoever did or asked for the work may not approve it, at any stage, whatever roles
 * they hold: the responsible person (who answers for the work), the person who asked
 * for sign-off, and whoever recorded its progress. A person holding two roles (责任人
 * and 责任领导, or 主要领导 and 责任人) would otherwise review themselves. Recording
 * the sign-off once every stage has approved (`sign_off`) is the clerk's act and is
 * not held to this.
 */
function notOwnWork(state: FindingState, actorId: string): UnmetRule[] {
  const own = state.assignment?.responsiblePersonId === actorId ? 'responsible'
    : state.signOffRequest?.requestedBy === actorId ? 'requested'
    : state.progress.some((p) => p.actorId === actorId) ? 'recorded' : undefined;
  if (own === undefined) return [];
  const zh = { responsible: '本问题的责任人', requested: '申请销号的人', recorded: '填报整改进展的人' }[own];
  const en = { responsible: "the finding's responsible person", requested: 'who asked for sign-off', recorded: 'who recorded its progress' }[own];
  return [unmet('approvals.own_work', `${actorId} 是${zh}，不得审核自己的整改`, `${actorId} is ${en} and may not approve their own work`, 'actorId')];
}
