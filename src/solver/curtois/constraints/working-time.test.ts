import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildEmployee, buildProblem, rowFrom } from '../test-fixtures.js';
import { findConstraint, type EmployeeConstraint } from './index.js';

const constraint = findConstraint('working-time') as EmployeeConstraint;
const problem = buildProblem({
  shifts: [
    { id: 'D', minutes: 480, forbiddenNext: [] },
    { id: 'N', minutes: 720, forbiddenNext: [] },
  ],
  employees: [buildEmployee({ minMinutes: 1200, maxMinutes: 1680 })],
});

test('working-time accepts totals at both bounds', () => {
  assert.equal(constraint.penalizeRow(problem, 0, rowFrom(problem, 'DN')), 0);
  assert.equal(constraint.penalizeRow(problem, 0, rowFrom(problem, 'D-DN')), 0);
});

test('working-time penalises the minutes below the minimum and above the maximum', () => {
  assert.equal(constraint.penalizeRow(problem, 0, rowFrom(problem, 'NN')), 0);
  assert.equal(constraint.penalizeRow(problem, 0, rowFrom(problem, 'D')), 720);
  assert.equal(constraint.penalizeRow(problem, 0, rowFrom(problem, 'NNN')), 480);
});
