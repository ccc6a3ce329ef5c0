import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileProblem } from './compile.js';
import { generateProblem } from './generate.js';

describe('generateProblem', () => {
  it('is valid format v1, reproducible per seed and close to the requested size', () => {
    const doc = generateProblem({ seed: 7, workers: 120, days: 14, places: 500 });
    assert.ok(compileProblem(doc).ok);
    assert.deepEqual(generateProblem({ seed: 7, workers: 120, days: 14, places: 500 }), doc);
    assert.notDeepEqual(generateProblem({ seed: 8, workers: 120, days: 14, places: 500 }), doc);
    assert.equal(doc.workers.length, 120);
    assert.equal(doc.shifts.reduce((n, s) => n + s.demand, 0), 500);
  });
});
