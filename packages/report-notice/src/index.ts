/**
 * `@rectify/report-notice`: the public progress notice (整改进展情况通报) as text and
 * Markdown, in Chinese and English, from the core's report model.
 *
 * @packageDocumentation
 */
export { defaultClosing, defaultPreamble, layoutNotice, type Block, type NoticeContent, type NoticeSection } from './layout.js';
export { escapeMarkdown, noticeMarkdown, noticeMarkdownRenderer, noticeText, noticeTextRenderer, type NoticeOptions } from './render.js';
export * from './parse/index.js';
