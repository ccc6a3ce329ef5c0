// The Curtois & Qu nurse-rostering instance format (schedulingbenchmarks.org, Instances 1–24):
// seven sections in a fixed order, comma-separated fields, `#` comments, CRLF line endings.
// The parser takes the file's text (reading files belongs to the CLI) and rejects anything
// malformed with the line number, because a silently misread instance makes every benchmark
// number meaningless.

export interface CurtoisShift {
  id: string;
  minutes: number;
  /** Indices of the shifts that may not follow this one on the next day. */
  forbiddenNext: number[];
}

export interface CurtoisEmployee {
  id: string;
  /** Most shifts of each type (by shift index) in the horizon. */
  maxShifts: number[];
  maxMinutes: number;
  minMinutes: number;
  maxConsecutive: number;
  minConsecutive: number;
  minConsecutiveOff: number;
  maxWeekends: number;
  daysOff: number[];
}

export interface CurtoisRequest {
  employee: number;
  day: number;
  shift: number;
  weight: number;
}

export interface CurtoisCover {
  day: number;
  shift: number;
  requirement: number;
  weightUnder: number;
  weightOver: number;
}

export interface CurtoisInstance {
  /** Number of days; day 0 is a Monday. */
  horizon: number;
  shifts: CurtoisShift[];
  employees: CurtoisEmployee[];
  onRequests: CurtoisRequest[];
  offRequests: CurtoisRequest[];
  cover: CurtoisCover[];
}

export class CurtoisParseError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'CurtoisParseError';
  }
}

const SECTIONS = [
  'SECTION_HORIZON',
  'SECTION_SHIFTS',
  'SECTION_STAFF',
  'SECTION_DAYS_OFF',
  'SECTION_SHIFT_ON_REQUESTS',
  'SECTION_SHIFT_OFF_REQUESTS',
  'SECTION_COVER',
] as const;
type SectionName = (typeof SECTIONS)[number];
type Line = { number: number; text: string };

export function parseCurtoisInstance(text: string): CurtoisInstance {
  const sections = splitSections(text);
  const horizonLines = sections.get('SECTION_HORIZON')!;
  if (horizonLines.length !== 1) throw new CurtoisParseError(horizonLines[1]?.number ?? 1, 'SECTION_HORIZON must hold exactly one number');
  const horizonLine = horizonLines[0]!;
  const horizon = parseCount(horizonLine.text, horizonLine, 'horizon');
  if (horizon === 0 || horizon % 7 !== 0) throw new CurtoisParseError(horizonLine.number, `horizon ${horizon} is not a positive multiple of 7`);

  const shiftLines = sections.get('SECTION_SHIFTS')!;
  const shiftIds = shiftLines.map((line) => splitFields(line, 3, 3)[0]!);
  const shiftIndex = indexIds(shiftIds, shiftLines, 'shift');
  const shifts = shiftLines.map((line): CurtoisShift => {
    const [id, minutes, forbidden] = splitFields(line, 3, 3) as [string, string, string];
    return {
      id,
      minutes: parsePositive(minutes, line, 'shift length'),
      forbiddenNext: forbidden === '' ? [] : forbidden.split('|').map((next) => lookup(shiftIndex, next, line, 'shift')),
    };
  });
  if (shifts.length === 0) throw new CurtoisParseError(lastLineNumber(text), 'SECTION_SHIFTS is empty');

  const staffLines = sections.get('SECTION_STAFF')!;
  const employeeIndex = indexIds(staffLines.map((line) => splitFields(line, 8, 8)[0]!), staffLines, 'employee');
  const employees = staffLines.map((line): CurtoisEmployee => {
    const [id, maxShifts, maxMinutes, minMinutes, maxConsecutive, minConsecutive, minConsecutiveOff, maxWeekends] = splitFields(line, 8, 8) as [string, string, string, string, string, string, string, string];
    const limits = shifts.map((): number | undefined => undefined);
    for (const pair of maxShifts.split('|')) {
      const match = /^([^=]+)=(\d+)$/.exec(pair);
      if (!match) throw new CurtoisParseError(line.number, `MaxShifts entry "${pair}" is not ShiftID=n`);
      const shift = lookup(shiftIndex, match[1]!, line, 'shift');
      if (limits[shift] !== undefined) throw new CurtoisParseError(line.number, `MaxShifts names shift ${match[1]} twice`);
      limits[shift] = Number(match[2]);
    }
    const missing = limits.findIndex((limit) => limit === undefined);
    if (missing >= 0) throw new CurtoisParseError(line.number, `MaxShifts has no limit for shift ${shifts[missing]!.id}`);
    const employee: CurtoisEmployee = {
      id,
      maxShifts: limits as number[],
      maxMinutes: parseCount(maxMinutes, line, 'MaxTotalMinutes'),
      minMinutes: parseCount(minMinutes, line, 'MinTotalMinutes'),
      maxConsecutive: parseCount(maxConsecutive, line, 'MaxConsecutiveShifts'),
      minConsecutive: parseCount(minConsecutive, line, 'MinConsecutiveShifts'),
      minConsecutiveOff: parseCount(minConsecutiveOff, line, 'MinConsecutiveDaysOff'),
      maxWeekends: parseCount(maxWeekends, line, 'MaxWeekends'),
      daysOff: [],
    };
    if (employee.minMinutes > employee.maxMinutes) throw new CurtoisParseError(line.number, 'MinTotalMinutes exceeds MaxTotalMinutes');
    return employee;
  });

  const seenDaysOff = new Set<number>();
  for (const line of sections.get('SECTION_DAYS_OFF')!) {
    const [id, ...days] = splitFields(line, 1, Number.POSITIVE_INFINITY) as [string, ...string[]];
    const employee = lookup(employeeIndex, id, line, 'employee');
    if (seenDaysOff.has(employee)) throw new CurtoisParseError(line.number, `employee ${id} has a second days-off line`);
    seenDaysOff.add(employee);
    employees[employee]!.daysOff = days.filter((day) => day !== '').map((day) => parseDay(day, horizon, line));
  }

  const parseRequests = (name: SectionName): CurtoisRequest[] =>
    sections.get(name)!.map((line) => {
      const [id, day, shift, weight] = splitFields(line, 4, 4) as [string, string, string, string];
      return { employee: lookup(employeeIndex, id, line, 'employee'), day: parseDay(day, horizon, line), shift: lookup(shiftIndex, shift, line, 'shift'), weight: parseCount(weight, line, 'weight') };
    });
  const onRequests = parseRequests('SECTION_SHIFT_ON_REQUESTS');
  const offRequests = parseRequests('SECTION_SHIFT_OFF_REQUESTS');

  const coverLines = sections.get('SECTION_COVER')!;
  const coverSeen = new Set<number>();
  const cover = coverLines.map((line): CurtoisCover => {
    const [day, shift, requirement, weightUnder, weightOver] = splitFields(line, 5, 5) as [string, string, string, string, string];
    const entry = { day: parseDay(day, horizon, line), shift: lookup(shiftIndex, shift, line, 'shift'), requirement: parseCount(requirement, line, 'requirement'), weightUnder: parseCount(weightUnder, line, 'under weight'), weightOver: parseCount(weightOver, line, 'over weight') };
    const key = entry.day * shifts.length + entry.shift;
    if (coverSeen.has(key)) throw new CurtoisParseError(line.number, `second cover line for day ${day}, shift ${shift}`);
    coverSeen.add(key);
    return entry;
  });

  return { horizon, shifts, employees, onRequests, offRequests, cover };
}

/** Groups the content lines by section, checking the names and their order. */
function splitSections(text: string): Map<SectionName, Line[]> {
  const sections = new Map<SectionName, Line[]>();
  let current: Line[] | undefined;
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const line = { number: i + 1, text: raw.endsWith('\r') ? raw.slice(0, -1) : raw };
    if (line.text.startsWith('#') || line.text.trim() === '') return;
    if (line.text.startsWith('SECTION_')) {
      const expected = SECTIONS[sections.size];
      if (line.text !== expected) throw new CurtoisParseError(line.number, expected === undefined ? `unexpected section ${line.text}` : `expected ${expected}, found ${line.text}`);
      current = [];
      sections.set(expected, current);
      return;
    }
    if (current === undefined) throw new CurtoisParseError(line.number, 'data before the first section');
    current.push(line);
  });
  const missing = SECTIONS.find((name) => !sections.has(name));
  if (missing !== undefined) throw new CurtoisParseError(lines.length, `missing ${missing}`);
  return sections;
}

function splitFields(line: Line, min: number, max: number): string[] {
  const fields = line.text.split(',');
  if (fields.length < min || fields.length > max) {
    const expected = min === max ? `${min}` : max === Number.POSITIVE_INFINITY ? `at least ${min}` : `${min}–${max}`;
    throw new CurtoisParseError(line.number, `expected ${expected} comma-separated fields, found ${fields.length}`);
  }
  if (fields[0] === '') throw new CurtoisParseError(line.number, 'empty ID');
  return fields;
}

function parseCount(text: string, line: Line, what: string): number {
  // Some distributed instances write a zero requirement as "-0".
  if (!/^(\d+|-0+)$/.test(text)) throw new CurtoisParseError(line.number, `${what} "${text}" is not a non-negative integer`);
  return Number(text) + 0;
}

function parsePositive(text: string, line: Line, what: string): number {
  const value = parseCount(text, line, what);
  if (value === 0) throw new CurtoisParseError(line.number, `${what} must be positive`);
  return value;
}

function parseDay(text: string, horizon: number, line: Line): number {
  const day = parseCount(text, line, 'day');
  if (day >= horizon) throw new CurtoisParseError(line.number, `day ${day} is outside the horizon 0–${horizon - 1}`);
  return day;
}

function indexIds(ids: string[], lines: Line[], what: string): Map<string, number> {
  const index = new Map<string, number>();
  ids.forEach((id, i) => {
    if (index.has(id)) throw new CurtoisParseError(lines[i]!.number, `duplicate ${what} ID ${id}`);
    index.set(id, i);
  });
  return index;
}

function lookup(index: Map<string, number>, id: string, line: Line, what: string): number {
  const found = index.get(id);
  if (found === undefined) throw new CurtoisParseError(line.number, `unknown ${what} ID "${id}"`);
  return found;
}

function lastLineNumber(text: string): number {
  return text.split('\n').length;
}
