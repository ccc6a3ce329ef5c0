import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildProblem, rowFrom } from '../test-fixtures.js';
import { findConstraint } from './index.js';

const constraint = findConstraint('one-shift-per-day');

test('one-shift-per-day accepts rows of single shifts and days off', () => {
  const problem = buildProblem();
  assert.equal(constraint.level, 'hard');
  assert.equal(constraint.scope === 'employee' && constraint.penalizeRow(problem, 0, rowFrom(problem, 'DL--DD')), 0);
});

test('one-shift-per-day flags a cell that holds no single known shift', () => {
  const problem = buildProblem();
  const row = rowFrom(problem, 'DD');
  row[3] = 7;
  const explain: string[] = [];
  assert.equal(constraint.scope === 'employee' && constraint.penalizeRow(problem, 0, row, explain), 1);
  assert.match(explain[0]!, /day 3/);
});
