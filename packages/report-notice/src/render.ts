import type { RenderedReport, RenderOptions, ReportModel, SyncReportRenderer } from '@rectify/core';
import { layoutNotice, type Block, type NoticeContent } from './layout.js';

/** Options of the notice renderers: the locale and what the notice says besides the findings. */
export interface NoticeOptions extends RenderOptions, NoticeContent {}

/** Writes blocks as plain text, a blank line between paragraphs, as notices are published. */
export function noticeText(blocks: readonly Block[]): string {
  return `${blocks
    .map((b) => {
      switch (b.kind) {
        case 'title':
          return b.text;
        case 'heading':
          return `${b.label}${b.text}`;
        case 'paragraph':
          return `${b.label ?? ''}${b.text}`;
        case 'signature':
          return b.lines.join('\n');
      }
    })
    .join('\n\n')}\n`;
}

/** Escapes what Markdown would read as markup in text that users wrote. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>()#+\-!|~]/g, (ch) => `\\${ch}`).replace(/\r?\n/g, ' ');
}

/** Writes blocks as CommonMark: headings for sections, categories and findings; user text escaped. */
export function noticeMarkdown(blocks: readonly Block[]): string {
  return `${blocks
    .map((b) => {
      switch (b.kind) {
        case 'title':
          return `# ${escapeMarkdown(b.text)}`;
        case 'heading':
          return `${'#'.repeat(b.level + 1)} ${escapeMarkdown(b.label)}${escapeMarkdown(b.text)}`;
        case 'paragraph':
          return b.label ? `**${escapeMarkdown(b.label.trim())}**${b.label.endsWith(' ') ? ' ' : ''}${escapeMarkdown(b.text)}` : escapeMarkdown(b.text);
        case 'signature':
          return b.lines.map((l) => `<p align="right">${escapeMarkdown(l)}</p>`).join('\n');
      }
    })
    .join('\n\n')}\n`;
}

function fileBase(model: ReportModel, options: NoticeOptions): string {
  return `notice-${model.inspection.id}-${options.asOf ?? model.asOf}${options.locale === 'en' ? '-en' : ''}`;
}

/**
 * The notice as plain UTF-8 text, laid out like the published ones.
 *
 * @example
 * ```ts
 * const { data } = noticeTextRenderer.render(model, { locale: 'zh-CN' });
 * ```
 */
export const noticeTextRenderer: SyncReportRenderer<NoticeOptions> = {
  name: 'notice-text',
  render: (model, options): RenderedReport => ({
    data: noticeText(layoutNotice(model, options.locale, options)),
    mediaType: 'text/plain; charset=utf-8',
    fileName: `${fileBase(model, options)}.txt`,
  }),
};

/** The notice as Markdown. */
export const noticeMarkdownRenderer: SyncReportRenderer<NoticeOptions> = {
  name: 'notice-markdown',
  render: (model, options): RenderedReport => ({
    data: noticeMarkdown(layoutNotice(model, options.locale, options)),
    mediaType: 'text/markdown; charset=utf-8',
    fileName: `${fileBase(model, options)}.md`,
  }),
};
