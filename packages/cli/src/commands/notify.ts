import { countLights, formatDay, LIGHT_LABELS, nameOf, warningMessage, type CalendarDay, type Locale, type Person, type Store } from '@rectify/core';
import { channelsFor, channelsFromConfig, deliverOutbox, queueWarnings, type Channel } from '@rectify/notify';
import { instantAt, readJsonOption, resolveScope, today, type GlobalOptions, type Io } from '../context.js';
import { DeliveryFailedError, UsageError } from '../exit.js';

/** Options of `rectify notify`. */
export interface NotifyOptions {
  asOf: CalendarDay | undefined;
  /** An escalation policy (JSON); the default one otherwise. */
  policy: string | undefined;
  /** The channels (JSON, see `NotifyConfigSchema` of `@rectify/notify`). */
  channels: string | undefined;
  /** Queue the day's notices and deliver the outbox; otherwise only print what would go. */
  send: boolean;
  /** Every inspection of every organisation in the store (a supervising office's cron). */
  all: boolean;
  json: boolean;
  /** Where `{ "env": NAME }` secrets of the channels file are read. */
  env: Readonly<Record<string, string | undefined>>;
}

const T = {
  'zh-CN': { title: '预警', none: '今日无预警', quiet: '今日为休息日：不发送', unreached: '无人可通知', via: '经', queued: '新记入发件箱', already: '已在发件箱', sent: '已发送', failed: '发送失败，待重试', dead: '发送失败，不再重试', lights: '亮灯' },
  en: { title: 'Warnings', none: 'no warning today', quiet: 'a rest day: nothing is sent', unreached: 'reaches no one', via: 'via', queued: 'queued', already: 'already queued', sent: 'sent', failed: 'failed, to retry', dead: 'failed for good', lights: 'lights' },
} as const satisfies Record<Locale, unknown>;

/**
 * `rectify notify`, for a daily cron: the 红黄绿灯 warnings of the inspection as of a day
 * (today by default) under the policy, and who would be told through which channel; with
 * `--send`, records them in the store's outbox (each once) and delivers what the outbox
 * holds, failing (exit 3) when a delivery failed. `--json` emits the same as JSON.
 */
export async function notifyCommand(store: Store, global: GlobalOptions, options: NotifyOptions, io: Io): Promise<void> {
  const policy = options.policy === undefined ? undefined : readJsonOption(io.cwd, 'policy', options.policy);
  let channels: Channel[] = [];
  if (options.channels !== undefined) {
    try {
      channels = channelsFromConfig(readJsonOption(io.cwd, 'channels', options.channels), { env: options.env, now: () => io.now().getTime() });
    } catch (error) {
      throw error instanceof Error && !('code' in error) ? new UsageError(`--channels ${options.channels}: ${error.message}`) : error;
    }
  }
  if (options.send && channels.length === 0) throw new UsageError('--send needs --channels FILE: the channels to deliver by (e-mail, webhook, 企业微信, 钉钉)');
  // --all: every inspection of every organisation, each on its own day (organisations may be in other time zones).
  const scopes = options.all ? await everyInspection(store) : [await resolveScope(store, global)];
  const t = T[global.lang];
  const inspections: InspectionNotices[] = [];
  const deliveries: Delivery[] = [];
  try {
    for (const [organisationId, ofOrganisation] of byOrganisation(scopes)) {
      const people = await store.people(organisationId);
      const decided: InspectionNotices[] = [];
      for (const scope of ofOrganisation) decided.push(await noticesOf(store, scope, people, global, options, { policy, channels }, io));
      inspections.push(...decided);
      // The outbox is the organisation's: delivered once, after every one of its inspections is queued.
      if (options.send) {
        const delivered = await deliverOutbox(store, { organisationId, channels, now: io.now, utcOffset: decided.at(-1)!.utcOffset, locale: global.lang });
        const queued = decided.reduce((n, d) => n + d.queued, 0);
        const already = decided.reduce((n, d) => n + d.alreadyQueued, 0);
        deliveries.push({
          organisationId,
          failed: delivered.failed.length + delivered.dead.length,
          json: { sent: delivered.sent.length, failed: delivered.failed.map((e) => ({ id: e.id, channel: e.channel, error: e.lastError })), dead: delivered.dead.map((e) => ({ id: e.id, channel: e.channel, error: e.lastError })) },
          lines: [`${t.queued} ${queued} · ${t.already} ${already} · ${t.sent} ${delivered.sent.length} · ${t.failed} ${delivered.failed.length} · ${t.dead} ${delivered.dead.length}`],
          errors: [...delivered.failed, ...delivered.dead].map((e) => `${e.channel} → ${nameOf(people, e.notice.personId)}: ${e.lastError}`),
        });
      }
    }
  } finally {
    // An SMTP pool left open would keep the process from exiting, whatever went wrong.
    for (const c of channels) await c.close?.();
  }
  if (options.json) {
    const json = inspections.map((r) => r.json);
    if (options.all) io.out(JSON.stringify({ inspections: json, ...(options.send ? { deliveries: deliveries.map((d) => ({ organisationId: d.organisationId, ...d.json })) } : {}) }, null, 2));
    else io.out(JSON.stringify({ ...json[0], ...deliveries[0]?.json }, null, 2));
  } else {
    // Each organisation's inspections, then what its outbox delivered.
    for (const part of byOrganisation([...inspections, ...deliveries]).values()) {
      for (const line of part.flatMap((p) => p.lines)) io.out(line);
      for (const line of part.flatMap((p) => p.errors)) io.err(line);
    }
  }
  const failed = deliveries.reduce((n, d) => n + d.failed, 0);
  if (failed > 0) throw new DeliveryFailedError(failed);
}

/** What `notify` decided for one inspection: its lines, its JSON, and what it queued. */
interface InspectionNotices {
  organisationId: string;
  utcOffset: string;
  lines: string[];
  errors: string[];
  json: Record<string, unknown>;
  queued: number;
  alreadyQueued: number;
}

/** What the delivery of one organisation's outbox did. */
interface Delivery {
  organisationId: string;
  lines: string[];
  errors: string[];
  json: Record<string, unknown>;
  failed: number;
}

/** Every inspection of every organisation of the store. */
async function everyInspection(store: Store): Promise<{ organisationId: string; inspectionId: string }[]> {
  const scopes: { organisationId: string; inspectionId: string }[] = [];
  for (const o of await store.organisations()) for (const i of await store.inspections(o.id)) scopes.push({ organisationId: o.id, inspectionId: i.id });
  return scopes;
}

/** Items grouped by organisation, in the order the organisations first come. */
function byOrganisation<T extends { organisationId: string }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(item.organisationId, [...(groups.get(item.organisationId) ?? []), item]);
  return groups;
}

/** The warnings of one inspection as of its day and, with `send`, their recording in the outbox. */
async function noticesOf(
  store: Store,
  scope: { organisationId: string; inspectionId: string },
  people: readonly Person[],
  global: GlobalOptions,
  options: NotifyOptions,
  { policy, channels }: { policy: unknown; channels: Channel[] },
  io: Io,
): Promise<InspectionNotices> {
  const inspection = (await store.inspection(scope))!;
  const asOf = options.asOf ?? today(io, inspection.utcOffset);
  const day = { ...scope, asOf, calendar: global.calendar, ...(policy === undefined ? {} : { policy }) };
  // With --send the decision that records the notices is the one printed: the day is decided once.
  const queuedDay = options.send ? (await queueWarnings(store, { ...day, now: instantAt(io.now(), inspection.utcOffset), channels, inspections: [scope.inspectionId] }))[0]! : undefined;
  const read = queuedDay ?? (await store.warnings(day));
  const counts = countLights(read.lights.values());
  const t = T[global.lang];
  const queued = { queued: queuedDay?.queued.length ?? 0, alreadyQueued: queuedDay?.alreadyQueued ?? 0 };
  const json = {
    scope, asOf, quiet: read.quiet, lights: counts,
    notices: read.notices.map((n) => ({ ...n, channels: channelsFor(channels, n), subject: warningMessage(n, { locale: global.lang }).subject })),
    unreached: read.unreached,
    ...(queuedDay === undefined ? {} : queued),
  };
  const lines = [`${inspection.title} · ${t.title} · ${formatDay(asOf, global.lang)} · ${t.lights} ${(['red', 'yellow', 'green'] as const).map((l) => `${LIGHT_LABELS[l][global.lang]} ${counts[l]}`).join(' ')}`];
  if (read.quiet) lines.push(t.quiet);
  else if (read.notices.length === 0) lines.push(t.none);
  for (const n of read.notices) {
    const via = channelsFor(channels, n);
    lines.push(`${LIGHT_LABELS[n.light][global.lang]} · ${nameOf(people, n.personId)} · ${warningMessage(n, { locale: global.lang }).subject}${via.length > 0 ? ` · ${t.via} ${via.join(', ')}` : ''}`);
  }
  const errors = read.unreached.map((u) => `${u.findingId} ${LIGHT_LABELS[u.light][global.lang]}: ${typeof u.recipient === 'string' ? u.recipient : u.recipient.personId} ${t.unreached}`);
  return { organisationId: scope.organisationId, utcOffset: inspection.utcOffset, lines, errors, json, ...queued };
}
