/**
 * `@rectify/report-docx`: the progress notice as an official document (公文) in the
 * GB/T 9704 layout, written with docx.
 *
 * @packageDocumentation
 */
export { docxNoticeRenderer, officialDocument, type OfficialDocumentOptions } from './document.js';
export { DEFAULT_FONTS, GBT9704, type DocumentFonts } from './gbt9704.js';
