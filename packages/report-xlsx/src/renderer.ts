import type { RenderOptions, ReportRenderer } from '@rectify/core';
import { ledgerOf } from './ledger.js';
import { writeLedgerWorkbook } from './write.js';

/** The ledger workbook as a rendered report; see {@link writeLedgerWorkbook}. */
export const xlsxLedgerRenderer: ReportRenderer<RenderOptions> = {
  name: 'ledger-xlsx',
  render: async (model, options) => ({
    data: await writeLedgerWorkbook(ledgerOf(model), { locale: options.locale, history: model.history }),
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    fileName: `ledger-${model.inspection.id}-${options.asOf ?? model.asOf}${options.locale === 'en' ? '-en' : ''}.xlsx`,
  }),
};
