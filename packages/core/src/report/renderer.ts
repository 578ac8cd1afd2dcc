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
 * options, same bytes.
 */
export interface ReportRenderer<O extends RenderOptions = RenderOptions> {
  /** A short name, e.g. `notice-text`. */
  name: string;
  /** Renders the model; deterministic: no clock, no randomness. */
  render(model: ReportModel, options: O): RenderedReport;
}
