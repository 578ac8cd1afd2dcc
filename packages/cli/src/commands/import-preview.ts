import type { Locale, Organisation, Person } from '@rectify/core';
import { STATUS_LABELS } from '@rectify/core';
import { placeOf, type ClerkLedger, type LedgerMappingInput } from '@rectify/report-xlsx';
import type { Io } from '../context.js';

/** What the store already holds, to tell the new names from the known ones. */
interface Known {
  organisation?: Organisation | undefined;
  people?: readonly Person[] | undefined;
}

/**
 * Prints what `rectify import FILE --dry-run` would import: per sheet the header found
 * and how each column was read, a table of the findings, the people and units that
 * would be added, and every issue with its cell, in the user's language.
 */
export function printPreview(ledger: ClerkLedger, context: { lang: Locale; inspectionId: string; existing: Known }, io: Io): void {
  const en = context.lang === 'en';
  const t = (zh: string, english: string) => (en ? english : zh);
  const ins = ledger.inspection;
  io.out(t(`检查（巡察/巡视）：${context.inspectionId}`, `Inspection: ${context.inspectionId}`));
  if (ins.title) io.out(t(`  标题：${ins.title}`, `  title: ${ins.title}`));
  if (ins.inspector) io.out(t(`  巡察（巡视）组：${ins.inspector}`, `  inspected by: ${ins.inspector}`));
  if (ins.subject) io.out(t(`  被巡察单位：${ins.subject}`, `  inspected body: ${ins.subject}`));
  io.out(t(`  填报时间：${ins.asOf ?? '（未写，按导入日）'}`, `  as of: ${ins.asOf ?? '(not given: the day of the import)'}`));
  for (const s of ledger.sheets) {
    io.out('');
    const role = { problems: t('问题清单', 'findings'), tasks: t('任务清单', 'tasks'), responsibility: t('责任清单', 'responsibility'), skipped: t('未导入', 'skipped') }[s.role];
    io.out(`${t('工作表', 'Sheet')} ${s.name}: ${role}${s.headerRows.length ? t(`，表头在第${s.headerRows.join('、')}行`, `, header in row ${s.headerRows.join(' and ')}`) : ''}${s.rows ? t(`，数据第${s.rows[0]}–${s.rows[1]}行`, `, data in rows ${s.rows[0]}–${s.rows[1]}`) : ''}`);
    for (const c of s.columns) io.out(`  ${c.letter.padEnd(3)} ${c.header} → ${c.field ?? t('（未识别，不导入）', '(not understood, left out)')}`);
  }
  io.out('');
  io.out(t(`问题 ${ledger.findings.length} 个，整改措施 ${ledger.findings.reduce((n, f) => n + f.measures.length, 0)} 项，类别 ${ledger.categories.length} 个：`, `${ledger.findings.length} findings, ${ledger.findings.reduce((n, f) => n + f.measures.length, 0)} measures, ${ledger.categories.length} categories:`));
  for (const f of ledger.findings) {
    const who = [f.leader, f.leadUnit, f.person].map((x) => x ?? '—').join(' / ');
    io.out(`  ${f.key.padEnd(6)} ${f.title.length > 24 ? `${f.title.slice(0, 24)}…` : f.title}  [${STATUS_LABELS[f.status][context.lang]}] ${t('期限', 'due')} ${f.deadline ?? '—'}${f.completedOn ? ` ${t('完成', 'done')} ${f.completedOn}` : ''}  ${t('措施', 'measures')} ${f.measures.length}  ${who}`);
  }
  const knownUnits = new Set(context.existing.organisation?.units.map((u) => u.name) ?? []);
  const knownPeople = new Set(context.existing.people?.map((p) => p.name) ?? []);
  const newUnits = ledger.units.filter((u) => !knownUnits.has(u.name)).map((u) => u.name);
  const newPeople = ledger.people.filter((p) => !knownPeople.has(p.name)).map((p) => (p.post ? (en ? `${p.name} (${p.post})` : `${p.name}（${p.post}）`) : p.name));
  io.out('');
  io.out(`${t('新增单位', 'New units')} (${newUnits.length}): ${newUnits.join(t('、', ', ')) || '—'}`);
  io.out(`${t('新增人员', 'New people')} (${newPeople.length}): ${newPeople.join(t('、', ', ')) || '—'}`);
  const errors = ledger.issues.filter((i) => i.severity === 'error').length;
  io.out('');
  io.out(t(`问题提示 ${ledger.issues.length} 条（错误 ${errors} 条${errors ? '：改正前不会导入' : ''}）：`, `${ledger.issues.length} issues (${errors} errors${errors ? ': nothing is imported until they are corrected' : ''}):`));
  for (const i of ledger.issues) {
    const what = [i.header && `${t('表头', 'header')} ${i.header}`, i.raw !== undefined && `${t('原值', 'raw')} "${i.raw}"`, i.read !== undefined && `${t('读作', 'read')} ${i.read}`].filter(Boolean).join(', ');
    io.out(`  ${i.severity === 'error' ? t('错误', 'error') : t('提示', 'warning')} ${placeOf(i)} ${i.code}: ${i.message[context.lang]}${what ? ` (${what})` : ''}`);
  }
}

/**
 * The mapping the importer used, written out for a clerk to correct: the inspection
 * as read, the columns of each sheet as understood, and the defaults it applied.
 */
export function inferredMapping(ledger: ClerkLedger, given: unknown): LedgerMappingInput {
  const base = (given ?? {}) as Partial<LedgerMappingInput>;
  const ins = ledger.inspection;
  return {
    format: 'rectify.ledger-map',
    version: 1,
    inspection: {
      ...(ins.title ? { title: ins.title } : {}),
      ...(ins.kind ? { kind: ins.kind } : {}),
      ...(ins.inspector ? { inspector: ins.inspector } : {}),
      ...(ins.subject ? { subject: ins.subject } : {}),
      ...base.inspection,
    },
    ...(ins.asOf ? { asOf: ins.asOf } : {}),
    ...(base.dateOrder ? { dateOrder: base.dateOrder } : {}),
    ...(base.defaultDeadline ? { defaultDeadline: base.defaultDeadline } : {}),
    ...(base.defaultLeadUnit ? { defaultLeadUnit: base.defaultLeadUnit } : {}),
    statuses: { ...base.statuses },
    sheets: Object.fromEntries(ledger.sheets.map((s) => [s.name, s.role === 'skipped'
      ? { skip: true }
      : { headerRow: s.headerRows[0]!, columns: Object.fromEntries(s.columns.filter((c) => c.field !== undefined && c.field !== 'week').map((c) => [c.header, c.field as Exclude<typeof c.field, 'week' | undefined>])) }])),
    aliases: { ...base.aliases },
  };
}
