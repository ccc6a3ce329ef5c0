import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { CurtoisParseError, parseCurtoisInstance } from './instance.js';

const instance1 = readFileSync(new URL('../../../../shared/benchmarks/curtois/Instance1.txt', import.meta.url), 'utf8');

const minimal = [
  '# a comment',
  'SECTION_HORIZON',
  '7',
  '',
  'SECTION_SHIFTS',
  'D,480,',
  'L,480,D',
  '',
  'SECTION_STAFF',
  'A,D=5|L=0,2400,960,5,2,2,1',
  '',
  'SECTION_DAYS_OFF',
  'A,3',
  '',
  'SECTION_SHIFT_ON_REQUESTS',
  'A,1,D,2',
  '',
  'SECTION_SHIFT_OFF_REQUESTS',
  'A,2,L,1',
  '',
  'SECTION_COVER',
  '0,D,1,100,1',
  '0,L,-0,100,1',
  '',
];

function parseLines(lines: string[]) {
  return parseCurtoisInstance(lines.join('\r\n'));
}

function assertRejects(lines: string[], line: number, message: RegExp) {
  assert.throws(
    () => parseLines(lines),
    (error: unknown) => error instanceof CurtoisParseError && error.line === line && message.test(error.message),
  );
}

test('parses Instance1 as distributed (CRLF line endings, comments)', () => {
  const instance = parseCurtoisInstance(instance1);
  assert.equal(instance.horizon, 14);
  assert.deepEqual(instance.shifts, [{ id: 'D', minutes: 480, forbiddenNext: [] }]);
  assert.equal(instance.employees.length, 8);
  assert.deepEqual(instance.employees[0], { id: 'A', maxShifts: [14], maxMinutes: 4320, minMinutes: 3360, maxConsecutive: 5, minConsecutive: 2, minConsecutiveOff: 2, maxWeekends: 1, daysOff: [0] });
  assert.equal(instance.onRequests.length, 21);
  assert.deepEqual(instance.onRequests[0], { employee: 0, day: 2, shift: 0, weight: 2 });
  assert.equal(instance.offRequests.length, 5);
  assert.equal(instance.cover.length, 14);
});

test('parses every section of a small file, keeping the two ID namespaces apart', () => {
  const instance = parseLines(minimal);
  assert.deepEqual(instance.shifts[1], { id: 'L', minutes: 480, forbiddenNext: [0] });
  assert.deepEqual(instance.employees[0]!.maxShifts, [5, 0]);
  assert.equal(instance.employees[0]!.maxMinutes, 2400);
  assert.equal(instance.employees[0]!.minMinutes, 960);
  assert.deepEqual(instance.employees[0]!.daysOff, [3]);
  assert.deepEqual(instance.offRequests, [{ employee: 0, day: 2, shift: 1, weight: 1 }]);
  assert.deepEqual(instance.cover[1], { day: 0, shift: 1, requirement: 0, weightUnder: 100, weightOver: 1 });
});

test('accepts LF line endings too', () => {
  assert.equal(parseCurtoisInstance(minimal.join('\n')).horizon, 7);
});

test('rejects sections out of order with the line number', () => {
  const swapped = [...minimal];
  swapped[4] = 'SECTION_STAFF';
  assertRejects(swapped, 5, /expected SECTION_SHIFTS, found SECTION_STAFF/);
});

test('rejects a missing section', () => {
  assertRejects(minimal.slice(0, 20), 20, /missing SECTION_COVER/);
});

test('rejects a staff line with a missing field', () => {
  const lines = [...minimal];
  lines[9] = 'A,D=5|L=0,2400,960,5,2,2';
  assertRejects(lines, 10, /expected 8 comma-separated fields, found 7/);
});

test('rejects unknown IDs, days outside the horizon and non-numbers', () => {
  const unknownShift = [...minimal];
  unknownShift[15] = 'A,1,X,2';
  assertRejects(unknownShift, 16, /unknown shift ID "X"/);
  const unknownEmployee = [...minimal];
  unknownEmployee[12] = 'Z,3';
  assertRejects(unknownEmployee, 13, /unknown employee ID "Z"/);
  const lateDay = [...minimal];
  lateDay[21] = '7,D,1,100,1';
  assertRejects(lateDay, 22, /day 7 is outside the horizon 0–6/);
  const notNumber = [...minimal];
  notNumber[5] = 'D,eight,';
  assertRejects(notNumber, 6, /shift length "eight" is not a non-negative integer/);
});

test('rejects a horizon that is not a multiple of 7, and a type limit left out', () => {
  const horizon = [...minimal];
  horizon[2] = '10';
  assertRejects(horizon, 3, /not a positive multiple of 7/);
  const limits = [...minimal];
  limits[9] = 'A,D=5,2400,960,5,2,2,1';
  assertRejects(limits, 10, /no limit for shift L/);
});

test('rejects duplicate IDs and duplicate cover lines', () => {
  const duplicateShift = [...minimal];
  duplicateShift[6] = 'D,480,';
  assertRejects(duplicateShift, 7, /duplicate shift ID D/);
  const duplicateCover = [...minimal];
  duplicateCover[22] = '0,D,2,100,1';
  assertRejects(duplicateCover, 23, /second cover line for day 0, shift D/);
});
