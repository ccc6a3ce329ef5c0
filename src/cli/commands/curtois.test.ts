import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repoRoot = new URL('../../..', import.meta.url);
const cli = new URL('bin/harmonica.mjs', repoRoot).pathname;
const instance1 = new URL('../shared/benchmarks/curtois/Instance1.txt', repoRoot).pathname;

test('harmonica curtois solves an instance, prints one JSON line and writes the roster', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'harmonica-curtois-'));
  try {
    const out = join(dir, 'roster.txt');
    const { stdout } = await run(process.execPath, [cli, 'curtois', instance1, '--time', '2', '--seed', '3', '--out', out]);
    const line = JSON.parse(stdout.trim()) as Record<string, unknown>;
    assert.deepEqual(Object.keys(line), ['instance', 'objective', 'feasible', 'seconds', 'bestKnown', 'gapPercent']);
    assert.equal(line.instance, 'Instance1');
    assert.equal(line.feasible, true);
    assert.equal(line.bestKnown, 607);
    assert.ok(typeof line.objective === 'number' && line.objective >= 607);
    const roster = (await readFile(out, 'utf8')).trim().split('\n');
    assert.equal(roster.length, 8);
    assert.match(roster[0]!, /^A( (D|-)){14}$/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('harmonica curtois reports a malformed instance with its line number', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'harmonica-curtois-'));
  try {
    const file = join(dir, 'bad.txt');
    await writeFile(file, 'SECTION_HORIZON\r\n14\r\n\r\nSECTION_STAFF\r\n');
    await assert.rejects(run(process.execPath, [cli, 'curtois', file, '--time', '1']), (error: { code?: number; stderr?: string }) => error.code === 1 && /line 4: expected SECTION_SHIFTS/.test(error.stderr ?? ''));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
