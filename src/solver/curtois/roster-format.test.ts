import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CurtoisParseError } from './instance.js';
import { formatRoster, parseRoster } from './roster-format.js';
import { createEmptyRoster } from './problem.js';
import { buildEmployee, buildProblem, rowFrom } from './test-fixtures.js';

const problem = buildProblem({ horizon: 7, employees: [buildEmployee({ id: 'A' }), buildEmployee({ id: 'B' })] });

test('formatRoster writes one line per employee with the shift ID or - per day, and parseRoster reads it back', () => {
  const roster = createEmptyRoster(problem);
  roster.set(rowFrom(problem, 'DD-L'), 0);
  roster.set(rowFrom(problem, '----LLD'), 7);
  const text = formatRoster(problem, roster);
  assert.equal(text, 'A D D - L - - -\nB - - - - L L D\n');
  assert.deepEqual(parseRoster(problem, text), roster);
});

test('parseRoster rejects unknown shifts and wrong day counts with the line number', () => {
  assert.throws(() => parseRoster(problem, 'A D D - X - - -\nB - - - - - - -\n'), (e: unknown) => e instanceof CurtoisParseError && e.line === 1 && /unknown shift X/.test(e.message));
  assert.throws(() => parseRoster(problem, 'A - - - - - - -\nB - -\n'), (e: unknown) => e instanceof CurtoisParseError && e.line === 2);
  assert.throws(() => parseRoster(problem, 'A - - - - - - -\n'), /employee\(s\) missing/);
});
