import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildProblem, rowFrom } from '../test-fixtures.js';
import { findConstraint, type EmployeeConstraint } from './index.js';

const constraint = findConstraint('shift-off-requests') as EmployeeConstraint;
const problem = buildProblem({ offRequests: [{ employee: 0, day: 3, shift: 1, weight: 2 }] });

test('shift-off-requests costs the weight only for the named shift on the named day', () => {
  assert.equal(constraint.penalizeRow(problem, 0, rowFrom(problem, '---L')), 2);
  assert.equal(constraint.penalizeRow(problem, 0, rowFrom(problem, '---D')), 0);
  assert.equal(constraint.penalizeRow(problem, 0, rowFrom(problem, '--L-L')), 0);
});
