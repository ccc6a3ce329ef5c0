// The example file planners download: the headers in their language and two shifts (an early shift and a
// night shift that ends the next day) at one of their own locations, so the template imports as it is.
import ExcelJS from 'exceljs';
import type { DateTime } from 'luxon';
import { IMPORT_FIELDS, TEMPLATE_HEADERS, type ImportField } from './import-format.js';

type Example = Record<ImportField, string | number>;

function examples(locale: 'en' | 'nl', locationName: string, day: DateTime): Example[] {
  const nl = locale === 'nl';
  return [
    { location: locationName, package: 'basic-care', date: day.toISODate()!, start: '07:00', end: '15:00', places: 2, priority: 3, supervisionCapacity: 1, notes: nl ? 'Vroege dienst' : 'Early shift' },
    { location: locationName, package: 'nursing', date: day.toISODate()!, start: '22:00', end: '07:00', places: 1, priority: 5, supervisionCapacity: 0, notes: nl ? 'Nachtdienst, eindigt de volgende dag' : 'Night shift, ends the next day' },
  ];
}

const quote = (value: string | number, delimiter: string) => {
  const text = String(value);
  return text.includes(delimiter) || text.includes('"') || text.includes('\n') ? `"${text.replaceAll('"', '""')}"` : text;
};

/** Dutch: semicolons and day-month-year, as Dutch Excel writes CSV; English: commas and ISO dates. */
export function templateCsv(locale: 'en' | 'nl', locationName: string, day: DateTime): string {
  const delimiter = locale === 'nl' ? ';' : ',';
  const headers = IMPORT_FIELDS.map((f) => TEMPLATE_HEADERS[locale][f]);
  const lines = examples(locale, locationName, day).map((row) =>
    IMPORT_FIELDS.map((f) => quote(f === 'date' && locale === 'nl' ? day.toFormat('dd-MM-yyyy') : row[f], delimiter)).join(delimiter),
  );
  return `${[headers.join(delimiter), ...lines].join('\r\n')}\r\n`;
}

/** Real date and time cells, as a roster system's Excel export has them. */
export async function templateXlsx(locale: 'en' | 'nl', locationName: string, day: DateTime): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(locale === 'nl' ? 'Diensten' : 'Shifts');
  sheet.columns = IMPORT_FIELDS.map((f) => ({ header: TEMPLATE_HEADERS[locale][f], key: f, width: f === 'notes' ? 40 : 16 }));
  const clock = (hhmm: string) => {
    const [h, m] = hhmm.split(':').map(Number);
    return new Date(Date.UTC(1899, 11, 30, h, m));
  };
  for (const row of examples(locale, locationName, day)) {
    sheet.addRow({ ...row, date: new Date(Date.UTC(day.year, day.month - 1, day.day)), start: clock(String(row.start)), end: clock(String(row.end)) });
  }
  sheet.getColumn('date').numFmt = 'dd-mm-yyyy';
  sheet.getColumn('start').numFmt = 'hh:mm';
  sheet.getColumn('end').numFmt = 'hh:mm';
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
