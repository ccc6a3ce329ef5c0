// The funnel figures as CSV for Excel: a UTF-8 byte-order mark, CRLF line ends, RFC 4180 quoting;
// Dutch with semicolons and decimal commas (as Dutch Excel reads and writes CSV), English with
// commas and decimal points. Text that Excel would run as a formula is prefixed with an apostrophe.
import type { TFunnel } from '../../shared/journey.schemas.js';

export type CsvLocale = 'nl' | 'en';

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: numbers in the locale's decimal notation, text quoted when it holds either delimiter, a quote or a line break. */
export function csvCell(value: string | number | null, locale: CsvLocale): string {
  if (value === null) return '';
  if (typeof value === 'number') return locale === 'nl' ? String(value).replace('.', ',') : String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[";,\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: (string | number | null)[][], locale: CsvLocale): string {
  const delimiter = locale === 'nl' ? ';' : ',';
  return `\uFEFF${rows.map((row) => row.map((cell) => csvCell(cell, locale)).join(delimiter)).join('\r\n')}\r\n`;
}

/** Columns measure, value, count: first the cohort, then the counts, then one row per median (count: people measured). */
export function funnelCsv(funnel: TFunnel, names: { region: string; organisation: string | null }, locale: CsvLocale): string {
  return toCsv(
    [
      ['measure', 'value', 'count'],
      ['region', names.region, null],
      ['organisation', names.organisation, null],
      ['from', funnel.from, null],
      ['to', funnel.to, null],
      ['computed_at', funnel.now, null],
      ['registrations', funnel.registrations, null],
      ['welcome_calls', funnel.welcomeCalls, null],
      ['offered_people', funnel.offeredPeople, null],
      ['offers', funnel.offers, null],
      ['accepted_people', funnel.acceptedPeople, null],
      ['started', funnel.started, null],
      ['three_months_due', funnel.threeMonthsDue, null],
      ['active_after_3_months', funnel.activeAfter3Months, null],
      ...funnel.medians.map((m) => [`median_hours_${m.from}_to_${m.to}`, m.medianHours, m.count]),
    ],
    locale,
  );
}
