import { zipTooLarge } from '@rectify/core';

/**
 * Why a workbook must not be opened (a zip bomb: parts that inflate far beyond the
 * file), read from its ZIP directory before exceljs inflates every part into memory;
 * `undefined` when it may be opened, or when it is no ZIP file at all (the caller's
 * reader then says it is not a workbook).
 */
export function workbookTooLarge(data: Uint8Array): string | undefined {
  try {
    return zipTooLarge(data);
  } catch {
    return undefined;
  }
}
