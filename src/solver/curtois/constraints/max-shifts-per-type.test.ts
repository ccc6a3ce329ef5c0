import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildEmployee, buildProblem, rowFrom } from '../test-fixtures.js';
import { findConstraint, type EmployeeConstraint } from './index.js';

const constraint = findConstraint('max-shifts-per-type') as EmployeeConstraint;

test('max-shifts-per-type counts each type against its own limit', () => {
  const problem = buildProblem({ employees: [buildEmployee({ maxShifts: [2, 1] })] });
  assert.equal(constraint.penalizeRow(problem, 0, rowFrom(problem, 'DD-L')), 0);
  assert.equal(constraint.penalizeRow(problem, 0, rowFrom(problem, 'DDD-LL')), 2);
});

test('max-shifts-per-type with a zero limit forbids the type', () => {
  const problem = buildProblem({ employees: [buildEmployee({ maxShifts: [14, 0] })] });
  const explain: string[] = [];
  assert.equal(constraint.penalizeRow(problem, 0, rowFrom(problem, '---L'), explain), 1);
  assert.match(explain[0]!, /1 × L, at most 0/);
});
