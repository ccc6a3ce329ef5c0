// Reads an uploaded file into rows of cells: XLSX (the first worksheet with content) or CSV in UTF-8 or
// Windows-1252, separated by commas, semicolons (Dutch Excel) or tabs. Unreadable files are a 400, never a 500.
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { AppError } from '../errors/app-error.js';
import type { Cell } from './import-format.js';

/** `number` is the row as a spreadsheet shows it (1-based, the header included). */
export type TableRow = { number: number; cells: Cell[] };

const unreadable = (message: string) => new AppError('BAD_REQUEST', message, [{ path: 'contentBase64', message }]);

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
const isOleCompound = (bytes: Uint8Array) => bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;

export async function readTable(filename: string, bytes: Uint8Array): Promise<TableRow[]> {
  if (bytes.length === 0) throw unreadable('The file is empty');
  if (isZip(bytes)) return readXlsx(bytes);
  if (isOleCompound(bytes)) throw unreadable('This is an old Excel file (.xls); save it as .xlsx or CSV and import that');
  if (/\.(xlsx|xlsm|ods)$/i.test(filename)) throw unreadable(`${filename} is not a valid XLSX file`);
  return readCsv(decodeText(bytes));
}

function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Excel on Windows saves "CSV" in the ANSI code page; every byte is a character there.
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  text = text.replace(/^\uFEFF/, '');
  // Text files have no NUL bytes and few control characters; an image or a PDF has many.
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0) throw unreadable('This is not a CSV or XLSX file');
    if (code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12 && code !== 11) control++;
  }
  if (control > Math.max(2, text.length / 100)) throw unreadable('This is not a CSV or XLSX file');
  return text;
}

/** The delimiter that occurs most often outside quotes in the first line. */
export function guessDelimiter(text: string): string {
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}

function readCsv(text: string): TableRow[] {
  if (text.trim() === '') throw unreadable('The file is empty');
  const parsed = Papa.parse<string[]>(text, { delimiter: guessDelimiter(text), skipEmptyLines: false });
  // An unclosed quote swallows the rest of the file into one cell: say where, rather than report odd rows.
  const quote = parsed.errors.find((e) => e.type === 'Quotes');
  if (quote) throw unreadable(`Row ${(quote.row ?? 0) + 1}: a quoted value is not closed (a " too many or too few)`);
  return parsed.data.map((cells, index) => ({ number: index + 1, cells: cells.map((c) => (c.trim() === '' ? null : c)) }));
}

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('result' in value) return cellValue(value.result);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('text' in value) return value.text;
  if ('error' in value) return value.error;
  return null;
}

async function readXlsx(bytes: Uint8Array): Promise<TableRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    throw unreadable('This file could not be read as an XLSX workbook');
  }
  const sheet = workbook.worksheets.find((s) => s.actualRowCount > 0);
  if (!sheet) throw unreadable('The workbook has no rows');
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellValue(cell.value);
    });
    rows.push({ number, cells: Array.from(cells, (c) => c ?? null) });
  });
  return rows;
}
