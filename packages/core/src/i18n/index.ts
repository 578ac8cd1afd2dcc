export * from './locale.js';
export * from './numbering.js';
export * from './date-format.js';
export * from './labels.js';
export * from './evidence-text.js';
