/**
 * `@rectify/core`: the pure domain model of inspection findings, their rectification
 * (整改) and their sign-off (销号).
 *
 * - **Model**: zod schemas and types for organisations, people, inspections, findings,
 *   assignments, measures, evidence, indicators, the workflow.
 * - **Lifecycle**: {@link decide} a command against a finding's state, get one event;
 *   {@link replay} events to rebuild the state.
 * - **Rules**: sign-off rules as values ({@link defaultRules}, {@link defineRule},
 *   {@link evaluate}).
 * - **Permissions**: who may issue which command ({@link createRolePolicy}).
 * - **Analytics**: totals, overdue, stale ledgers, lagging units, reconciliation
 *   ({@link analyze}).
 * - **Localisation**: zh-CN and en labels, Chinese numbering and dates.
 *
 * No I/O, no clock, no randomness: time and ids come in as arguments.
 *
 * @packageDocumentation
 */
export * from './errors/index.js';
export * from './dates/index.js';
export * from './calendar/index.js';
export * from './i18n/index.js';

export * from './model/common.js';
export * from './model/text.js';
export * from './model/roles.js';
export * from './model/organisation.js';
export * from './model/evidence.js';
export * from './model/indicator.js';
export * from './model/measure.js';
export * from './model/assignment.js';
export * from './model/finding.js';
export * from './model/workflow.js';
export * from './model/inspection.js';
export * from './model/parse.js';
export * from './model/supervision.js';

export * from './lifecycle/status.js';
export * from './lifecycle/snapshot.js';
export * from './lifecycle/commands.js';
export * from './lifecycle/events.js';
export * from './lifecycle/state.js';
export * from './lifecycle/transitions.js';
export * from './lifecycle/evolve.js';
export * from './lifecycle/guards.js';
export * from './lifecycle/decide.js';
export * from './lifecycle/command-maker.js';

export * from './integrity/canonical-json.js';
export * from './integrity/chain.js';

export * from './files/index.js';

export * from './permissions/policy.js';

export * from './rules/rule.js';
export * from './rules/builtin/index.js';

export * from './analytics/totals.js';
export * from './analytics/deadline-rule.js';
export * from './analytics/deadlines.js';
export * from './analytics/cadence.js';
export * from './analytics/reminders.js';
export * from './analytics/extensions.js';
export * from './analytics/recurrence.js';
export * from './analytics/lagging.js';
export * from './analytics/reconcile.js';
export * from './analytics/analyze.js';
export * from './analytics/series.js';
export * from './analytics/rollup.js';
export * from './analytics/rollup-counts.js';
export * from './publication/index.js';
export * from './warnings/index.js';

export * from './storage/index.js';

export * from './report/index.js';
export * from './json-schema.js';
