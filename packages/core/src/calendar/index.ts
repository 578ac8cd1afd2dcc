export * from './calendar.js';
export * from './working-days.js';
