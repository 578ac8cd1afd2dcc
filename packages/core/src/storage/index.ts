export * from './driver.js';
export * from './row.js';
export * from './query.js';
export * from './bundle.js';
export * from './lock.js';
export * from './reader.js';
export * from './store.js';
export { DEFAULT_MAX_FILE_BYTES, type FilesIntegrity } from './files.js';
export * from './memory-driver.js';
