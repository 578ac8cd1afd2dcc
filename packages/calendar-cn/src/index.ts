/**
 * `@rectify/calendar-cn`: mainland China's working days for `@rectify/core`: public
 * holidays and adjusted working days (调休) as the State Council published them.
 *
 * @packageDocumentation
 */
export { ARRANGEMENTS, YearArrangementSchema, type HolidayArrangement, type YearArrangement } from './arrangements.js';
export { calendarCn, chinaCalendar, type ChinaCalendar, type ChinaCalendarOptions, type DayKind } from './calendar-cn.js';
