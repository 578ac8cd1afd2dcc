export { parseNotice } from './parse.js';
export type {
  FindingOpening,
  Located,
  NoticeTotals,
  NoticeWarning,
  ParsedCategory,
  ParsedDocument,
  ParsedFinding,
  ParsedInspection,
  ParsedMeasure,
  ParsedNotice,
  ParsedResult,
  ParsedSection,
} from './types.js';
export { statusOfWording } from './wording.js';
export { noticeReport, type NoticeReportOptions } from './to-model.js';
export { htmlToText, looksLikeHtml } from './html.js';
export { docxToText, DocxReadError } from './docx.js';
