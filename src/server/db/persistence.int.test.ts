// The embedded database keeps everything across a restart: write, stop, start, read.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { buildApp } from '../app.js';
import { buildRegion, buildUser } from '../demo/builders.js';
import { ensureNationalPackages } from '../packages/packages.service.js';
import { openDatabase } from './open-database.js';

const dataDir = mkdtempSync(join(tmpdir(), 'harmonica-persist-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

async function start() {
  const database = await openDatabase({ dataDir });
  await ensureNationalPackages(database.db);
  const app = await buildApp({ database, webRoot: null });
  return { database, app };
}

async function signIn(app: Awaited<ReturnType<typeof buildApp>>) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'coordinator@persist.test', password: 'harmonica-demo' } });
  assert.equal(res.statusCode, 200);
  return { cookie: res.cookies.map((c) => `${c.name}=${c.value}`).join('; '), csrf: res.json<{ csrfToken: string }>().csrfToken };
}

test('an organisation created before a restart is still there after it (PGlite in a folder)', async () => {
  const first = await start();
  const region = await buildRegion(first.database.db, { name: 'Regio Persistent' });
  await buildUser(first.database.db, { email: 'coordinator@persist.test', roles: [{ role: 'coordinator', regionId: region.id }] });
  const session = await signIn(first.app);
  const created = await first.app.inject({
    method: 'POST',
    url: '/api/organisations',
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
    payload: { regionId: region.id, name: 'Thuiszorg Blijvend', sector: 'home_care' },
  });
  assert.equal(created.statusCode, 201);
  await first.app.close();
  await first.database.close();

  const second = await start();
  const again = await signIn(second.app);
  const list = await second.app.inject({ method: 'GET', url: `/api/organisations?regionId=${region.id}`, headers: { cookie: again.cookie } });
  assert.deepEqual(list.json<{ name: string }[]>().map((o) => o.name), ['Thuiszorg Blijvend']);
  const packages = await second.app.inject({ method: 'GET', url: '/api/packages', headers: { cookie: again.cookie } });
  assert.equal(packages.json<unknown[]>().length, 5, 'national packages are not loaded twice');
  await second.app.close();
  await second.database.close();
});
