// The engine's scores against the spec's reference checker (../shared/tools/validate-solution.mjs), which the
// project does not depend on at run time: the test runs it as a separate process.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createRng } from '../core/index.js';
import { checkSolution } from './check.js';
import { compileOrThrow } from './compile.js';
import { SOLUTION_FORMAT, type ScoreBreakdown } from './documents.js';
import { searchInThread, toSolutionDocument } from './solve.js';
import { Plan } from './plan.js';
import { evaluatePlan } from './score.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const sharedDir = join(repoRoot, '..', 'shared');
// The checker runs only when invoked by its real path (it compares import.meta.url with argv[1]).
const checker = realpathSync(join(sharedDir, 'tools', 'validate-solution.mjs'));
const workDir = mkdtempSync(join(tmpdir(), 'harmonica-reference-'));
after(() => rmSync(workDir, { recursive: true, force: true }));

interface ReferenceResult { feasible: boolean; violations: Array<{ rule: string }>; score: ScoreBreakdown }

function runReference(instance: string, solution: unknown): ReferenceResult {
  const path = join(workDir, `${instance}-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify(solution));
  try {
    return JSON.parse(execFileSync(process.execPath, [checker, join(sharedDir, 'instances', `${instance}.json`), path, '--json'], { encoding: 'utf8' })) as ReferenceResult;
  } catch (err) {
    // Exit code 1 (infeasible) still prints the result.
    return JSON.parse((err as { stdout: string }).stdout) as ReferenceResult;
  }
}

function assertSameScore(actual: ScoreBreakdown, expected: ScoreBreakdown): void {
  for (const term of Object.keys(expected) as Array<keyof ScoreBreakdown>) {
    const scale = Math.max(1, Math.abs(expected[term]));
    assert.ok(Math.abs(actual[term] - expected[term]) <= 1e-6 * scale, `${term}: engine ${actual[term]}, reference ${expected[term]}`);
  }
}

const budgets: Record<string, number> = { 'ex-small': 100_000, 'ex-medium': 100_000, 'ex-large': 20_000 };

describe('scores agree with the reference checker', () => {
  for (const [instance, maxIterations] of Object.entries(budgets)) {
    it(`on a solved ${instance}: feasible, every term equal to 1e-6`, () => {
      const document: unknown = JSON.parse(readFileSync(join(sharedDir, 'instances', `${instance}.json`), 'utf8'));
      const problem = compileOrThrow(document);
      const result = searchInThread(problem, { timeLimitMs: 600_000, maxIterations, seed: 1 });
      const plan = new Plan(problem);
      for (const a of result.assignments) plan.add(a.shift, a.worker);
      const solution = toSolutionDocument(problem, { assignments: result.assignments, breakdown: evaluatePlan(plan).breakdown });
      const reference = runReference(instance, solution);
      assert.equal(reference.feasible, true, JSON.stringify(reference.violations.slice(0, 3)));
      assert.equal(result.score.hard, 0);
      assertSameScore(solution.score!, reference.score);
    });
  }

  it('on random, mostly infeasible solutions: same terms, same feasibility, same broken rules', () => {
    const document = JSON.parse(readFileSync(join(sharedDir, 'instances', 'ex-small.json'), 'utf8')) as { shifts: Array<{ id: string }>; workers: Array<{ id: string }> };
    const problem = compileOrThrow(document);
    const rng = createRng(5);
    for (const size of [0, 3, 15, 60, 120]) {
      const assignments = Array.from({ length: size }, () => ({ shiftId: rng.pick(document.shifts).id, workerId: rng.pick(document.workers).id }));
      const solution = { format: SOLUTION_FORMAT, problemId: 'ex-small', assignments };
      const ours = checkSolution(problem, solution);
      const reference = runReference('ex-small', solution);
      assert.equal(ours.feasible, reference.feasible);
      assert.deepEqual([...new Set(ours.violations.map((v) => v.rule))].sort(), [...new Set(reference.violations.map((v) => v.rule))].sort());
      assertSameScore(ours.score, reference.score);
    }
  });
});
