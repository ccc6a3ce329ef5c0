// Competences in the demo region: about a third of the workers hold a few of the catalogue's
// competences (chosen by a hash of their email and the key, so the same every time), about half of
// those confirmed; the demo nurse (worker@harmonica.demo) holds tube feeding (confirmed) and dementia
// care (self-declared); and up to three open requests ask for some, so the ranking shows the
// "competences" score part and the "missing competence" group.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import { competences, organisations, requestCompetences, requests, workerCompetences, workers } from '../db/schema.js';

/** A number in [0, 100) from a text, the same on PostgreSQL and PGlite. */
const percentOf = (text: ReturnType<typeof sql>) => sql`(('x' || substr(md5(${text}), 1, 8))::bit(32)::int & 2147483647) % 100`;

/** Per request: keys required and wished (only keys the region's catalogue has are used). */
const REQUEST_NEEDS: { required: string[]; wished: string[] }[] = [
  { required: ['dementiezorg'], wished: ['wondzorg', 'medicatie-toedienen'] },
  { required: [], wished: ['sondevoeding', 'palliatieve-zorg'] },
  { required: ['tilliften'], wished: ['omgaan-met-agressie'] },
];

export async function loadDemoCompetences(db: Db, regionId: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    // One statement for all workers (one workers_version bump): each competence with a 9 % chance, confirmed for 55 % of them.
    await tx.execute(sql`
      insert into worker_competences (worker_id, competence_id, source, declared_at, confirmed_at)
      select w.id, c.id,
        (case when ${percentOf(sql`w.email || '/confirmed/' || c.key`)} < 55 then 'confirmed' else 'self_declared' end)::competence_source,
        ${now.toISOString()}::timestamptz - interval '30 days',
        case when ${percentOf(sql`w.email || '/confirmed/' || c.key`)} < 55 then ${now.toISOString()}::timestamptz - interval '20 days' end
      from workers w join competences c on c.region_id = w.region_id and c.retired_at is null
      where w.region_id = ${regionId}::uuid and w.email <> 'worker@harmonica.demo' and ${percentOf(sql`w.email || '/' || c.key`)} < 9
      on conflict do nothing`);
    const catalogue = new Map((await tx.select({ id: competences.id, key: competences.key }).from(competences).where(eq(competences.regionId, regionId))).map((c) => [c.key, c.id]));
    const [nurse] = await tx.select({ id: workers.id }).from(workers).where(and(eq(workers.regionId, regionId), eq(workers.email, 'worker@harmonica.demo')));
    if (nurse) {
      const rows = [
        { key: 'sondevoeding', confirmed: true },
        { key: 'dementiezorg', confirmed: false },
      ].flatMap((c) => (catalogue.has(c.key) ? [{ workerId: nurse.id, competenceId: catalogue.get(c.key)!, source: c.confirmed ? ('confirmed' as const) : ('self_declared' as const), declaredAt: now, confirmedAt: c.confirmed ? now : null }] : []));
      if (rows.length) await tx.insert(workerCompetences).values(rows).onConflictDoNothing();
    }
    const regionOrganisations = (await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.regionId, regionId))).map((o) => o.id);
    if (regionOrganisations.length === 0) return;
    const open = await tx
      .select({ id: requests.id })
      .from(requests)
      .where(and(inArray(requests.organisationId, regionOrganisations), eq(requests.status, 'open')))
      .orderBy(asc(requests.createdAt), asc(requests.id))
      .limit(REQUEST_NEEDS.length);
    const values = open.flatMap((r, i) => {
      const needs = REQUEST_NEEDS[i]!;
      return [
        ...needs.required.map((key) => ({ key, level: 'required' as const })),
        ...needs.wished.map((key) => ({ key, level: 'wished' as const })),
      ].flatMap((n) => (catalogue.has(n.key) ? [{ requestId: r.id, competenceId: catalogue.get(n.key)!, level: n.level }] : []));
    });
    if (values.length) await tx.insert(requestCompetences).values(values).onConflictDoNothing();
  });
}
