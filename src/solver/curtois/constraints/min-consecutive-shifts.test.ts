import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildEmployee, buildProblem, rowFrom } from '../test-fixtures.js';
import { findConstraint, type EmployeeConstraint } from './index.js';

const constraint = findConstraint('min-consecutive-shifts') as EmployeeConstraint;
const problem = buildProblem({ employees: [buildEmployee({ minConsecutive: 3 })] });

test('min-consecutive-shifts penalises a short run between two days off inside the horizon', () => {
  const explain: string[] = [];
  assert.equal(constraint.penalizeRow(problem, 0, rowFrom(problem, '--D--DD--DDD'), explain), 3);
  assert.equal(explain.length, 2);
});

test('min-consecutive-shifts does not check runs touching day 0 or the last day (boundary reading)', () => {
  assert.equal(constraint.penalizeRow(problem, 0, rowFrom(problem, 'D------------D')), 0);
  assert.equal(constraint.penalizeRow(problem, 0, rowFrom(problem, 'DD-----------')), 0);
});
