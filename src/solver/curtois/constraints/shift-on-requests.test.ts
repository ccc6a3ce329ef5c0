import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildProblem, rowFrom } from '../test-fixtures.js';
import { findConstraint, type EmployeeConstraint } from './index.js';

const constraint = findConstraint('shift-on-requests') as EmployeeConstraint;
const problem = buildProblem({ onRequests: [{ employee: 0, day: 1, shift: 0, weight: 2 }, { employee: 0, day: 4, shift: 1, weight: 3 }] });

test('shift-on-requests costs nothing when the exact shifts are given', () => {
  assert.equal(constraint.level, 'soft');
  assert.equal(constraint.penalizeRow(problem, 0, rowFrom(problem, '-D--L')), 0);
});

test('shift-on-requests costs the weight when off or on another shift', () => {
  assert.equal(constraint.penalizeRow(problem, 0, rowFrom(problem, '-L--D')), 5);
  assert.equal(constraint.penalizeRow(problem, 0, rowFrom(problem, '')), 5);
});
