import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { compileProblem } from './compile.js';

const exSmall = (): Record<string, unknown> & { shifts: Array<Record<string, unknown>>; workers: Array<Record<string, unknown>> } =>
  JSON.parse(readFileSync(new URL('../../../../shared/instances/ex-small.json', import.meta.url), 'utf8')) as never;

function issuesOf(doc: unknown): string[] {
  const result = compileProblem(doc);
  assert.equal(result.ok, false);
  return result.ok ? [] : result.issues.map((i) => `${i.path}: ${i.message}`);
}

describe('compileProblem', () => {
  it('compiles an example instance with instants in UTC and weeks from the horizon start', () => {
    const result = compileProblem(exSmall());
    assert.ok(result.ok);
    const p = result.problem;
    assert.equal(p.shiftIds.length, 63);
    assert.equal(p.workerIds.length, 30);
    const s = p.shiftIndex.get('s-16')!;
    assert.equal(p.shiftStart[s], Date.parse('2027-01-04T06:00:00Z')); // 07:00 local (+01:00)
    assert.equal(p.shiftMinutes[s], 510);
    assert.equal(p.shiftWeek[s], 0);
  });

  it('rejects the whole document and names the path of every problem', () => {
    const doc = exSmall();
    doc.shifts[12]!.end = doc.shifts[12]!.start;
    doc.shifts[3]!.locationId = 'nowhere';
    doc.shifts[4]!.demand = 0;
    doc.shifts[5]!.start = '2027-01-04 07:00';
    doc.workers[2]!.packages = ['basic', 'juggling'];
    doc.workers[7]!.maxTravelKm = -3;
    delete doc.workers[8]!.lat;
    const issues = issuesOf(doc);
    for (const expected of [
      'shifts[12].end: must be after start',
      'shifts[3].locationId: unknown location nowhere',
      'shifts[4].demand: must be >= 1',
      'shifts[5].start: must be an ISO 8601 time with an offset',
      'workers[2].packages[1]: unknown package juggling',
      'workers[7].maxTravelKm: must be >= 0',
      'workers[8].lat: must be a number',
    ]) assert.ok(issues.includes(expected), `missing "${expected}" in ${issues.join('; ')}`);
  });

  it('rejects shifts outside the horizon, duplicate ids and a wrong format', () => {
    const doc = exSmall();
    doc.shifts[0]!.start = '2026-12-31T07:00:00+01:00';
    doc.workers[1]!.id = doc.workers[0]!.id;
    doc.format = 'harmonica.planning-problem/2';
    const issues = issuesOf(doc);
    assert.ok(issues.includes('shifts[0]: must lie inside the horizon'));
    assert.ok(issues.includes('workers[1].id: duplicate id w-1'));
    assert.ok(issues.includes('format: must be "harmonica.planning-problem/1"'));
    assert.deepEqual(issuesOf([]), [': must be a JSON object']);
  });

  it('reads pinned assignments and rejects unknown or repeated pins', () => {
    const doc = exSmall();
    doc.pinned = [{ shiftId: 's-16', workerId: 'w-20' }];
    const ok = compileProblem(doc);
    assert.ok(ok.ok);
    assert.equal(ok.problem.pinned.length, 1);
    doc.pinned = [{ shiftId: 's-16', workerId: 'w-20' }, { shiftId: 's-16', workerId: 'w-20' }, { shiftId: 's-x', workerId: 'w-1' }];
    assert.deepEqual(issuesOf(doc), ['pinned[1]: pinned twice', 'pinned[2].shiftId: unknown shift s-x']);
  });
});
