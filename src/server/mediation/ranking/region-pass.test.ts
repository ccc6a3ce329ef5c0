// The region pass over the in-process copy, on a handful of workers placed by hand: which rule counts
// whom, the examples first by id, and the short list in the SQL pass's order (key, then nearer, then
// id). That it equals the SQL pass on generated regions is checked in ranking-copy.int.test.ts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { NL_ATW_RULES } from '../../../shared/regions.schemas.js';
import { RegionCopy } from './region-copy.js';
import { passOverCopy } from './region-pass.js';
import type { RankingTarget } from './target.js';

const KM_PER_DEGREE_LAT = (2 * Math.PI * 6371) / 360;
const at = { lat: 52.09, lon: 5.12 };
const CARE = 'p-care';
const tube = { id: 'c-tube', key: 'sondevoeding' };
const wound = { id: 'c-wound', key: 'wondzorg' };

const shift: RankingTarget = {
  kind: 'shift',
  facts: {
    id: 's',
    locationId: 'l',
    organisationId: 'o',
    packageId: CARE,
    requiresRegistration: false,
    start: new Date('2027-03-01T07:00:00Z'), // 08:00 in Amsterdam
    end: new Date('2027-03-01T15:00:00Z'), // 16:00
    places: 1,
    supervisionCapacity: 0,
    ...at,
  },
  packageIds: [CARE],
  regionId: 'r',
  rules: NL_ATW_RULES,
  timeZone: 'Europe/Amsterdam',
};

/** A copy holding these workers: `km` north of the shift's location. */
function copyOf(workers: { id: string; km: number; radius?: number; packages?: string; competences?: string; minDays?: number }[]) {
  const copy = new RegionCopy('r', 7);
  for (const w of workers) {
    copy.put({
      id: w.id,
      lat: at.lat + w.km / KM_PER_DEGREE_LAT,
      lon: at.lon,
      maxTravelKm: w.radius ?? 20,
      minDaysPerYear: w.minDays ?? null,
      packages: w.packages ?? CARE,
      competences: w.competences ?? null,
    });
  }
  return copy;
}

describe('the region pass over the copy', () => {
  test('counts each worker under the first rule broken, with the examples first by id', () => {
    const copy = copyOf([
      { id: 'w5', km: 1, packages: 'p-other' },
      { id: 'w1', km: 1, packages: '' },
      { id: 'w3', km: 1, packages: 'p-other' },
      { id: 'w2', km: 30, packages: '' }, // lacks the package and is far: counted once, under package
      { id: 'w4', km: 30 },
      { id: 'w6', km: 20.4 }, // within the 0.5 km margin: left to the exact check
      { id: 'w7', km: 20.6 },
      { id: 'w8', km: 2 },
    ]);
    const pass = passOverCopy(copy, shift, { examples: 3, shortList: 10 });
    assert.deepEqual(pass.counts, { package: 4, travel: 2, competence: 0 });
    assert.deepEqual(pass.examples, { package: ['w1', 'w2', 'w3'], travel: ['w4', 'w7'], competence: [] });
    assert.deepEqual(pass.shortList, ['w8', 'w6']);
    assert.equal(pass.version, 7);
  });

  test('short-lists by the known score parts, then nearer, then by id, at most as many as asked', () => {
    const copy = copyOf([
      { id: 'b', km: 5 },
      { id: 'a', km: 5 },
      { id: 'far-reservist', km: 10, minDays: 12 }, // distance part 10, reservist 10: above 'a' and 'b' (15)
      { id: 'wide', km: 5, radius: 40 }, // 5 of 40 km: distance part 17.5
      { id: 'near', km: 1 },
    ]);
    assert.deepEqual(passOverCopy(copy, shift, { examples: 3, shortList: 10 }).shortList, ['far-reservist', 'near', 'wide', 'a', 'b']);
    assert.deepEqual(passOverCopy(copy, shift, { examples: 3, shortList: 2 }).shortList, ['far-reservist', 'near']);
  });

  test('a request rules out those missing a required competence and ranks wished ones, confirmed above self-declared', () => {
    const request: RankingTarget = { ...shift, kind: 'request', competences: { required: [tube], wished: [wound] } };
    const copy = copyOf([
      { id: 'none', km: 2 },
      { id: 'tube-only', km: 2, competences: 'c-tube' },
      { id: 'wound-declared', km: 2, competences: 'c-tube,c-wound' },
      { id: 'wound-confirmed', km: 2, competences: 'c-tube!,c-wound!' },
      { id: 'no-package', km: 2, packages: '', competences: 'c-tube' },
    ]);
    const pass = passOverCopy(copy, request, { examples: 3, shortList: 10 });
    assert.deepEqual(pass.counts, { package: 1, travel: 0, competence: 1 });
    assert.deepEqual(pass.missingByCompetence, [1]);
    assert.deepEqual(pass.examples.competence, ['none']);
    assert.deepEqual(pass.shortList, ['wound-confirmed', 'wound-declared', 'tube-only']);
  });

  test('a worker brought up to date or removed by the changes read counts as they are now', () => {
    const copy = copyOf([
      { id: 'stays', km: 3 },
      { id: 'moves', km: 3 },
      { id: 'leaves', km: 3 },
    ]);
    const moved = { id: 'moves', lat: at.lat + 50 / KM_PER_DEGREE_LAT, lon: at.lon, maxTravelKm: 20, minDaysPerYear: null, packages: CARE, competences: null };
    assert.equal(copy.apply(9, { since: 6, changed: ['moves'], rows: [moved] }), false, 'changes from another version are not applied');
    assert.ok(copy.apply(9, { since: 7, changed: ['moves', 'leaves'], rows: [moved] }));
    const pass = passOverCopy(copy, shift, { examples: 3, shortList: 10 });
    assert.deepEqual({ version: pass.version, counts: pass.counts, shortList: pass.shortList }, { version: 9, counts: { package: 0, travel: 1, competence: 0 }, shortList: ['stays'] });
  });
});
