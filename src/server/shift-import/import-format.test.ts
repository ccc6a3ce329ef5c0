// The import's column format without a database: headers, dates, times, counts, and local times to instants.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fieldOfHeader, matchHeaders, parseCount, parseDate, parseWhen, readRow, resolveTimes, type Cell } from './import-format.js';

const ZONE = 'Europe/Amsterdam';
/** An Excel time-only cell as exceljs reads it: a UTC clock on day zero. */
const excelTime = (h: number, m: number) => new Date(Date.UTC(1899, 11, 30, h, m));

describe('headers', () => {
  test('Dutch and English names, any case, with spaces, underscores, camelCase or a unit in brackets', () => {
    assert.equal(fieldOfHeader('Locatie'), 'location');
    assert.equal(fieldOfHeader('LOCATION_ID'), 'location');
    assert.equal(fieldOfHeader('locationId'), 'location');
    assert.equal(fieldOfHeader('Activiteitenpakket'), 'package');
    assert.equal(fieldOfHeader('Datum'), 'date');
    assert.equal(fieldOfHeader('Begintijd (uu:mm)'), 'start');
    assert.equal(fieldOfHeader('end time'), 'end');
    assert.equal(fieldOfHeader('Aantal plaatsen'), 'places');
    assert.equal(fieldOfHeader('supervisionCapacity'), 'supervisionCapacity');
    assert.equal(fieldOfHeader('Begeleidingscapaciteit'), 'supervisionCapacity');
    assert.equal(fieldOfHeader('Opmerkingen'), 'notes');
    assert.equal(fieldOfHeader('Medewerker'), undefined);
  });

  test('unknown headers are ignored; a missing required column or a column twice is an issue', () => {
    const ok = matchHeaders(['Dag', 'Locatie', 'Pakket', 'Datum', 'Begintijd', 'Eindtijd', 'Kostenplaats']);
    assert.deepEqual(ok.columns, { location: 1, package: 2, date: 3, start: 4, end: 5 });
    assert.deepEqual(ok.ignored, ['Dag', 'Kostenplaats'], 'a weekday column beside the date is not a second date');
    assert.deepEqual(ok.issues, []);
    const bad = matchHeaders(['Location', 'Locatie', 'Date', 'Start']);
    assert.deepEqual(
      bad.issues.map((i) => i.column),
      ['location', 'package', 'end'],
    );
    assert.match(bad.issues[0]!.message, /appears twice/);
  });
});

describe('dates', () => {
  test('ISO, day-month-year with dashes, slashes or dots, and Excel date cells', () => {
    const jan4 = { year: 2027, month: 1, day: 4 };
    assert.deepEqual(parseDate('2027-01-04').value, jan4);
    assert.deepEqual(parseDate('04-01-2027').value, jan4);
    assert.deepEqual(parseDate('4-1-2027').value, jan4);
    assert.deepEqual(parseDate('4/1/2027').value, jan4);
    assert.deepEqual(parseDate('04.01.2027').value, jan4);
    assert.deepEqual(parseDate('2027-01-04T00:00:00Z').value, jan4, 'a midnight date-time in a date column');
    assert.deepEqual(parseDate(new Date(Date.UTC(2027, 0, 4))).value, jan4);
    assert.deepEqual(parseDate(46391).value, jan4, 'an Excel serial day without a date format');
  });

  test('impossible and unreadable dates say what is expected', () => {
    assert.match(parseDate('31-02-2027').message!, /not a date in the calendar/);
    assert.match(parseDate('next monday').message!, /must be a date like 2027-01-04/);
    assert.match(parseDate('01-04').message!, /must be a date/);
    assert.equal(parseDate('').message, 'is required');
    assert.match(parseDate(excelTime(22, 0)).message!, /time, not a date/);
  });
});

describe('times', () => {
  test('clock times with a colon or a dot, 24:00, and Excel time cells and fractions', () => {
    assert.deepEqual(parseWhen('22:00').value, { kind: 'clock', clock: { hour: 22, minute: 0 } });
    assert.deepEqual(parseWhen('7:30').value, { kind: 'clock', clock: { hour: 7, minute: 30 } });
    assert.deepEqual(parseWhen('07.30 uur').value, { kind: 'clock', clock: { hour: 7, minute: 30 } });
    assert.deepEqual(parseWhen('23:15:00').value, { kind: 'clock', clock: { hour: 23, minute: 15 } });
    assert.deepEqual(parseWhen('24:00').value, { kind: 'clock', clock: { hour: 0, minute: 0 } });
    assert.deepEqual(parseWhen('10:30 PM').value, { kind: 'clock', clock: { hour: 22, minute: 30 } });
    assert.deepEqual(parseWhen('12 a.m.').value, { kind: 'clock', clock: { hour: 0, minute: 0 } });
    assert.deepEqual(parseWhen('7am').value, { kind: 'clock', clock: { hour: 7, minute: 0 } });
    assert.deepEqual(parseWhen(excelTime(22, 0)).value, { kind: 'clock', clock: { hour: 22, minute: 0 } });
    // Excel stores 22:00 as 0.91666…; floating point must not make it 21:59.
    assert.deepEqual(parseWhen(22 / 24).value, { kind: 'clock', clock: { hour: 22, minute: 0 } });
    assert.deepEqual(parseWhen(new Date(excelTime(6, 59).getTime() + 59_999)).value, { kind: 'clock', clock: { hour: 7, minute: 0 } });
  });

  test('local date-times and ISO instants', () => {
    assert.deepEqual(parseWhen('2027-01-04 22:00').value, { kind: 'local', date: { year: 2027, month: 1, day: 4 }, clock: { hour: 22, minute: 0 } });
    assert.deepEqual(parseWhen('04-01-2027 22:00').value, { kind: 'local', date: { year: 2027, month: 1, day: 4 }, clock: { hour: 22, minute: 0 } });
    assert.deepEqual(parseWhen('04/01/2027 10:00 PM').value, { kind: 'local', date: { year: 2027, month: 1, day: 4 }, clock: { hour: 22, minute: 0 } });
    assert.deepEqual(parseWhen(new Date(Date.UTC(2027, 0, 4, 22, 0))).value, { kind: 'local', date: { year: 2027, month: 1, day: 4 }, clock: { hour: 22, minute: 0 } });
    const instant = parseWhen('2027-01-04T21:00:00Z').value;
    assert.equal(instant?.kind, 'instant');
    assert.equal(instant?.kind === 'instant' && instant.instant.toISOString(), '2027-01-04T21:00:00.000Z');
    const offset = parseWhen('2027-01-04T22:00+01:00').value;
    assert.equal(offset?.kind === 'instant' && offset.instant.toISOString(), '2027-01-04T21:00:00.000Z');
  });

  test('unreadable times say what is expected', () => {
    assert.match(parseWhen('25:00').message!, /not a time of day/);
    assert.match(parseWhen('10 uur').message!, /must be a time like 22:00/);
    assert.match(parseWhen('13:00 PM').message!, /not a time of day/);
    assert.match(parseWhen('2027-13-01 10:00').message!, /not a date in the calendar/);
    assert.equal(parseWhen(null).message, 'is required');
  });
});

describe('counts', () => {
  test('whole numbers in range, a default when blank', () => {
    assert.equal(parseCount('3', { min: 1, max: 50 }).value, 3);
    assert.equal(parseCount(3, { min: 1, max: 50 }).value, 3);
    assert.equal(parseCount('2,0', { min: 1, max: 50 }).value, 2);
    assert.equal(parseCount('', { min: 1, max: 5, fallback: 3 }).value, 3);
    assert.equal(parseCount('', { min: 1, max: 5 }).message, 'is required');
    assert.match(parseCount('0', { min: 1, max: 50 }).message!, /whole number from 1 to 50/);
    assert.match(parseCount('1.5', { min: 1, max: 50 }).message!, /whole number/);
    assert.match(parseCount('twee', { min: 1, max: 50 }).message!, /whole number/);
  });
});

describe('rows', () => {
  const columns = matchHeaders(['Locatie', 'Pakket', 'Datum', 'Begintijd', 'Eindtijd', 'Plaatsen', 'Prioriteit', 'Begeleidingscapaciteit', 'Opmerkingen']).columns;

  test('a complete row, with defaults for priority and supervision', () => {
    const { fields, issues } = readRow(['De Linde', 'nursing', '04-01-2027', '22:00', '07:00', '2', null, null, 'Nachtdienst'], columns);
    assert.deepEqual(issues, []);
    assert.equal(fields?.places, 2);
    assert.equal(fields?.priority, 3);
    assert.equal(fields?.supervisionCapacity, 0);
    assert.equal(fields?.notes, 'Nachtdienst');
  });

  test('every wrong cell of a row is reported by its column', () => {
    const cells: Cell[] = [null, 'nursing', '31-02-2027', '22:00', 'laat', '0', '9', '1', ''];
    assert.deepEqual(
      readRow(cells, columns).issues.map((i) => i.column),
      ['location', 'end', 'date', 'places', 'priority'],
    );
  });

  test('full date-times need no date column', () => {
    const noDate = matchHeaders(['Location', 'Package', 'Start', 'End']).columns;
    assert.deepEqual(readRow(['De Linde', 'nursing', '2027-01-04T21:00:00Z', '2027-01-05T06:00:00Z'], noDate).issues, []);
    assert.deepEqual(
      readRow(['De Linde', 'nursing', '22:00', '07:00'], noDate).issues.map((i) => i.column),
      ['date'],
    );
  });
});

describe('local times to instants in the location zone', () => {
  const jan4 = { year: 2027, month: 1, day: 4 };
  const clock = (hour: number, minute = 0) => ({ kind: 'clock' as const, clock: { hour, minute } });

  test('a night shift ends the next day', () => {
    const { start, end } = resolveTimes({ date: jan4, start: clock(22), end: clock(7) }, ZONE);
    assert.equal(start?.toISOString(), '2027-01-04T21:00:00.000Z'); // Monday 22:00 CET
    assert.equal(end?.toISOString(), '2027-01-05T06:00:00.000Z'); // Tuesday 07:00 CET
  });

  test('an end equal to the start is a 24-hour shift', () => {
    const { start, end } = resolveTimes({ date: jan4, start: clock(8), end: clock(8) }, ZONE);
    assert.equal((end!.getTime() - start!.getTime()) / 3_600_000, 24);
  });

  test('a night across the spring-forward change is an hour shorter', () => {
    const { start, end } = resolveTimes({ date: { year: 2027, month: 3, day: 27 }, start: clock(22), end: clock(7) }, ZONE);
    assert.equal(start?.toISOString(), '2027-03-27T21:00:00.000Z'); // Saturday 22:00 CET (+01:00)
    assert.equal(end?.toISOString(), '2027-03-28T05:00:00.000Z'); // Sunday 07:00 CEST (+02:00): 8 hours, not 9
  });

  test('a night across the fall-back change is an hour longer', () => {
    const { start, end } = resolveTimes({ date: { year: 2027, month: 10, day: 30 }, start: clock(22), end: clock(7) }, ZONE);
    assert.equal(start?.toISOString(), '2027-10-30T20:00:00.000Z'); // Saturday 22:00 CEST (+02:00)
    assert.equal(end?.toISOString(), '2027-10-31T06:00:00.000Z'); // Sunday 07:00 CET (+01:00): 10 hours
  });

  test('a time the clocks skip is an error, not a silent shift by an hour', () => {
    const { issues } = resolveTimes({ date: { year: 2027, month: 3, day: 28 }, start: clock(2, 30), end: clock(7) }, ZONE);
    assert.deepEqual(issues.map((i) => i.column), ['start']);
    assert.match(issues[0]!.message, /does not exist in Europe\/Amsterdam/);
  });

  test('Brussels and Amsterdam share the rules; instants pass through; an end before the start is an error', () => {
    const { start } = resolveTimes({ date: jan4, start: clock(22), end: clock(7) }, 'Europe/Brussels');
    assert.equal(start?.toISOString(), '2027-01-04T21:00:00.000Z');
    const backwards = resolveTimes(
      { date: null, start: { kind: 'instant', instant: new Date('2027-01-05T06:00:00Z') }, end: { kind: 'instant', instant: new Date('2027-01-04T21:00:00Z') } },
      ZONE,
    );
    assert.deepEqual(backwards.issues, [{ column: 'end', message: 'must be after start' }]);
  });
});
