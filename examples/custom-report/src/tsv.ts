import { reportFindings, type ReportRenderer } from '@rectify/core';

/** Tabs and line breaks would split a field; they become spaces. */
const field = (text: string) => text.replace(/[\t\r\n]+/g, ' ');

/**
 * The ledger as tab-separated values: one finding a line, its measures joined with
 * " / ". A report format is just this: a name and a pure function of the model.
 */
export const tsvLedgerRenderer: ReportRenderer = {
  name: 'ledger-tsv',
  render: (model, options) => {
    const header = options.locale === 'zh-CN' ? ['问题编号', '反馈问题', '整改措施', '整改进度'] : ['ID', 'Finding', 'Measures', 'Progress'];
    const rows = reportFindings(model).map((f) => [f.id, f.title, f.measures.map((m) => m.text).join(' / '), f.statusWording].map(field).join('\t'));
    return {
      data: `${[header.join('\t'), ...rows].join('\n')}\n`,
      mediaType: 'text/tab-separated-values; charset=utf-8',
      fileName: `ledger-${model.inspection.id}-${options.asOf ?? model.asOf}.tsv`,
    };
  },
};
