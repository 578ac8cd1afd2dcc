export * from './redact.js';
export * from './diff.js';
export * from './published.js';
