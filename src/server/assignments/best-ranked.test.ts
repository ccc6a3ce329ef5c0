// bestRanked (open-shifts.service.ts) picks what sorting all candidates and keeping the first k picks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bestRanked, bestRankedByStart } from './open-shifts.service.js';

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

test('bestRankedByStart equals the sort by group, start and distance for candidates in start order', () => {
  let seed = 777;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  for (const n of [0, 1, 9, 300, 3000]) {
    // Starts in window order (non-decreasing), with many equal starts; few distances and groups: ties.
    let at = 0;
    const start = Array.from({ length: n }, () => (at += random() < 0.6 ? 0 : Math.floor(random() * 3) * 1800_000));
    const km = Array.from({ length: n }, () => Math.floor(random() * 4) / 2);
    const preferred = Array.from({ length: n }, () => (random() < 0.3 ? 1 : 0));
    const priority = Array.from({ length: n }, () => 1 + Math.floor(random() * 5));
    const candidates = Array.from({ length: n }, (_, i) => i).filter(() => random() < 0.8);
    const suggested = (a: number, b: number) => preferred[b]! - preferred[a]! || priority[b]! - priority[a]! || start[a]! - start[b]! || km[a]! - km[b]!;
    const soonest = (a: number, b: number) => start[a]! - start[b]! || km[a]! - km[b]!;
    for (const k of [1, 5, 50, 500, 5000]) {
      const group = (i: number) => preferred[i]! * 1024 + priority[i]!;
      assert.deepEqual(bestRankedByStart(candidates, k, group, start, (i) => km[i]!), bestRanked(candidates, k, suggested), `suggested, n ${n}, k ${k}`);
      assert.deepEqual(bestRankedByStart(candidates, k, () => 0, start, (i) => km[i]!), bestRanked(candidates, k, soonest), `soonest, n ${n}, k ${k}`);
    }
  }
});
