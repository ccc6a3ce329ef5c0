import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildEmployee, buildProblem, rowFrom } from '../test-fixtures.js';
import { findConstraint, type EmployeeConstraint } from './index.js';

const constraint = findConstraint('max-consecutive-shifts') as EmployeeConstraint;
const problem = buildProblem({ employees: [buildEmployee({ maxConsecutive: 3 })] });

test('max-consecutive-shifts allows runs up to the maximum', () => {
  assert.equal(constraint.penalizeRow(problem, 0, rowFrom(problem, 'DDD-DLL-DDD')), 0);
});

test('max-consecutive-shifts penalises each day over, also in runs touching either end', () => {
  assert.equal(constraint.penalizeRow(problem, 0, rowFrom(problem, 'DDDD')), 1);
  assert.equal(constraint.penalizeRow(problem, 0, rowFrom(problem, '---------DDDDD')), 2);
  assert.equal(constraint.penalizeRow(problem, 0, rowFrom(problem, '-DDLDD-')), 2);
});
