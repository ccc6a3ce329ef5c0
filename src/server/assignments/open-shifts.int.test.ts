// "Open shifts for me" ranks the region's open shifts from an in-memory window per process. Another
// process (here: the test writing to the database directly, past this app's services) posts and
// cancels shifts; the next request must see that at once.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { shifts } from '../db/schema.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { at, setupMarketplace } from './marketplace.fixtures.js';

let t: TestApp;
let m: Awaited<ReturnType<typeof setupMarketplace>>;
before(async () => {
  t = await startTestApp();
  m = await setupMarketplace(t);
});
after(() => t.close());

const idsOf = (body: unknown) => (body as { id: string }[]).map((s) => s.id);

test('a shift posted or cancelled elsewhere shows in the next list, not a stale one', async () => {
  const monday = await m.nightShift();
  await m.nurse('window@test.org');
  const nurse = await t.login('window@test.org');
  assert.deepEqual(idsOf((await nurse.get('/api/me/open-shifts')).body), [monday.id]);

  // Posted past the service (as another app process would): the window's version changes.
  const wednesday = await m.nightShift({ start: at(m.monday, 3, '22:00'), end: at(m.monday, 4, '07:00'), priority: 5 });
  assert.deepEqual(idsOf((await nurse.get('/api/me/open-shifts')).body), [wednesday.id, monday.id], 'higher priority first');

  await t.db.update(shifts).set({ status: 'cancelled', cancelReason: 'no longer needed', cancelledAt: new Date() }).where(eq(shifts.id, wednesday.id));
  assert.deepEqual(idsOf((await nurse.get('/api/me/open-shifts')).body), [monday.id]);

  // Taken: the claim is checked under its locks; the list no longer offers the shift to anyone else.
  assert.equal((await nurse.post(`/api/shifts/${monday.id}/claims`)).status, 201);
  await m.nurse('window-2@test.org');
  const other = await t.login('window-2@test.org');
  assert.deepEqual(idsOf((await other.get('/api/me/open-shifts')).body), []);
  assert.deepEqual(idsOf((await nurse.get('/api/me/open-shifts')).body), [], 'not the shift I hold');
});
