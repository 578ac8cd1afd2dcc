export * from './calendar-day.js';
export * from './instant.js';
export * from './period.js';
