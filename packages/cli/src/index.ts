/**
 * `@rectify/cli`: the `rectify` command line, and its commands as functions for apps
 * that want them in-process.
 *
 * @packageDocumentation
 */
export { run, HELP, type Running } from './run.js';
export { EXIT, exitCodeOf, UsageError } from './exit.js';
export { instantAt, openCliStore, resolveScope, today, type GlobalOptions, type Io, type Scope } from './context.js';
export { importCommand, type ImportOptions } from './commands/import.js';
export { statusCommand, type StatusOptions } from './commands/status.js';
export { FORMATS, reportCommand, type ReportFormat, type ReportOptions } from './commands/report.js';
export { APPLY_COMMANDS, applyCommand, type ApplyOptions, type ApplySpec } from './commands/apply.js';
export { serveCommand, type ServeOptions } from './commands/serve.js';
