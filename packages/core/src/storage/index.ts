export * from './driver.js';
export * from './row.js';
export * from './query.js';
export * from './bundle.js';
export * from './lock.js';
export * from './reader.js';
export * from './store.js';
export * from './memory-driver.js';
