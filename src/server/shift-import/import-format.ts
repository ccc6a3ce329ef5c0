// The column format of a shift import, pure: which headers mean which field (Dutch or English, any case),
// and how one row's cells become a shift's fields. Cells come from CSV (always text) or XLSX (text,
// numbers, and dates as exceljs reads them: UTC-based, so a time-only cell is 1899-12-30T22:00Z).
import { DateTime } from 'luxon';

export type Cell = string | number | boolean | Date | null;

export const IMPORT_FIELDS = ['location', 'package', 'date', 'start', 'end', 'places', 'priority', 'supervisionCapacity', 'notes'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Header names in the template, per language; the first alias of each field below. */
export const TEMPLATE_HEADERS: Record<'en' | 'nl', Record<ImportField, string>> = {
  en: { location: 'Location', package: 'Package', date: 'Date', start: 'Start', end: 'End', places: 'Places', priority: 'Priority', supervisionCapacity: 'Supervision capacity', notes: 'Notes' },
  nl: { location: 'Locatie', package: 'Pakket', date: 'Datum', start: 'Begintijd', end: 'Eindtijd', places: 'Plaatsen', priority: 'Prioriteit', supervisionCapacity: 'Begeleidingscapaciteit', notes: 'Opmerkingen' },
};

// Compared after normaliseHeader: lower case, no accents, camelCase and _-. split into words, "(…)" dropped.
const HEADER_ALIASES: Record<ImportField, readonly string[]> = {
  location: ['location', 'locatie', 'location id', 'locatie id', 'location name', 'locatienaam', 'vestiging', 'site'],
  package: ['package', 'pakket', 'package id', 'package code', 'pakketcode', 'activity package', 'activiteitenpakket'],
  date: ['date', 'datum', 'shift date', 'dienstdatum'],
  start: ['start', 'start time', 'starttijd', 'begin', 'begintijd', 'begin time', 'aanvang', 'from', 'van'],
  end: ['end', 'end time', 'eindtijd', 'einde', 'eind', 'to', 'tot'],
  places: ['places', 'plaatsen', 'aantal plaatsen', 'number of places', 'aantal', 'count', 'positions'],
  priority: ['priority', 'prioriteit'],
  supervisionCapacity: ['supervision capacity', 'supervision', 'begeleidingscapaciteit', 'begeleiding'],
  notes: ['notes', 'note', 'opmerkingen', 'opmerking', 'notities', 'toelichting', 'remarks', 'comments', 'comment'],
};

export function normaliseHeader(header: string): string {
  return header
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\(.*?\)/g, ' ')
    .replace(/[_\-.:*]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const fieldByAlias = new Map(IMPORT_FIELDS.flatMap((field) => HEADER_ALIASES[field].map((alias) => [alias, field] as const)));

export function fieldOfHeader(header: string): ImportField | undefined {
  return fieldByAlias.get(normaliseHeader(header));
}

export type ColumnIssue = { column: ImportField | 'file'; message: string };

export type HeaderMatch = {
  /** Column index of each field found. */
  columns: Partial<Record<ImportField, number>>;
  /** Header text of each field, as written in the file. */
  headers: Partial<Record<ImportField, string>>;
  ignored: string[];
  issues: ColumnIssue[];
};

const REQUIRED: readonly ImportField[] = ['location', 'package', 'start', 'end'];

/** Maps a header row to fields; unknown headers are ignored, a field twice or a required one missing is an issue. */
export function matchHeaders(cells: readonly Cell[]): HeaderMatch {
  const match: HeaderMatch = { columns: {}, headers: {}, ignored: [], issues: [] };
  cells.forEach((cell, index) => {
    const text = cellText(cell);
    if (!text) return;
    const field = fieldOfHeader(text);
    if (!field) match.ignored.push(text);
    else if (match.columns[field] !== undefined) match.issues.push({ column: field, message: `appears twice ("${match.headers[field]!}" and "${text}")` });
    else {
      match.columns[field] = index;
      match.headers[field] = text;
    }
  });
  for (const field of REQUIRED) {
    if (match.columns[field] === undefined) match.issues.push({ column: field, message: `missing column (${TEMPLATE_HEADERS.en[field]} or ${TEMPLATE_HEADERS.nl[field]})` });
  }
  return match;
}

/** The number of known headers in a row: the header row is the first with at least two (title lines above it are skipped). */
export const countKnownHeaders = (cells: readonly Cell[]) => cells.filter((c) => fieldOfHeader(cellText(c)) !== undefined).length;

export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString();
  return String(cell).trim();
}

export const isBlankRow = (cells: readonly Cell[]) => cells.every((c) => cellText(c) === '');

export type LocalDate = { year: number; month: number; day: number };
export type Clock = { hour: number; minute: number };
/** A start or end: a clock time on the row's date, a local date and time, or an absolute instant. */
export type When = { kind: 'clock'; clock: Clock } | { kind: 'local'; date: LocalDate; clock: Clock } | { kind: 'instant'; instant: Date };

type Parsed<T> = { value: T; message?: undefined } | { value?: undefined; message: string };

const DAY_MS = 86_400_000;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
// Excel serial days of 1950-01-01 and 2100-01-01: anything else in a date column is not a date.
const SERIAL_MIN = 18_264;
const SERIAL_MAX = 73_051;

function validDate(year: number, month: number, day: number): LocalDate | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  const isReal = year >= 1000 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return isReal ? { year, month, day } : undefined;
}

function dateOfUtc(date: Date): LocalDate {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** Minutes since midnight of an Excel day fraction or the UTC clock of a Date, rounded (Excel stores 22:00 as 0.91666…). */
function clockOfMinutes(totalMinutes: number): Clock {
  const minutes = ((Math.round(totalMinutes) % 1440) + 1440) % 1440;
  return { hour: Math.floor(minutes / 60), minute: minutes % 60 };
}

const DATE_TEXT = /^(?:(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}))$/;

function parseDateText(text: string): Parsed<LocalDate> | undefined {
  const m = DATE_TEXT.exec(text);
  if (!m) return undefined;
  // ISO is year-month-day; otherwise day-month-year, as Dutch and Flemish exports write it.
  const [year, month, day] = m[1] ? [m[1], m[2], m[3]] : [m[6], m[5], m[4]];
  const date = validDate(Number(year), Number(month), Number(day));
  return date ? { value: date } : { message: `${text} is not a date in the calendar` };
}

const CLOCK_TEXT = /^(\d{1,2})(?:[:.](\d{2})(?:[:.](\d{2}))?\s*(?:u|uur|h)?|(?:[:.](\d{2}))?\s*([ap])\.?m\.?)$/i;

function parseClockText(text: string): Parsed<Clock> | undefined {
  const m = CLOCK_TEXT.exec(text);
  if (!m) return undefined;
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? m[4] ?? 0);
  // English exports (HealthRoster) may write 10:00 PM.
  const meridiem = m[5]?.toLowerCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return { message: `${text} is not a time of day` };
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  }
  // 24:00 is how some rosters write the end of a day: the same as 00:00, which ends the shift the next day.
  if (hour === 24 && minute === 0) return { value: { hour: 0, minute: 0 } };
  if (hour > 23 || minute > 59) return { message: `${text} is not a time of day` };
  return { value: { hour, minute } };
}

const DATE_HINT = 'must be a date like 2027-01-04 or 04-01-2027';
const WHEN_HINT = 'must be a time like 22:00 (or a date and time like 2027-01-04 22:00, or an ISO instant)';

export function parseDate(cell: Cell): Parsed<LocalDate> {
  if (cellText(cell) === '') return { message: 'is required' };
  if (cell instanceof Date) {
    if (cell.getUTCFullYear() < 1900) return { message: 'is a time, not a date' };
    return { value: dateOfUtc(cell) };
  }
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell) || cell < SERIAL_MIN || cell > SERIAL_MAX) return { message: DATE_HINT };
    return { value: dateOfUtc(new Date(EXCEL_EPOCH_MS + Math.floor(cell) * DAY_MS)) };
  }
  const text = cellText(cell);
  // A date-time at midnight in a date column (some exports write dates so): keep the date.
  const datePart = /^(\d{4}-\d{1,2}-\d{1,2})[T ]00:00(?::00(?:\.0+)?)?Z?$/.exec(text)?.[1] ?? text;
  return parseDateText(datePart) ?? { message: DATE_HINT };
}

const INSTANT_TEXT = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

export function parseWhen(cell: Cell): Parsed<When> {
  if (cellText(cell) === '') return { message: 'is required' };
  if (cell instanceof Date) {
    const msOfDay = (((cell.getTime() - EXCEL_EPOCH_MS) % DAY_MS) + DAY_MS) % DAY_MS;
    const clock = clockOfMinutes(msOfDay / 60_000);
    // Excel keeps a time-only cell on its day zero (1899-12-30, or 1900-01-00 in the 1900 date system).
    if (cell.getUTCFullYear() < 1900) return { value: { kind: 'clock', clock } };
    const day = new Date(cell.getTime() - msOfDay + (Math.round(msOfDay / 60_000) >= 1440 ? DAY_MS : 0));
    return { value: { kind: 'local', date: dateOfUtc(day), clock } };
  }
  if (typeof cell === 'number') {
    if (cell >= 0 && cell < 1) return { value: { kind: 'clock', clock: clockOfMinutes(cell * 1440) } };
    if (cell >= SERIAL_MIN && cell <= SERIAL_MAX) return parseWhen(new Date(EXCEL_EPOCH_MS + Math.round(cell * 1440) * 60_000));
    return { message: WHEN_HINT };
  }
  const text = cellText(cell);
  if (INSTANT_TEXT.test(text)) {
    const instant = DateTime.fromISO(text.replace(' ', 'T'), { setZone: true });
    return instant.isValid ? { value: { kind: 'instant', instant: instant.toJSDate() } } : { message: `${text} is not a valid instant` };
  }
  const clock = parseClockText(text);
  if (clock) return clock.value ? { value: { kind: 'clock', clock: clock.value } } : clock;
  const dateTime = /^(\S+?)[T ]+(.+)$/.exec(text);
  if (dateTime) {
    const date = parseDateText(dateTime[1]!);
    const time = parseClockText(dateTime[2]!);
    if (date?.message) return date;
    if (time?.message) return time;
    if (date?.value && time?.value) return { value: { kind: 'local', date: date.value, clock: time.value } };
  }
  return { message: WHEN_HINT };
}

export function parseCount(cell: Cell, range: { min: number; max: number; fallback?: number }): Parsed<number> {
  const text = cellText(cell);
  const hint = `must be a whole number from ${range.min} to ${range.max}`;
  if (text === '') return range.fallback === undefined ? { message: 'is required' } : { value: range.fallback };
  const value = typeof cell === 'number' ? cell : /^\d+(?:[.,]0+)?$/.test(text) ? Number(text.replace(',', '.')) : Number.NaN;
  if (!Number.isInteger(value) || value < range.min || value > range.max) return { message: hint };
  return { value };
}

export type RowFields = {
  location: string;
  package: string;
  date: LocalDate | null;
  start: When;
  end: When;
  places: number;
  priority: number;
  supervisionCapacity: number;
  notes: string;
};

export const NOTES_MAX = 2000;

/** One data row's fields, or the issues per column. Places default to 1, priority to 3, supervision to 0. */
export function readRow(cells: readonly Cell[], columns: Partial<Record<ImportField, number>>): { fields?: RowFields; issues: ColumnIssue[] } {
  const issues: ColumnIssue[] = [];
  const cellOf = (field: ImportField): Cell => {
    const index = columns[field];
    return index === undefined ? null : (cells[index] ?? null);
  };
  function take<T>(field: ImportField, parsed: Parsed<T>): T | undefined {
    if (parsed.message !== undefined) issues.push({ column: field, message: parsed.message });
    return parsed.value;
  }
  const text = (field: ImportField) => {
    const value = cellText(cellOf(field));
    if (!value) issues.push({ column: field, message: 'is required' });
    return value;
  };
  const location = text('location');
  const pkg = text('package');
  const start = take('start', parseWhen(cellOf('start')));
  const end = take('end', parseWhen(cellOf('end')));
  const needsDate = start?.kind === 'clock' || (end?.kind === 'clock' && start === undefined);
  let date: LocalDate | null = null;
  if (needsDate) {
    date = columns.date === undefined
      ? (issues.push({ column: 'date', message: 'is required when start is a time (add a Date/Datum column, or give full date-times)' }), null)
      : (take('date', parseDate(cellOf('date'))) ?? null);
  } else if (columns.date !== undefined && cellText(cellOf('date')) !== '') {
    date = take('date', parseDate(cellOf('date'))) ?? null;
  }
  const places = take('places', parseCount(cellOf('places'), { min: 1, max: 50, fallback: 1 }));
  const priority = take('priority', parseCount(cellOf('priority'), { min: 1, max: 5, fallback: 3 }));
  const supervisionCapacity = take('supervisionCapacity', parseCount(cellOf('supervisionCapacity'), { min: 0, max: 20, fallback: 0 }));
  const notes = cellText(cellOf('notes'));
  if (notes.length > NOTES_MAX) issues.push({ column: 'notes', message: `is longer than ${NOTES_MAX} characters` });
  if (issues.length || !start || !end || places === undefined || priority === undefined || supervisionCapacity === undefined) return { issues };
  return { fields: { location, package: pkg, date, start, end, places, priority, supervisionCapacity, notes }, issues };
}

const pad = (n: number) => String(n).padStart(2, '0');
const formatClock = (c: Clock) => `${pad(c.hour)}:${pad(c.minute)}`;
const formatDate = (d: LocalDate) => `${d.year}-${pad(d.month)}-${pad(d.day)}`;

function localDateTime(date: LocalDate, clock: Clock, zone: string): Parsed<DateTime> {
  const dt = DateTime.fromObject({ ...date, ...clock }, { zone });
  // Luxon moves a time in the spring-forward gap an hour on; a shift cannot start at a time that never happens.
  if (dt.hour !== clock.hour || dt.minute !== clock.minute) {
    return { message: `${formatDate(date)} ${formatClock(clock)} does not exist in ${zone} (the clocks go forward)` };
  }
  return { value: dt };
}

/**
 * The shift's instants in the location's zone. An end time at or before the start time ends the next day
 * (a night shift); a time that occurs twice when the clocks go back is taken at its first occurrence.
 */
export function resolveTimes(fields: Pick<RowFields, 'date' | 'start' | 'end'>, zone: string): { start?: Date; end?: Date; issues: ColumnIssue[] } {
  const issues: ColumnIssue[] = [];
  let start: DateTime | undefined;
  const s = fields.start;
  if (s.kind === 'instant') start = DateTime.fromJSDate(s.instant, { zone });
  else {
    const date = s.kind === 'local' ? s.date : fields.date;
    if (!date) return { issues: [{ column: 'date', message: 'is required when start is a time' }] };
    const parsed = localDateTime(date, s.clock, zone);
    if (parsed.message !== undefined) issues.push({ column: 'start', message: parsed.message });
    start = parsed.value;
  }
  if (!start) return { issues };
  let end: DateTime | undefined;
  const e = fields.end;
  if (e.kind === 'instant') end = DateTime.fromJSDate(e.instant, { zone });
  else if (e.kind === 'local') {
    const parsed = localDateTime(e.date, e.clock, zone);
    if (parsed.message !== undefined) issues.push({ column: 'end', message: parsed.message });
    end = parsed.value;
  } else {
    const startDay = { year: start.year, month: start.month, day: start.day };
    const sameDay = DateTime.fromObject({ ...startDay, ...e.clock }, { zone });
    const day = sameDay <= start ? start.plus({ days: 1 }) : start;
    const parsed = localDateTime({ year: day.year, month: day.month, day: day.day }, e.clock, zone);
    if (parsed.message !== undefined) issues.push({ column: 'end', message: parsed.message });
    end = parsed.value;
  }
  if (!end) return { issues };
  if (end <= start) issues.push({ column: 'end', message: 'must be after start' });
  return issues.length ? { issues } : { start: start.toJSDate(), end: end.toJSDate(), issues };
}
