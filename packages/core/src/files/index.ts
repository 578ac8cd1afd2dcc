export * from './base64.js';
export * from './file-evidence.js';
export * from './media-type.js';
export * from './references.js';
