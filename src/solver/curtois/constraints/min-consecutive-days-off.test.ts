import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildEmployee, buildProblem, rowFrom } from '../test-fixtures.js';
import { findConstraint, type EmployeeConstraint } from './index.js';

const constraint = findConstraint('min-consecutive-days-off') as EmployeeConstraint;
const problem = buildProblem({ employees: [buildEmployee({ minConsecutiveOff: 3 })] });

test('min-consecutive-days-off penalises a short rest between two working days', () => {
  assert.equal(constraint.penalizeRow(problem, 0, rowFrom(problem, 'DD-DD--DD---DD')), 3);
});

test('min-consecutive-days-off does not check rests touching either end (boundary reading)', () => {
  assert.equal(constraint.penalizeRow(problem, 0, rowFrom(problem, '-DDDDDDDDDDDD-')), 0);
  assert.equal(constraint.penalizeRow(problem, 0, rowFrom(problem, '--------------')), 0);
});
