import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildEmployee, buildProblem, rowFrom } from '../test-fixtures.js';
import { findConstraint, type EmployeeConstraint } from './index.js';

const constraint = findConstraint('days-off') as EmployeeConstraint;
const problem = buildProblem({ employees: [buildEmployee({ daysOff: [2, 9] })] });

test('days-off penalises each listed day that is worked', () => {
  const explain: string[] = [];
  assert.equal(constraint.penalizeRow(problem, 0, rowFrom(problem, 'DDDDDDDDDD'), explain), 2);
  assert.deepEqual(explain, ['A: works on day off 2', 'A: works on day off 9']);
});

test('days-off accepts work on the other days', () => {
  assert.equal(constraint.penalizeRow(problem, 0, rowFrom(problem, 'DD-DDDDDD-DDDD')), 0);
});
