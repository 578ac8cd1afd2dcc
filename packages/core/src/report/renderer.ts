import type { CalendarDay } from '../dates/calendar-day.js';
import type { Locale } from '../i18n/locale.js';
import type { ReportModel } from './model.js';

/** Options every report format takes. */
export interface RenderOptions {
  locale: Locale;
  /** The day the report speaks for; defaults to the model's `asOf`. */
  asOf?: CalendarDay;
}

/** A rendered report: its bytes (or text), its media type and a file name to save it under. */
export interface RenderedReport {
  data: string | Uint8Array;
  mediaType: string;
  fileName: string;
}

/**
 * A report format: a pure function of the model and options. Same model, same
 * options, same bytes. Formats built on libraries that write ZIP files (XLSX, DOCX)
 * answer with a promise; `await` works for every format.
 */
export interface ReportRenderer<O extends RenderOptions = RenderOptions> {
  /** A short name, e.g. `notice-text`. */
  name: string;
  /** Renders the model; deterministic: no clock, no randomness. */
  render(model: ReportModel, options: O): RenderedReport | Promise<RenderedReport>;
}

/**
 * A format that renders at once (text, Markdown, CSV, JSON, HTML): its `render`
 * returns the report itself, so callers need not `await` it.
 */
export interface SyncReportRenderer<O extends RenderOptions = RenderOptions> extends ReportRenderer<O> {
  /** Renders the model; deterministic: no clock, no randomness. */
  render(model: ReportModel, options: O): RenderedReport;
}
