export * from './policy.js';
export * from './light.js';
export * from './notices.js';
export * from './message.js';
export * from './view.js';
