import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createMipBuilder, getHighs, runHighs, solveMip } from './index.js';

// A small knapsack: maximise 5a + 4b + 3c subject to 2a + 3b + c ≤ 5, a, b, c binary → a + b = 9.
function buildKnapsack() {
  const builder = createMipBuilder();
  const columns = [5, 4, 3].map((value) => builder.addColumn({ cost: value, lower: 0, upper: 1, isInteger: true }));
  builder.addRow(-Infinity, 5, columns, [2, 3, 1]);
  return builder.build({ sense: 'maximize' });
}

test('solveMip proves the optimum of a small knapsack in a worker thread', async () => {
  const mip = buildKnapsack();
  const result = await solveMip(mip, { timeLimitSeconds: 30 });
  assert.equal(result.status, 'optimal');
  assert.equal(result.objective, 9);
  assert.deepEqual(Array.from(result.values ?? []).map(Math.round), [1, 1, 0]);
  // The caller keeps its model: it was copied, not transferred.
  assert.equal(mip.colCost.length, 3);
});

test('solveMip reports an infeasible model without a solution', async () => {
  const builder = createMipBuilder();
  const x = builder.addColumn({ cost: 1, lower: 0, upper: 1, isInteger: true });
  builder.addRow(2, Infinity, [x], [1]);
  const result = await solveMip(builder.build(), { timeLimitSeconds: 30 });
  assert.equal(result.status, 'infeasible');
  assert.equal(result.objective, null);
  assert.equal(result.values, null);
});

test('solveMip applies the objective offset and merges repeated columns in a row', async () => {
  const builder = createMipBuilder();
  const x = builder.addColumn({ cost: 1, lower: 0, upper: 10, isInteger: true });
  // x + x ≥ 3 → x ≥ 1.5 → x = 2 as an integer.
  builder.addRow(3, Infinity, [x, x], [1, 1]);
  const result = await solveMip(builder.build({ offset: 100 }), { timeLimitSeconds: 30 });
  assert.equal(result.status, 'optimal');
  assert.equal(result.objective, 102);
});

test('solveMip turns invalid input into status error instead of throwing', async () => {
  const mip = buildKnapsack();
  const broken = { ...mip, matrix: { ...mip.matrix, indices: Int32Array.from([0, 1, 7]) } };
  const result = await solveMip(broken, { timeLimitSeconds: 30 });
  assert.equal(result.status, 'error');
  assert.equal(result.objective, null);
  assert.ok(result.message);
});

test('solveMip stops gracefully when the signal aborts before the search', async () => {
  const controller = new AbortController();
  controller.abort();
  const result = await solveMip(buildKnapsack(), { timeLimitSeconds: 30, signal: controller.signal });
  assert.ok(['interrupted', 'optimal'].includes(result.status), result.status);
});

test('createMipBuilder rejects rows that name unknown columns', () => {
  const builder = createMipBuilder();
  assert.throws(() => builder.addRow(0, 1, [0], [1]), /column 0 does not exist/);
});

test('runHighs takes a feasible start as its first incumbent and says whether it used a start', async () => {
  const highs = await getHighs();
  // [0, 1, 1] (value 7) is feasible; [1, 1, 1] breaks the weight row and is not used, but the solve goes on.
  const feasible = runHighs(highs, buildKnapsack(), { timeLimitSeconds: 30, start: Float64Array.from([0, 1, 1]) });
  assert.equal(feasible.isStartUsed, true);
  assert.equal(feasible.objective, 9);
  const infeasible = runHighs(highs, buildKnapsack(), { timeLimitSeconds: 30, start: Float64Array.from([1, 1, 1]) });
  assert.equal(infeasible.isStartUsed, false);
  assert.equal(infeasible.objective, 9);
  assert.equal(runHighs(highs, buildKnapsack(), { timeLimitSeconds: 30 }).isStartUsed, undefined);
  // Without time to search, the answer is the start itself.
  const unsearched = runHighs(highs, buildKnapsack(), { timeLimitSeconds: 0, start: Float64Array.from([0, 1, 1]) });
  assert.equal(unsearched.objective, 7);
  assert.equal(unsearched.isStartUsed, true);
});

test('runHighs reports a start of the wrong length or with a non-finite value as an error, without throwing', async () => {
  const highs = await getHighs();
  for (const start of [Float64Array.from([1, 1, 1, 1, 1]), Float64Array.from([1, Number.NaN, 0])]) {
    const result = runHighs(highs, buildKnapsack(), { timeLimitSeconds: 30, start });
    assert.equal(result.status, 'error');
    assert.match(result.message ?? '', /start has \d values .* for 3 columns/);
  }
});

test('runHighs solves a model without columns (a sub-model with nothing free) and uses its empty start', async () => {
  const highs = await getHighs();
  // HiGHS itself refuses any start for such a model ('setSolution failed with HiGHS status -1').
  const builder = createMipBuilder();
  const empty = builder.build({ offset: 12.5 });
  const result = runHighs(highs, empty, { timeLimitSeconds: 30, start: new Float64Array(0) });
  assert.equal(result.status, 'optimal');
  assert.equal(result.objective, 12.5);
  assert.equal(result.isStartUsed, true);
  const infeasible = { ...empty, numRows: 1, rowLower: Float64Array.from([1]), rowUpper: Float64Array.from([2]), matrix: { ...empty.matrix, starts: Int32Array.from([0, 0]) } };
  assert.equal(runHighs(highs, infeasible, { timeLimitSeconds: 30 }).status, 'infeasible');
});
