import { Readable } from 'stream';
import ExcelJS from 'exceljs';

/** The columns of a staff list, as an HR export names them in Chinese or English. */
export type StaffColumn =
  'name' | 'employeeNumber' | 'phone' | 'email' | 'organization' | 'correspondent';

const COLUMN_NAMES: Record<StaffColumn, readonly string[]> = {
  name: ['姓名', 'name'],
  employeeNumber: ['工号', '员工编号', 'employee number', 'employeenumber', 'employee_number'],
  phone: ['手机', '手机号', '电话', 'phone', 'mobile'],
  email: ['邮箱', '电子邮箱', 'email', 'e-mail'],
  organization: [
    '组织',
    '党组织',
    '所属党组织',
    'organization',
    'organisation',
    'organization slug',
  ],
  correspondent: ['通讯员', 'correspondent'],
};

const columnOfHeader = (header: string): StaffColumn | undefined => {
  const wanted = header.trim().toLowerCase();
  return (Object.keys(COLUMN_NAMES) as StaffColumn[]).find((column) =>
    COLUMN_NAMES[column].includes(wanted),
  );
};

/** One data row of the sheet: its number as the spreadsheet shows it, and the text of each known column. */
export type SheetRow = { row: number; values: Partial<Record<StaffColumn, string>> };

export type StaffSheet = {
  rows: SheetRow[];
  missingColumns: StaffColumn[];
  unknownColumns: string[];
};

export class SheetError extends Error {}

const REQUIRED_COLUMNS: readonly StaffColumn[] = ['name', 'employeeNumber', 'organization'];

/**
 * CSV as Chinese office software saves it is often GB18030, not UTF-8: bytes that are not valid
 * UTF-8 are read as GB18030 (a superset of GBK and GB2312).
 */
const csvText = (bytes: Buffer): string => {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
};

const loadWorksheet = async (bytes: Buffer, fileName: string): Promise<ExcelJS.Worksheet> => {
  const workbook = new ExcelJS.Workbook();
  const extension = fileName.toLowerCase().split('.').pop();
  try {
    if (extension === 'xlsx') {
      // exceljs types its parameter as an ArrayBuffer (its own `Buffer`); it reads one as well.
      await workbook.xlsx.load(new Uint8Array(bytes).buffer);
      const sheet = workbook.worksheets[0];
      if (!sheet) throw new SheetError('The workbook has no worksheet');
      return sheet;
    }
    if (extension === 'csv') {
      // Every value as written: an employee number 000123 stays 000123.
      return await workbook.csv.read(Readable.from([csvText(bytes)]), {
        map: (value: unknown) => value,
      });
    }
  } catch (error) {
    if (error instanceof SheetError) throw error;
    throw new SheetError(
      `“${fileName}” could not be read as ${extension?.toUpperCase()}: ${(error as Error).message}`,
    );
  }
  throw new SheetError(`“${fileName}”: a staff list is a .xlsx or .csv file`);
};

const cellText = (cell: ExcelJS.Cell): string => (cell.text ?? '').toString().trim();

/** The staff rows of an XLSX (its first worksheet) or CSV file: a header row naming the columns, then one row per person. */
export const readStaffSheet = async (
  bytes: Buffer,
  fileName: string,
  maxRows: number,
): Promise<StaffSheet> => {
  const sheet = await loadWorksheet(bytes, fileName);
  let columns: Map<number, StaffColumn> | null = null;
  const unknownColumns: string[] = [];
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const texts: Array<[number, string]> = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => texts.push([column, cellText(cell)]));
    if (texts.every(([, text]) => text === '')) return;
    if (columns === null) {
      columns = new Map();
      for (const [column, text] of texts) {
        const known = columnOfHeader(text);
        if (known) columns.set(column, known);
        else if (text !== '') unknownColumns.push(text);
      }
      return;
    }
    if (rows.length >= maxRows)
      throw new SheetError(`A staff list may have at most ${maxRows} rows; split the file`);
    const values: SheetRow['values'] = {};
    for (const [column, text] of texts) {
      const known = columns.get(column);
      if (known && text !== '') values[known] = text;
    }
    rows.push({ row: rowNumber, values });
  });
  const found = new Set<StaffColumn>(
    columns === null ? [] : [...(columns as Map<number, StaffColumn>).values()],
  );
  return {
    rows,
    missingColumns: REQUIRED_COLUMNS.filter((column) => !found.has(column)),
    unknownColumns,
  };
};
