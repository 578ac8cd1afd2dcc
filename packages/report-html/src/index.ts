/**
 * `@rectify/report-html`: the dashboard as one self-contained HTML file, with charts
 * drawn as SVG on the server by Apache ECharts. Opens with no network and runs no
 * script; every user's string is escaped.
 *
 * @packageDocumentation
 */
export { dashboardHtml, htmlDashboardRenderer, type DashboardOptions } from './dashboard.js';
export { escapeHtml } from './escape.js';
export { supervisionHtml, type SupervisionOptions } from './supervision.js';
export { burnDownOption, doneCount, organisationsOption, overdueOverTimeOption, trendOption, progressByUnitOption, renderSvg, statusByCategoryOption, STATUS_COLOURS, LIGHT_COLOURS, type ChartSize } from './charts.js';
export { DASHBOARD_TEXT } from './labels.js';
