import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildEmployee, buildProblem, rowFrom } from '../test-fixtures.js';
import { findConstraint, type EmployeeConstraint } from './index.js';

const constraint = findConstraint('max-weekends') as EmployeeConstraint;
const problem = buildProblem({ horizon: 21, employees: [buildEmployee({ maxWeekends: 1 })] });

test('max-weekends counts a weekend once whether Saturday, Sunday or both are worked', () => {
  // Day 0 is a Monday: weekends are days 5–6, 12–13 and 19–20.
  assert.equal(constraint.penalizeRow(problem, 0, rowFrom(problem, '-----DD')), 0);
  assert.equal(constraint.penalizeRow(problem, 0, rowFrom(problem, '-----D-------D')), 1);
  assert.equal(constraint.penalizeRow(problem, 0, rowFrom(problem, '------D-----DD-----DD')), 2);
});

test('max-weekends ignores weekdays', () => {
  assert.equal(constraint.penalizeRow(problem, 0, rowFrom(problem, 'DDDDD--DDDDD--DDDDD')), 0);
});
