/**
 * `@rectify/testing`: the conformance kit that every storage adapter runs unchanged,
 * ours and third parties'.
 *
 * @packageDocumentation
 */
export { testStorageAdapter } from './storage/test-storage-adapter.js';
export { STORAGE_SUITES, type RawReader, type RawTamper, type StorageAdapterOptions, type StorageSuite, type SuiteContext } from './storage/context.js';
export { buildRaceTrack, buildWorld, HOSTILE_TITLES, instant, type World } from './world.js';
export {
  runConcurrentWriters,
  runCrashTrial,
  type ConcurrentWritersOptions,
  type ConcurrentWritersResult,
  type CrashTrialOptions,
} from './processes/run.js';
export { reportModelOf, testReportRenderer, type ReportRendererTestOptions } from './reports/test-report-renderer.js';
export { worldReportModel, type WorldReportOptions } from './reports/world-report.js';
export { docxText, zipPart } from './reports/office-text.js';
export { assertTypedRefusal, fuzzParameters, fuzzRuns, HOSTILE_STRINGS, hostileString, mutationsOf } from './fuzz.js';
