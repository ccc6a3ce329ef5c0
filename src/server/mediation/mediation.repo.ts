// SQL for requests and offers.
import { and, asc, desc, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/open-database.js';
import { offers, organisations, requests, workers } from '../db/schema.js';

export type RequestRow = typeof requests.$inferSelect & { organisationName: string; regionId: string };
export type OfferRow = typeof offers.$inferSelect & { workerName: string };

const requestColumns = { request: requests, organisationName: organisations.name, regionId: organisations.regionId };

const toRequestRow = (r: { request: typeof requests.$inferSelect; organisationName: string; regionId: string }): RequestRow => ({
  ...r.request,
  organisationName: r.organisationName,
  regionId: r.regionId,
});

export async function findRequest(db: DbOrTx, id: string): Promise<RequestRow | undefined> {
  const [row] = await db.select(requestColumns).from(requests).innerJoin(organisations, eq(organisations.id, requests.organisationId)).where(eq(requests.id, id));
  return row && toRequestRow(row);
}

/** Requests of the given organisations or of organisations in the given regions. */
export async function listRequests(db: DbOrTx, scope: { organisationIds: string[]; regionIds: string[] }, where?: SQL): Promise<RequestRow[]> {
  const visible = or(
    scope.organisationIds.length ? inArray(requests.organisationId, scope.organisationIds) : undefined,
    scope.regionIds.length ? inArray(organisations.regionId, scope.regionIds) : undefined,
  );
  if (!visible) return [];
  const rows = await db
    .select(requestColumns)
    .from(requests)
    .innerJoin(organisations, eq(organisations.id, requests.organisationId))
    .where(and(visible, where))
    .orderBy(desc(requests.createdAt))
    .limit(500);
  return rows.map(toRequestRow);
}

export async function insertRequest(db: DbOrTx, values: typeof requests.$inferInsert) {
  const [row] = await db.insert(requests).values(values).returning();
  return row!;
}

const offerColumns = { offer: offers, firstName: workers.firstName, lastName: workers.lastName };

export async function listOffers(db: DbOrTx, where: SQL): Promise<OfferRow[]> {
  const rows = await db.select(offerColumns).from(offers).innerJoin(workers, eq(workers.id, offers.workerId)).where(where).orderBy(asc(offers.createdAt), asc(offers.id));
  return rows.map((r) => ({ ...r.offer, workerName: `${r.firstName} ${r.lastName}` }));
}

export async function findOffer(db: DbOrTx, id: string): Promise<OfferRow | undefined> {
  const [row] = await listOffers(db, eq(offers.id, id));
  return row;
}

/** Open requests of the region that have had no offer yet, oldest first. */
export async function requestsAwaitingFirstOffer(db: DbOrTx, regionId: string): Promise<RequestRow[]> {
  const rows = await db
    .select(requestColumns)
    .from(requests)
    .innerJoin(organisations, eq(organisations.id, requests.organisationId))
    .where(and(eq(organisations.regionId, regionId), eq(requests.status, 'open'), isNull(requests.firstOfferAt)))
    .orderBy(asc(requests.createdAt));
  return rows.map(toRequestRow);
}

/** Offers in the region still waiting for the organisation's answer, oldest first. */
export async function offersAwaitingAnswer(db: DbOrTx, regionId: string) {
  return db
    .select({ offer: offers, organisationName: organisations.name, firstName: workers.firstName, lastName: workers.lastName })
    .from(offers)
    .innerJoin(requests, eq(requests.id, offers.requestId))
    .innerJoin(organisations, eq(organisations.id, requests.organisationId))
    .innerJoin(workers, eq(workers.id, offers.workerId))
    .where(and(eq(organisations.regionId, regionId), eq(offers.status, 'offered')))
    .orderBy(asc(offers.createdAt));
}
