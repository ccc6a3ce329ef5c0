import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildProblem, rowFrom } from '../test-fixtures.js';
import { findConstraint, type EmployeeConstraint } from './index.js';

const constraint = findConstraint('shift-rotation') as EmployeeConstraint;

test('shift-rotation forbids a late shift followed by a day shift', () => {
  const problem = buildProblem();
  const explain: string[] = [];
  assert.equal(constraint.penalizeRow(problem, 0, rowFrom(problem, 'LD-LD'), explain), 2);
  assert.match(explain[0]!, /days 0–1: D may not follow L/);
});

test('shift-rotation allows the permitted order and a rest day in between', () => {
  const problem = buildProblem();
  assert.equal(constraint.penalizeRow(problem, 0, rowFrom(problem, 'DL-DLL-D')), 0);
});

test('shift-rotation lets a shift forbid itself', () => {
  const problem = buildProblem({ shifts: [{ id: 'N', minutes: 720, forbiddenNext: [0] }] });
  assert.equal(constraint.penalizeRow(problem, 0, rowFrom(problem, 'NN-N')), 1);
});
