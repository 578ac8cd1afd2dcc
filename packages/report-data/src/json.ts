import type { RenderedReport, SyncReportRenderer } from '@rectify/core';

/**
 * The report model as JSON (`{ format: 'rectify.report', version: 1, … }`), keys in a
 * fixed order, two-space indentation: the same model gives the same bytes. The data is
 * the same in every locale; labels belong to the other formats. For the JSON Schema of
 * what rectify reads (bundles, commands), see `jsonSchema` in `@rectify/core`.
 */
export const jsonReportRenderer: SyncReportRenderer = {
  name: 'report-json',
  render: (model, options): RenderedReport => ({
    data: `${JSON.stringify({ format: 'rectify.report', version: 1, ...model }, null, 2)}\n`,
    mediaType: 'application/json',
    fileName: `report-${model.inspection.id}-${options.asOf ?? model.asOf}.json`,
  }),
};
