import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { getHighs, runHighs } from '../highs/index.js';
import { at, buildProblem, buildShift } from './constraints/constraint-fixtures.js';
import { compileOrThrow, type CompiledProblem } from './compile.js';
import { generateProblem } from './generate.js';
import { addRestCliques, buildRegionalMip } from './mip.js';

/** The rest rule itself (H7): two shifts of one worker clash when the later starts less than the rest after the earlier ends. */
function clash(problem: CompiledProblem, a: number, b: number): boolean {
  const [first, second] = problem.shiftStart[a]! <= problem.shiftStart[b]! ? [a, b] : [b, a];
  return problem.shiftStart[second]! - problem.shiftEnd[first]! < problem.minRestMinutes * 60_000;
}

/** The rest rows for one worker who is a candidate for every shift (column k = shift k). */
function restRows(problem: CompiledProblem): number[][] {
  const rows: number[][] = [];
  const list = Array.from(problem.shiftIds.keys(), (s) => [s, s] as const).sort((x, y) => problem.shiftStart[x[0]]! - problem.shiftStart[y[0]]!);
  addRestCliques({ addRow: (lower, upper, columns) => { assert.equal(upper, 1); rows.push([...columns]); return rows.length - 1; } }, problem, list, problem.minRestMinutes * 60_000);
  return rows;
}

const shiftsArbitrary = fc.array(fc.record({ day: fc.integer({ min: 0, max: 5 }), hour: fc.integer({ min: 0, max: 23 }), hours: fc.integer({ min: 1, max: 12 }) }), { minLength: 1, maxLength: 14 });

describe('the MIP (exact reference)', () => {
  describe('rest as clique rows', () => {
    it('forbids exactly the pairs the rest rule forbids, with maximal cliques only', () => {
      fc.assert(fc.property(shiftsArbitrary, fc.integer({ min: 0, max: 900 }), (drawn, minRest) => {
        const problem = buildProblem({
          rules: { minRestMinutes: minRest, maxMinutesPerWeek: 3600 },
          shifts: drawn.map((s, k) => buildShift({ id: `s-${k}`, start: at(s.day, s.hour), end: at(s.day, s.hour + s.hours) })),
        });
        const rows = restRows(problem);
        const together = new Set<string>();
        for (const row of rows) {
          assert.ok(row.length >= 2);
          for (const a of row) {for (const b of row) {if (a < b) {
            assert.ok(clash(problem, a, b), `${problem.shiftIds[a]} and ${problem.shiftIds[b]} share a row but do not clash`);
            together.add(`${a},${b}`);
          }}}
        }
        const S = problem.shiftIds.length;
        for (let a = 0; a < S; a++) {for (let b = a + 1; b < S; b++) {
          if (clash(problem, a, b)) assert.ok(together.has(`${a},${b}`), `${problem.shiftIds[a]} and ${problem.shiftIds[b]} clash but share no row`);
        }}
        for (const row of rows) {for (const other of rows) {
          if (row !== other) assert.ok(!row.every((c) => other.includes(c)), `row ${row.join(',')} lies inside ${other.join(',')}`);
        }}
      }), { numRuns: 300 });
    });

    it('writes a run of back-to-back shifts as one row where pairs would need one per pair', () => {
      // Four shifts 4 h apart, 2 h long: every two clash under 11 h of rest.
      const problem = buildProblem({ shifts: [0, 4, 8, 12].map((hour, k) => buildShift({ id: `s-${k}`, start: at(0, hour), end: at(0, hour + 2) })) });
      assert.deepEqual(restRows(problem), [[0, 1, 2, 3]]);
    });
  });

  it('has an LP relaxation at least as tight as with pairwise rest rows, and the same integer optimum', async () => {
    const problem = compileOrThrow(generateProblem({ seed: 2, workers: 12, days: 5, places: 40, locations: 3 }));
    const { mip } = buildRegionalMip(problem);
    const highs = await getHighs();
    const relaxation = runHighs(highs, { ...mip, integrality: new Int32Array(mip.numCols) }, { timeLimitSeconds: 30 });
    const exact = runHighs(highs, mip, { timeLimitSeconds: 30, mipRelGap: 1e-9 });
    assert.equal(relaxation.status, 'optimal');
    assert.equal(exact.status, 'optimal');
    assert.ok(relaxation.objective! <= exact.objective! + 1e-6);
    const pairwise = splitCliqueRows(mip);
    const pairwiseRelaxation = runHighs(highs, { ...pairwise, integrality: new Int32Array(pairwise.numCols) }, { timeLimitSeconds: 30 });
    const pairwiseExact = runHighs(highs, pairwise, { timeLimitSeconds: 30, mipRelGap: 1e-9 });
    assert.ok(relaxation.objective! >= pairwiseRelaxation.objective! - 1e-6);
    assert.ok(Math.abs(exact.objective! - pairwiseExact.objective!) < 1e-6 * Math.abs(exact.objective!));
  });
});

/**
 * The model with every packing row Σ x ≤ 1 of three or more columns (the rest cliques, and demand or
 * supervision rows with room for one) split into its pairs: the same 0/1 solutions, a weaker relaxation.
 */
function splitCliqueRows(mip: ReturnType<typeof buildRegionalMip>['mip']): typeof mip {
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const push = (lower: number, upper: number, cols: number[], coefs: number[]): void => {
    rowLower.push(lower);
    rowUpper.push(upper);
    indices.push(...cols);
    values.push(...coefs);
    starts.push(indices.length);
  };
  const { matrix } = mip;
  for (let r = 0; r < mip.numRows; r++) {
    const cols = Array.from(matrix.indices.subarray(matrix.starts[r], matrix.starts[r + 1]));
    const coefs = Array.from(matrix.values.subarray(matrix.starts[r], matrix.starts[r + 1]));
    const isRestRow = mip.rowUpper[r] === 1 && mip.rowLower[r] === -Infinity && cols.length > 2 && coefs.every((c) => c === 1);
    if (!isRestRow) { push(mip.rowLower[r]!, mip.rowUpper[r]!, cols, coefs); continue; }
    for (let i = 0; i < cols.length; i++) for (let j = i + 1; j < cols.length; j++) push(-Infinity, 1, [cols[i]!, cols[j]!], [1, 1]);
  }
  return {
    ...mip, numRows: rowLower.length, rowLower: Float64Array.from(rowLower), rowUpper: Float64Array.from(rowUpper),
    matrix: { format: 'csr', starts: Int32Array.from(starts), indices: Int32Array.from(indices), values: Float64Array.from(values) },
  };
}
