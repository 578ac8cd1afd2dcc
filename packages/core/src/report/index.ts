export * from './model.js';
export * from './renderer.js';
export * from './zip.js';
