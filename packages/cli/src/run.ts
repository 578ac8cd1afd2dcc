import { existsSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chinaCalendar, type YearArrangement } from '@rectify/calendar-cn';
import { EVERY_DAY, INSPECTION_KIND_LABELS, inspectionKindOf, REMINDER_KINDS, UtcOffsetSchema, type Calendar, type ReminderKind, type InspectionKind, type Locale, type Store } from '@rectify/core';
import { FIRST_DAY, isSupportedDay, LAST_DAY } from './context.js';
import { applyCommand, APPLY_COMMANDS } from './commands/apply.js';
import { FORMATS } from './commands/formats.js';
import { CALENDARS, openCliStore, readJsonOption, type GlobalOptions, type Io } from './context.js';
import { EXIT, exitCodeOf, UsageError } from './exit.js';

const GLOBAL_HELP = `
Store:  --db FILE          SQLite file (default rectify.db)
        --postgres URL     PostgreSQL instead (or RECTIFY_POSTGRES_URL)
Scope:  --org ID --inspection ID   (not needed when the store holds one inspection)
Output: --lang zh-CN|en    (default zh-CN)
Days:   --calendar every-day|weekdays|cn   working days for overdue, due soon, reminders (default every-day;
                           cn: mainland China's holidays and 调休, @rectify/calendar-cn)
        --calendar-years FILE  years --calendar cn does not know yet, as the State Council's notice
                           gives them: [{"year": 2027, "source": {...}, "holidays": [...]}] (JSON)
        --utc-offset ±HH:MM where an imported ledger or notice is (default +08:00, China): its days
                           become instants there (west of UTC: --utc-offset=-05:00); an inspection
                           in the store keeps its own
Exit codes: 0 done, 1 refused (rule, permission, lifecycle), 2 bad input (or beyond what a format or calendar holds), 3 store unavailable, conflict or history that does not verify, 4 bug.`;

/** The help of each command. */
export const HELP: Record<string, string> = {
  '': `rectify: inspection findings, their rectification (整改) and sign-off (销号).

Usage: rectify <command> [options]

  init [FILE]             create a store (a SQLite file; --postgres URL for PostgreSQL)
  import FILE             a ledger (.xlsx, .csv: rectify's or a clerk's layout), a published notice (.txt, .md, .html, .docx) or a bundle (.json)
  template [FILE]         a blank 整改台账 (.xlsx) to fill in and import
  status                  the at-a-glance view: totals, overdue, due soon, stale ledgers, lagging units
                          (--all: every organisation of the store, ranked, for a supervising office)
  report --format F       write a report: ${Object.keys(FORMATS).join(', ')}
  due                     reminders: what is due or overdue, for a person or unit; --ics FILE for a calendar app
  notify                  红黄绿灯 warnings of the day and who is told; --send delivers them (e-mail, webhook, 企业微信, 钉钉)
  publications            what was published when (report --publish), and what changed (--diff N)
  recurring               problems found again in later rounds (屡查屡犯) or relapsed, across every inspection
  verify                  check every finding's history: its hash chain (edited, removed, inserted events) and its state,
                          and every evidence file against its SHA-256
  people [add]            the people who act, with their roles; add one (--id --name --role [--unit] [--title])
  units [add]             the organisation's units (股室、所); add one (--id --name)
  files [SHA256]          the evidence files kept, with the findings they prove; with a hash and --output, write one out
  apply COMMAND           a lifecycle command: ${Object.keys(APPLY_COMMANDS).join(', ')}
  serve                   the dashboard on http://127.0.0.1:8080/

rectify <command> --help shows a command's options.
${GLOBAL_HELP}`,
  init: `Usage: rectify init [FILE] [--postgres URL]\n\nCreates the store (runs its migrations) and says where it is.\n${GLOBAL_HELP}`,
  import: `Usage: rectify import FILE [--org ID] [--kind K] [--inspector TEAM] [--as PERSON] [--name NAME] [--dry-run [--json]] [--map MAP.json] [--infer-map] [--trusted]

Imports in one transaction. On bad input every problem is printed with its place
(sheet!cell, line, path) and nothing is written. FILE is rectify's own workbook, a
ledger (.xlsx, .csv) in the layout its clerk keeps, a notice (.txt, .md, or the web page
it was published on, .html, in UTF-8 or GB18030) or a bundle (.json).
  --org ID      the organisation the ledger belongs to: needed unless the store holds one
                (a bundle names its own)
  --kind K      the kind of inspection when the file does not say it: 巡察, 巡视, 审计… (or xuncha…)
  --inspector T the inspection team when the file does not name it, e.g. 区委第一巡察组
  --as-of DATE  the day a notice speaks for, when it gives no date of its own
  --as PERSON   who imports, recorded on each event (default "importer")
  --name NAME   their name (default 政工室)
  --inspection ID  the inspection's id (default: the file's name)
  --dry-run     show what would be imported (sheets, columns, findings, new names,
                every issue with its cell) and write nothing; --json for the same as JSON
  --map FILE    a mapping file: what the importer cannot guess (date order, default
                deadline, status words, columns, header rows); see --infer-map
  --infer-map   print the mapping the importer guessed, to correct and pass with --map
  --trusted     a bundle (.json) that is a backup of one's own store: restored without
                holding its history to the rules (approvals, roles, order); the store
                records the restore (a bundle's history is otherwise checked event by event)
${GLOBAL_HELP}`,
  template: `Usage: rectify template [FILE] [--title TEXT] [--as-of DATE] [--lang en] [--force]

Writes a blank 整改台账 a clerk can fill in Excel and import as it is (rectify import FILE):
one row per finding, section rows for the 方面, the headers clerks use, notes on how to fill
them and a list of status words. FILE defaults to 整改台账.xlsx (findings-tracker.xlsx in English).
  --title TEXT  the title row, e.g. 关于落实区委第一巡察组反馈意见的整改台账
  --as-of DATE  the 填报时间 (left blank for the clerk otherwise)
  --force       replace FILE if it exists
${GLOBAL_HELP}`,
  status: `Usage: rectify status [--as-of DATE] [--unit UNIT] [--json]\n       rectify status --all --as-of DATE [--json]\n\n  --as-of DATE  the day to report on (default today, where the inspection is)\n  --unit UNIT   one lead unit (its id or name)\n  --all         every organisation of the store, ranked, each round apart: a supervising office's overview\n  --json        the analysis (with --all, the roll-up) as JSON\n${GLOBAL_HELP}`,
  report: `Usage: rectify report --format ${Object.keys(FORMATS).join('|')} [--as-of DATE] [-o FILE] [--force] [--redact] [--publish --as PERSON]\n       rectify report --format html --all --as-of DATE [-o DIR] [--force]\n\n  notice, md, docx: the public notice (no one named); html (or dashboard), xlsx, csv: the internal ledger and dashboard; json: the report model.\n  --all         a supervising office's pages: DIR/index.html ranks every organisation, each round linked to its dashboard\n  --force       replace the output file if it exists (else it is refused)\n  --redact      mask personal data first: people's names, phone numbers and e-mail addresses but the\n                declared contacts, ID numbers, however written; what was masked is printed\n  --publish     record this report as a published version (rectify publications)\n${GLOBAL_HELP}`,
  publications: `Usage: rectify publications [--format F] [--diff N] [--json]\n\nThe published versions of the inspection's reports, oldest first; --diff N prints the lines version N\nchanged against the version before it.\n${GLOBAL_HELP}`,
  due: `Usage: rectify due [--person P] [--unit U] [--kind K1,K2] [--as-of DATE] [--days N] [--json] [--ics FILE]\n\nDeadlines, measure deadlines, look-backs (回头看), ledger updates and monthly reports due\nwithin N working days (default: the inspection's due-soon days) or overdue, oldest first.\n  --person P    one person (id or name)   --unit U   one lead unit (id or name)\n  --kind K      only these kinds: ${REMINDER_KINDS.join(', ')}\n  --ics FILE    an iCalendar feed (.ics) instead of the list\n${GLOBAL_HELP}`,
  notify: `Usage: rectify notify [--as-of DATE] [--policy FILE] [--channels FILE] [--send] [--all] [--json]\n\nThe warnings (预警) of the day, for a daily cron: each open finding's light (绿灯 as its deadline nears,\n黄灯 closer, 红灯 once overdue, raised a step by a stale ledger, a missed 月报 or a relapse) and who is told.\nWithout --send it only prints (a dry run) and writes nothing.\n  --policy FILE    the escalation policy (JSON): tiers by working days before the deadline, who is told at\n                   each, what raises a light, quiet days (default: green 20, yellow 10, red when overdue)\n  --channels FILE  how to reach people (JSON): {"channels": [{"type": "smtp", "host", "port", "from",\n                   "addresses": {"PERSON": "a@b"}}, {"type": "webhook", "url", "secret"}, {"type": "wecom", "url"},\n                   {"type": "dingtalk", "url", "secret"}]}; a secret may be {"env": "NAME"}\n  --send           record the day's notices in the store's outbox (each once, whatever the reruns) and\n                   deliver what it holds; exit 3 if a delivery failed (it is retried on the next run)\n  --all            every inspection of every organisation in the store, each on its own day (a supervising\n                   office's cron); --json then gives {"inspections": [...]}, with --send "deliveries" too,\n                   one per organisation (its outbox is delivered once, after all its inspections)\n  --json           the lights, the notices with their channels, and with --send what was delivered\n${GLOBAL_HELP}`,
  verify: `Usage: rectify verify [--org ID] [--json]\n\nReplays every finding of the organisation and checks the hash chain of its events: prints each event\nedited, removed or inserted behind the store's back, each finding whose state its history does not give,\nand the digest of the whole history (keep it with what you publish). Exit 3 when anything does not verify.\n${GLOBAL_HELP}`,
  recurring: `Usage: rectify recurring [--org ID] [--json]\n\nThe organisation's problems found again in a later round (a finding linked to an earlier one)\nor found back by a look-back, over every inspection in the store, most recurrent first.\n${GLOBAL_HELP}`,
  people: `Usage: rectify people [--org ID] [--json]\n       rectify people add --id ID --name NAME --role ROLE[,ROLE] [--unit UNIT] [--title POST]\n\nLists the people who act in the organisation's process, or adds one. Roles by id or by name:\nprincipal_leader 主要领导, leader_in_charge 分管领导, responsible_person 责任人, coordinator 整改办,\nobserver 查看人员 (or one of the workflow's own). Adding someone known adds to their roles.\n${GLOBAL_HELP}`,
  units: `Usage: rectify units [--org ID] [--json]\n       rectify units add --id ID --name NAME [--title KIND]\n\nLists the organisation's units, or adds one (an id it has is renamed).\n${GLOBAL_HELP}`,
  files: `Usage: rectify files [--org ID] [--json]\n       rectify files SHA256 --output PATH [--force]\n\nLists the evidence files the organisation holds: the start of each SHA-256, its size, its names\nand the findings whose evidence it is. Given a hash (or its first 8 or more characters) and\n--output, writes that file out, its bytes checked against the hash first.\n${GLOBAL_HELP}`,
  apply: `Usage: rectify apply COMMAND --finding ID --as PERSON [options]\n\nCommands: ${Object.entries(APPLY_COMMANDS).map(([k, v]) => `${k}${v.needs.length ? ` (--${v.needs.join(', --')})` : ''}`).join('; ')}\n  --text T --measure ID --stage S --reason R --to DATE --id ID --decision approve|reject (extensions), confirmed|relapsed (reviews) --on DATE --command-id ID\n  assign --leader P --unit U --person P --deadline DATE [--co-units U1,U2]: 责任领导、责任部门、责任人、整改期限\n  add-measure --id M --text T [--kind by_deadline|long_term|immediate] [--deadline DATE] [--ordinal N]\n  supervise --kind urge|interview|accountability|notice --text NOTE [--person P1,P2] [--unit U1,U2] [--on DATE]: 督办、约谈、问责、通报\n            of a finding, or without --finding of the units or people as a whole (局主要领导集体约谈分管领导)\n  record-indicator --id INDICATOR --value N --on DATE\n  reopen --deadline DATE: the re-rectification's own deadline (not an extension; without it the old one stands)\n  progress, complete-measure: evidence with --file PATH (repeatable; stored with its SHA-256) and --doc-title T [--doc-number 湘司〔2023〕12号] [--issued-on DATE]\n${GLOBAL_HELP}`,
  serve: `Usage: rectify serve [--port 8080] [--host 127.0.0.1] [--redact] [--all] [--users FILE [--write]]\n\nServes the dashboard, rendered afresh on each load (?as-of=DATE for a past day).\n  --all         a supervising office's pages: / ranks every organisation, /ORG/INSPECTION is a round's dashboard\n  It answers only requests whose Host is its own address (127.0.0.1, localhost): bound to 0.0.0.0, any.\n  --redact      mask personal data as report --redact does, for a screen others see\n  --users FILE  the JSON API at /api/ (its document at /api/openapi.json) for the people of FILE:\n                [{ "personId": "p-li", "tokenSha256": "…" }], the SHA-256 of each one's token\n                (printf %s TOKEN | sha256sum); they send Authorization: Bearer TOKEN\n  --write       the API takes commands too, each from the person whose token it carries\n${GLOBAL_HELP}`,
};

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  db: { type: 'string' },
  postgres: { type: 'string' },
  lang: { type: 'string' },
  org: { type: 'string' },
  inspection: { type: 'string' },
  'as-of': { type: 'string' },
  unit: { type: 'string' },
  json: { type: 'boolean' },
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  force: { type: 'boolean' },
  as: { type: 'string' },
  name: { type: 'string' },
  finding: { type: 'string' },
  text: { type: 'string' },
  measure: { type: 'string' },
  stage: { type: 'string' },
  reason: { type: 'string' },
  to: { type: 'string' },
  id: { type: 'string' },
  decision: { type: 'string' },
  on: { type: 'string' },
  'command-id': { type: 'string' },
  port: { type: 'string' },
  person: { type: 'string' },
  days: { type: 'string' },
  ics: { type: 'string' },
  calendar: { type: 'string' },
  redact: { type: 'boolean' },
  publish: { type: 'boolean' },
  trusted: { type: 'boolean' },
  title: { type: 'string' },
  diff: { type: 'string' },
  host: { type: 'string' },
  'dry-run': { type: 'boolean' },
  map: { type: 'string' },
  'infer-map': { type: 'boolean' },
  'utc-offset': { type: 'string' },
  'calendar-years': { type: 'string' },
  deadline: { type: 'string' },
  leader: { type: 'string' },
  'co-units': { type: 'string' },
  value: { type: 'string' },
  ordinal: { type: 'string' },
  kind: { type: 'string' },
  inspector: { type: 'string' },
  all: { type: 'boolean' },
  file: { type: 'string', multiple: true },
  role: { type: 'string' },
  users: { type: 'string' },
  write: { type: 'boolean' },
  'doc-title': { type: 'string' },
  'doc-number': { type: 'string' },
  'issued-on': { type: 'string' },
  policy: { type: 'string' },
  channels: { type: 'string' },
  send: { type: 'boolean' },
} as const;

/** An error that can say itself in the user's language, as `WorkbookValidationError` of `@rectify/report-xlsx` does. */
function describable(error: unknown): error is Error & { describe(locale: Locale): string } {
  return error instanceof Error && typeof (error as { describe?: unknown }).describe === 'function';
}

/**
 * `--calendar cn` with the years of a file added (`--calendar-years`): for a year this
 * package does not know yet, as soon as the State Council publishes it.
 */
function calendarWithYears(calendar: string | undefined, file: string, io: Io): Calendar {
  if (calendar !== 'cn') throw new UsageError('--calendar-years adds years to --calendar cn');
  const years = readJsonOption(io.cwd, 'calendar-years', file);
  // A bad arrangement is refused with the path of what is wrong (a validation error, exit 2).
  return chinaCalendar({ extraYears: years as YearArrangement[] });
}

/** A running `serve`, so that a caller (a test) can stop it. */
export interface Running {
  /** Stops the server and closes the store. */
  stop(): Promise<void>;
}

/**
 * Runs `rectify` with the arguments after the program name and answers the exit code
 * (see `EXIT`), or, for `serve`, a handle to stop the server. Prints through `io`.
 */
export async function run(argv: readonly string[], io: Io, env: Record<string, string | undefined> = process.env): Promise<number | Running> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${HELP['']}`);
    return EXIT.badInput;
  }
  const { values: v, positionals } = parsed;
  const [command = '', ...rest] = positionals;
  if (v.help || command === '' || command === 'help') {
    const topic = command === 'help' ? (rest[0] ?? '') : command;
    // Help asked for goes to stdout; help shown because no command was given, or for
    // an unknown topic, is a usage error and goes to stderr with exit 2.
    const asked = HELP[topic] !== undefined && (v.help || command === 'help');
    (asked ? io.out : io.err)(HELP[topic] ?? HELP['']!);
    return asked ? EXIT.ok : EXIT.badInput;
  }
  if (HELP[command] === undefined) {
    io.err(`Unknown command "${command}".\n\n${HELP['']}`);
    return EXIT.badInput;
  }
  const lang = (v.lang ?? 'zh-CN') as Locale;
  const global: GlobalOptions = {
    db: (command === 'init' ? rest[0] : undefined) ?? v.db ?? 'rectify.db',
    postgres: v.postgres ?? env['RECTIFY_POSTGRES_URL'],
    lang,
    org: v.org,
    inspection: v.inspection,
    calendar: CALENDARS[v.calendar ?? 'every-day'] ?? EVERY_DAY,
    utcOffset: v['utc-offset'] ?? '+08:00',
  };
  let store: Store | undefined;
  let created: string | undefined;
  try {
    if (lang !== 'zh-CN' && lang !== 'en') throw new UsageError(`--lang must be zh-CN or en, not "${lang}"`);
    if (!UtcOffsetSchema.safeParse(global.utcOffset).success) throw new UsageError(`--utc-offset must be an offset such as +08:00 or -05:30, not "${global.utcOffset}"`);
    // --kind is the inspection's kind for an import; apply's commands read their own (a measure's, a supervision's).
    const kind = command !== 'import' || v.kind === undefined ? undefined : inspectionKindOf(v.kind);
    if (command === 'import' && v.kind !== undefined && kind === undefined) throw new UsageError(`--kind must be one of ${(Object.keys(INSPECTION_KIND_LABELS) as InspectionKind[]).map((k) => `${INSPECTION_KIND_LABELS[k]['zh-CN']} (${k})`).join(', ')}, not "${v.kind}"`);
    if (v['calendar-years'] !== undefined) global.calendar = calendarWithYears(v.calendar, v['calendar-years'], io);
    if (v.calendar !== undefined && CALENDARS[v.calendar] === undefined) throw new UsageError(`--calendar must be one of ${Object.keys(CALENDARS).join(', ')}, not "${v.calendar}"`);
    const day = (name: string, value: string | undefined) => {
      if (value !== undefined && !isSupportedDay(value)) throw new UsageError(`--${name} must be a real day from ${FIRST_DAY} to ${LAST_DAY} written YYYY-MM-DD, not "${value}"`);
      return value;
    };
    /** The day of a command over every organisation (`--all`): given, since organisations may be in different time zones. */
    const dayOfAll = () => {
      const asOf = day('as-of', v['as-of']);
      if (asOf === undefined) throw new UsageError('--all needs --as-of DATE: organisations may be in different time zones, so "today" is not one day');
      return asOf;
    };
    if (command === 'import' && rest[0] === undefined) throw new UsageError('Which file? rectify import FILE');
    const importOptions = () => ({
      file: rest[0]!, as: v.as ?? 'importer', name: v.name ?? '政工室', dryRun: v['dry-run'] ?? false, json: v.json ?? false, map: v.map, inferMap: v['infer-map'] ?? false,
      trusted: v.trusted ?? false, kind, inspector: v.inspector, asOf: v['as-of'],
    });
    if (command === 'import' && (v['dry-run'] || v['infer-map'])) {
      // A preview writes nothing, so it creates no store either: it reads one only if it is there.
      store = !global.postgres && !existsSync(resolve(io.cwd, global.db)) ? undefined : await openCliStore(global, io);
      await (await import('./commands/import.js')).importCommand(store, global, importOptions(), io);
      return EXIT.ok;
    }
    // Every day given is checked before the store is opened, whatever the command.
    for (const name of ['as-of', 'to', 'on', 'deadline', 'issued-on'] as const) day(name, v[name]);
    if (command === 'template') {
      // A blank ledger needs no store, and creates none.
      await (await import('./commands/template.js')).templateCommand(global, { file: rest[0], title: v.title, asOf: v['as-of'], force: v.force ?? false }, io);
      return EXIT.ok;
    }
    const file = global.postgres ? undefined : resolve(io.cwd, global.db);
    if (file !== undefined) checkStoreFile(file, global.db, command);
    // A store this import creates is removed again if the import is refused: a wrong file leaves nothing behind.
    created = file !== undefined && command === 'import' && !existsSync(file) ? file : undefined;
    store = await openCliStore(global, io);
    switch (command) {
      case 'init':
        io.out(global.postgres ? 'store ready (PostgreSQL)' : `store ready: ${global.db}`);
        break;
      case 'import':
        await (await import('./commands/import.js')).importCommand(store, global, importOptions(), io);
        break;
      case 'status':
        if (v.all) {
          if (v.unit !== undefined || global.org !== undefined || global.inspection !== undefined) throw new UsageError('--all is every organisation: it takes no --org, --inspection or --unit');
          await (await import('./commands/rollup.js')).rollupCommand(store, global, { asOf: dayOfAll(), json: v.json ?? false }, io);
        } else await (await import('./commands/status.js')).statusCommand(store, global, { asOf: day('as-of', v['as-of']), unit: v.unit, json: v.json ?? false }, io);
        break;
      case 'due': {
        const days = v.days === undefined ? undefined : Number(v.days);
        if (days !== undefined && !(Number.isInteger(days) && days >= 0 && days <= 366)) throw new UsageError(`--days must be a whole number of days from 0 to 366, not "${v.days}"`);
        const kinds = v.kind?.split(',').map((k) => k.trim());
        const unknown = kinds?.find((k) => !(REMINDER_KINDS as readonly string[]).includes(k));
        if (unknown !== undefined) throw new UsageError(`--kind must be reminder kinds separated by commas (${REMINDER_KINDS.join(', ')}), not "${unknown}"`);
        await (await import('./commands/due.js')).dueCommand(store, global, { asOf: day('as-of', v['as-of']), person: v.person, unit: v.unit, days, kinds: kinds as ReminderKind[] | undefined, json: v.json ?? false, ics: v.ics }, io);
        break;
      }
      case 'notify':
        if (v['dry-run'] && v.send) throw new UsageError('--dry-run and --send: one or the other');
        if (v.all && (global.org !== undefined || global.inspection !== undefined)) throw new UsageError('--all is every organisation: it takes no --org or --inspection');
        await (await import('./commands/notify.js')).notifyCommand(store, global, { asOf: day('as-of', v['as-of']), policy: v.policy, channels: v.channels, send: v.send ?? false, all: v.all ?? false, json: v.json ?? false, env }, io);
        break;
      case 'recurring':
        await (await import('./commands/recurring.js')).recurringCommand(store, global, { json: v.json ?? false }, io);
        break;
      case 'people':
      case 'units': {
        const directory = await import('./commands/directory.js');
        const options = { action: rest[0], id: v.id, name: v.name, role: v.role, unit: v.unit, title: v.title, json: v.json ?? false };
        await (command === 'people' ? directory.peopleCommand : directory.unitsCommand)(store, global, options, io);
        break;
      }
      case 'files':
        await (await import('./commands/files.js')).filesCommand(store, global, { sha256: rest[0], output: v.output, force: v.force ?? false, json: v.json ?? false }, io);
        break;
      case 'verify':
        await (await import('./commands/verify.js')).verifyCommand(store, global, { json: v.json ?? false }, io);
        break;
      case 'report':
        if (!v.format) throw new UsageError(`--format is required: one of ${Object.keys(FORMATS).join(', ')}`);
        // The dashboard by its name: one format, so that its published versions are numbered as one.
        if (v.format === 'dashboard') v.format = 'html';
        if (v.all) {
          if (v.format !== 'html') throw new UsageError(`--all writes the dashboards of every organisation: --format html, not ${v.format}`);
          if (global.org !== undefined || global.inspection !== undefined || v.publish || v.redact) throw new UsageError('--all is every organisation: it takes no --org, --inspection, --publish or --redact');
          await (await import('./commands/report-all.js')).reportAllCommand(store, global, { asOf: dayOfAll(), output: v.output, force: v.force ?? false }, io);
          break;
        }
        await (await import('./commands/report.js')).reportCommand(store, global, { format: v.format, asOf: day('as-of', v['as-of']), output: v.output, redact: v.redact ?? false, publish: v.publish ?? false, publishedBy: v.as, force: v.force ?? false }, io);
        break;
      case 'publications': {
        const diff = v.diff === undefined ? undefined : Number(v.diff);
        if (diff !== undefined && !(Number.isInteger(diff) && diff >= 1)) throw new UsageError(`--diff must be a version number, not "${v.diff}"`);
        await (await import('./commands/publications.js')).publicationsCommand(store, global, { format: v.format, diff, json: v.json ?? false }, io);
        break;
      }
      case 'apply':
        if (rest[0] === undefined) throw new UsageError(`Which command? One of ${Object.keys(APPLY_COMMANDS).join(', ')}`);
        await applyCommand(store, global, {
          command: rest[0], finding: v.finding, as: v.as, text: v.text, measure: v.measure, stage: v.stage, reason: v.reason,
          to: day('to', v.to), id: v.id, decision: v.decision, on: day('on', v.on), deadline: day('deadline', v.deadline), commandId: v['command-id'],
          leader: v.leader, unit: v.unit, person: v.person, coUnits: v['co-units'], kind: v.kind, value: v.value, ordinal: v.ordinal,
          files: v.file, docTitle: v['doc-title'], docNumber: v['doc-number'], issuedOn: day('issued-on', v['issued-on']),
        }, io);
        break;
      case 'serve': {
        const port = Number(v.port ?? 8080);
        if (v.port?.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError(`--port must be a port number, not "${v.port}"`);
        if (v.all && (global.org !== undefined || global.inspection !== undefined)) throw new UsageError('--all is every organisation: it takes no --org or --inspection');
        const server = await (await import('./commands/serve.js')).serveCommand(store, global, { port, host: v.host ?? '127.0.0.1', redact: v.redact ?? false, all: v.all ?? false, users: v.users, write: v.write ?? false }, io);
        const open = store;
        store = undefined; // it stays open while serving
        return { stop: async () => { await new Promise<void>((r) => server.close(() => r())); await open.close(); } };
      }
    }
    created = undefined;
    return EXIT.ok;
  } catch (error) {
    // A refused workbook (WorkbookValidationError) says what each cell needs in the user's
    // language; asked of the error rather than by its class, so that the workbook reader is
    // loaded only by the commands that read workbooks.
    io.err(describable(error) ? error.describe(lang) : error instanceof Error ? error.message : String(error));
    return exitCodeOf(error);
  } finally {
    await store?.close();
    if (created !== undefined) for (const f of [created, `${created}-wal`, `${created}-shm`, `${created}-journal`]) rmSync(f, { force: true });
  }
}

/**
 * Refuses a `--db` that cannot be a store, before a file is made: a directory, a file
 * in a directory that does not exist, or (for every command but `init` and `import`,
 * which create it) a store that is not there, so that a mistyped name says so instead
 * of showing an empty store.
 */
function checkStoreFile(file: string, given: string, command: string): void {
  if (existsSync(file) && statSync(file).isDirectory()) throw new UsageError(`--db ${given} is a directory: name the store's file, e.g. ${join(given, 'rectify.db')}`);
  if (!existsSync(dirname(file))) throw new UsageError(`--db ${given}: the directory ${dirname(given)} does not exist`);
  if (command !== 'init' && command !== 'import' && !existsSync(file)) {
    throw new UsageError(`No store at ${given}: create one with "rectify init ${given}" or "rectify import FILE --db ${given}", or name another with --db`);
  }
}
