import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { createRng } from '../core/rng.js';
import { evaluateRoster } from './evaluate.js';
import { parseCurtoisInstance } from './instance.js';
import { createEmptyRoster, prepareProblem } from './problem.js';
import { createCurtoisSearchModel } from './search-model.js';

const problem = prepareProblem(parseCurtoisInstance(readFileSync(new URL('../../../../shared/benchmarks/curtois/Instance5.txt', import.meta.url), 'utf8')));

test('the incremental score equals the full evaluation after every kind of move', () => {
  const model = createCurtoisSearchModel(problem, createEmptyRoster(problem));
  const rng = createRng(11);
  model.construct(rng);
  const kinds = new Set<string>();
  for (let i = 0; i < 400; i++) {
    const move = model.proposeMove(rng);
    if (!move) continue;
    const before = model.score();
    const delta = model.deltaOf(move);
    model.applyMove(move);
    kinds.add(move.kind);
    const after = model.score();
    assert.equal(after.hard, before.hard + delta.hard);
    assert.equal(after.soft, before.soft + delta.soft);
    if (i % 50 === 0) {
      const evaluation = evaluateRoster(problem, model.roster());
      assert.equal(after.soft, evaluation.objective);
      assert.equal(after.hard === 0, evaluation.isFeasible);
    }
  }
  assert.equal(kinds.size, 6);
});

test('construction yields a roster that keeps every hard rule', () => {
  const model = createCurtoisSearchModel(problem, createEmptyRoster(problem));
  model.construct(createRng(2));
  assert.equal(model.score().hard, 0);
  assert.ok(evaluateRoster(problem, model.roster()).isFeasible);
});

test('restore brings back a captured roster and its score', () => {
  const model = createCurtoisSearchModel(problem, createEmptyRoster(problem));
  const rng = createRng(5);
  model.construct(rng);
  const snapshot = model.capture();
  const score = model.score();
  for (let i = 0; i < 50; i++) {
    const move = model.proposeMove(rng);
    if (move) {
      model.deltaOf(move);
      model.applyMove(move);
    }
  }
  model.restore(snapshot);
  assert.deepEqual(model.score(), score);
  assert.equal(evaluateRoster(problem, model.roster()).objective, score.soft);
});
