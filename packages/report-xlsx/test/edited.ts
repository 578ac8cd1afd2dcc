import ExcelJS from 'exceljs';

/** Opens a workbook, lets `edit` change it as a user would in Excel, and saves it. */
export async function edited(data: Uint8Array, edit: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  edit(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
