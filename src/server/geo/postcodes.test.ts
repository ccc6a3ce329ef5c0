import assert from 'node:assert/strict';
import { test } from 'node:test';
import { distanceKm, lookupPostcode, postcodeKey } from './postcodes.js';

test('Dutch postcodes resolve by their four digits, with or without letters', () => {
  assert.equal(postcodeKey('3584 CX'), '3584');
  const utrecht = lookupPostcode('3584cx');
  assert.equal(utrecht?.country, 'NL');
  assert.equal(utrecht?.province, 'Utrecht');
});

test('Belgian postcodes resolve when the country is given', () => {
  const brussels = lookupPostcode('1000', 'BE');
  assert.equal(brussels?.place, 'Bruxelles');
  assert.equal(lookupPostcode('0000'), undefined);
});

test('haversine distance: Utrecht centre to Amsterdam centre is about 35 km', () => {
  const d = distanceKm(lookupPostcode('3511')!, lookupPostcode('1012')!);
  assert.ok(d > 30 && d < 40, `got ${d}`);
  assert.equal(distanceKm({ lat: 52, lon: 5 }, { lat: 52, lon: 5 }), 0);
});
