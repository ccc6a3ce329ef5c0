import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

test('health reports the database and a stopped queue as degraded', async () => {
  const res = await t.anonymous('GET', '/health');
  assert.equal(res.status, 503);
  const body = res.body as { status: string; database: { status: string; kind: string }; queue: { status: string } };
  assert.equal(body.database.status, 'ok');
  assert.equal(body.database.kind, process.env.DATABASE_URL ? 'postgres' : 'pglite');
  assert.equal(body.queue.status, 'stopped');
});

test('with the job queue running, health is ok and a job round-trips through pg-boss', async () => {
  const boss = await t.database.startQueue();
  const res = await t.anonymous('GET', '/health');
  assert.equal(res.status, 200);
  assert.equal((res.body as { queue: { status: string } }).queue.status, 'ok');
  await boss.createQueue('health-check');
  const done = new Promise<unknown>((resolve) => {
    void boss.work<{ n: number }>('health-check', { pollingIntervalSeconds: 0.5 }, async ([job]) => {
      resolve(job?.data.n);
    });
  });
  await boss.send('health-check', { n: 42 });
  assert.equal(await done, 42);
});

test('the OpenAPI document is generated from the schemas and served', async () => {
  const res = await t.anonymous('GET', '/api/docs/json');
  assert.equal(res.status, 200);
  const doc = res.body as { openapi: string; paths: Record<string, Record<string, { requestBody?: unknown }>> };
  assert.match(doc.openapi, /^3\./);
  assert.ok(doc.paths['/api/workers/{id}']?.patch?.requestBody, 'worker update documents its body');
  assert.ok(doc.paths['/api/auth/login']?.post);
});

test('postcode lookup credits GeoNames', async () => {
  const res = await t.anonymous('GET', '/api/postcodes/NL/3584%20CX');
  assert.equal(res.status, 200);
  const body = res.body as { lat: number; lon: number; attribution: string };
  assert.ok(Math.abs(body.lat - 52.08) < 0.05 && Math.abs(body.lon - 5.17) < 0.05);
  assert.match(body.attribution, /GeoNames/);
});
