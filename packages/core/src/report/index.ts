export * from './model.js';
export * from './renderer.js';
