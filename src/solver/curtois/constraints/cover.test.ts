import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createEmptyRoster } from '../problem.js';
import { buildEmployee, buildProblem, rowFrom } from '../test-fixtures.js';
import { coverCellCost } from './cover.js';
import { findConstraint, type RosterConstraint } from './index.js';

const constraint = findConstraint('cover') as RosterConstraint;
const problem = buildProblem({
  employees: [buildEmployee({ id: 'A' }), buildEmployee({ id: 'B' })],
  cover: [
    { day: 0, shift: 0, requirement: 2, weightUnder: 100, weightOver: 1 },
    { day: 1, shift: 1, requirement: 0, weightUnder: 100, weightOver: 1 },
  ],
});

test('cover costs WeightUnder per missing employee and WeightOver per extra one', () => {
  const roster = createEmptyRoster(problem);
  roster.set(rowFrom(problem, 'DL'), 0);
  roster.set(rowFrom(problem, '-L'), problem.horizon);
  // Day 0 D: 1 of 2 → 100. Day 1 L: 2 of 0 → 2. Day 1 D has no cover line, so it costs nothing.
  assert.equal(constraint.penalizeRoster(problem, roster), 102);
});

test('cover is met exactly at no cost', () => {
  const roster = createEmptyRoster(problem);
  roster.set(rowFrom(problem, 'D'), 0);
  roster.set(rowFrom(problem, 'D'), problem.horizon);
  assert.equal(constraint.penalizeRoster(problem, roster), 0);
  assert.equal(coverCellCost(problem, 0, 3), 1);
});
