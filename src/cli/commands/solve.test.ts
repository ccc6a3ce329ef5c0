import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { generateProblem } from '../../solver/regional/generate.js';

const cli = fileURLToPath(new URL('../harmonica.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'harmonica-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function harmonica(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('harmonica solve and validate', () => {
  it('rejects a malformed problem whole, with the path of each problem, and exit 2', () => {
    const doc = generateProblem({ seed: 1, workers: 5, days: 3 });
    doc.shifts[1]!.end = doc.shifts[1]!.start;
    doc.workers[0]!.packages = ['unknown'];
    const path = join(dir, 'bad.json');
    writeFileSync(path, JSON.stringify(doc));
    const r = harmonica('solve', path, '--time', '1');
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^shifts\[1\]\.end: must be after start$/m);
    assert.match(r.stderr, /^workers\[0\]\.packages\[0\]: unknown package unknown$/m);
  });

  it('writes a solution document with its score, which validate accepts', () => {
    const problemPath = join(dir, 'problem.json');
    writeFileSync(problemPath, JSON.stringify(generateProblem({ seed: 2, workers: 8, days: 3 })));
    const solved = harmonica('solve', problemPath, '--time', '1', '--threads', '1');
    assert.equal(solved.status, 0, solved.stderr);
    const solution = JSON.parse(solved.stdout) as { format: string; assignments: unknown[]; score: { total: number }; explanation: { openPlaces: unknown[] } };
    assert.equal(solution.format, 'harmonica.solution/1');
    assert.ok(solution.assignments.length > 0);
    assert.match(solved.stderr, /best \d+\.\d{3}/);
    const solutionPath = join(dir, 'solution.json');
    writeFileSync(solutionPath, solved.stdout);
    const checked = harmonica('validate', problemPath, solutionPath, '--json');
    assert.equal(checked.status, 0);
    const result = JSON.parse(checked.stdout) as { feasible: boolean; score: { total: number } };
    assert.equal(result.feasible, true);
    assert.ok(Math.abs(result.score.total - solution.score.total) < 1e-6);
  });

  it('makes validate exit 1 on a plan that breaks a rule', () => {
    const problemPath = join(dir, 'problem2.json');
    const doc = generateProblem({ seed: 3, workers: 4, days: 2 });
    writeFileSync(problemPath, JSON.stringify(doc));
    const solutionPath = join(dir, 'overfull.json');
    const shift = doc.shifts[0]!;
    const assignments = doc.workers.map((w) => ({ shiftId: shift.id, workerId: w.id }));
    writeFileSync(solutionPath, JSON.stringify({ format: 'harmonica.solution/1', problemId: doc.id, assignments }));
    const r = harmonica('validate', problemPath, solutionPath);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /INFEASIBLE/);
  });
});
