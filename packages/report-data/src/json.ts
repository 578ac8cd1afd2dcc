import type { RenderedReport, SyncReportRenderer } from '@rectify/core';

/**
 * The report model as JSON (`{ format: 'rectify.report', version: 1, … }`), keys in a
 * fixed order, two-space indentation: the same model gives the same bytes. The data is
 * the same in every locale; labels belong to the other formats. For the JSON Schema of
 * what rectify reads (bundles, commands), see `jsonSchema` in `@rectify/core`.
 *
 * JSON longer than one JavaScript string should hold (V8 caps a string near 512 MiB;
 * the model of 100,000 findings with their histories is some 800 MB) is answered as
 * UTF-8 bytes instead, with the same content.
 */
export const jsonReportRenderer: SyncReportRenderer = {
  name: 'report-json',
  render: (model, options): RenderedReport => ({
    data: jsonText({ format: 'rectify.report', version: 1, ...model }),
    mediaType: 'application/json',
    fileName: `report-${model.inspection.id}-${options.asOf ?? model.asOf}.json`,
  }),
};

/** Above this many characters the JSON is answered as bytes (2^28, well under V8's limit). */
const MAX_STRING = 2 ** 28;

/** Arrays longer than this, and the outer objects, are written an element at a time. */
const SPLIT_ARRAYS_ABOVE = 64;
const SPLIT_OBJECTS_TO_DEPTH = 2;

/**
 * `JSON.stringify(value, null, 2) + '\n'`: as a string up to `maxString` characters,
 * else as UTF-8 bytes. Large arrays and the outer objects are written piece by piece, each
 * piece by `JSON.stringify` itself, so no single string grows with the data.
 */
export function jsonText(value: unknown, maxString = MAX_STRING): string | Uint8Array {
  const pieces: string[] = [];
  const emit = (v: unknown, indent: string, depth: number): void => {
    const big = Array.isArray(v) ? v.length > SPLIT_ARRAYS_ABOVE : v !== null && typeof v === 'object' && depth < SPLIT_OBJECTS_TO_DEPTH && typeof (v as { toJSON?: unknown }).toJSON !== 'function';
    if (!big) {
      // Strings hold no raw line break (JSON escapes it), so re-indenting is safe.
      const text = JSON.stringify(v, null, 2) ?? 'null';
      pieces.push(indent === '' ? text : text.replaceAll('\n', `\n${indent}`));
      return;
    }
    const inner = `${indent}  `;
    if (Array.isArray(v)) {
      pieces.push('[\n');
      v.forEach((item, i) => {
        pieces.push(inner);
        // As JSON.stringify: what JSON cannot hold is written null in an array.
        emit(item === undefined || typeof item === 'function' || typeof item === 'symbol' ? null : item, inner, depth + 1);
        pieces.push(i < v.length - 1 ? ',\n' : '\n');
      });
      pieces.push(`${indent}]`);
      return;
    }
    const entries = Object.entries(v as object).filter(([, x]) => x !== undefined && typeof x !== 'function' && typeof x !== 'symbol');
    if (entries.length === 0) return void pieces.push('{}');
    pieces.push('{\n');
    entries.forEach(([k, x], i) => {
      pieces.push(`${inner}${JSON.stringify(k)}: `);
      emit(x, inner, depth + 1);
      pieces.push(i < entries.length - 1 ? ',\n' : '\n');
    });
    pieces.push(`${indent}}`);
  };
  emit(value, '', 0);
  pieces.push('\n');
  const length = pieces.reduce((n, p) => n + p.length, 0);
  if (length <= maxString) return pieces.join('');
  const encoder = new TextEncoder();
  const encoded = pieces.map((p) => encoder.encode(p));
  const out = new Uint8Array(encoded.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const b of encoded) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}
