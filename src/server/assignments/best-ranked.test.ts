// bestRanked (open-shifts.service.ts) picks what sorting all candidates and keeping the first k picks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bestRanked } from './open-shifts.service.js';

test('bestRanked equals a stable sort cut to k, ties included', () => {
  let seed = 12345;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  for (const n of [0, 1, 7, 200, 1500]) {
    // Few distinct keys: many ties, which the stable sort leaves in index order.
    const priority = Array.from({ length: n }, () => Math.floor(random() * 3));
    const start = Array.from({ length: n }, () => Math.floor(random() * 20));
    const order = (a: number, b: number) => priority[b]! - priority[a]! || start[a]! - start[b]!;
    const candidates = Array.from({ length: n }, (_, i) => i).filter(() => random() < 0.8);
    for (const k of [1, 5, 50, 200, 2000]) {
      assert.deepEqual(bestRanked(candidates, k, order), [...candidates].sort(order).slice(0, k), `n ${n}, k ${k}`);
    }
  }
});
