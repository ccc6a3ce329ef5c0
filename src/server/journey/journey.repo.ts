// SQL for intake journeys, their steps and shadow-day bookings. Reads take a scope the service
// derived from the Actor: a region list (mediators, coordinators), organisations (planners) or one worker.
import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/open-database.js';
import { assignments, journeyOrientations, journeys, journeySteps, locations, organisations, shifts, users, workers } from '../db/schema.js';

export type JourneyScope = { regionIds: string[]; organisationIds: string[]; workerId: string | null; isAll: boolean };

export function journeyScope(scope: JourneyScope): SQL | undefined {
  if (scope.isAll) return sql`true`;
  return or(
    scope.regionIds.length ? inArray(journeys.regionId, scope.regionIds) : undefined,
    scope.organisationIds.length ? inArray(journeys.organisationId, scope.organisationIds) : undefined,
    scope.workerId ? eq(journeys.workerId, scope.workerId) : undefined,
  );
}

const summaryColumns = {
  journey: journeys,
  firstName: workers.firstName,
  lastName: workers.lastName,
  email: workers.email,
  phone: workers.phone,
  postcode: workers.homePostcode,
  ownerName: users.name,
  organisationName: organisations.name,
  lastStep: sql<(typeof journeySteps.step.enumValues)[number]>`(select s.step from journey_steps s where s.journey_id = ${journeys.id} order by s.done_at desc, s.step desc limit 1)`,
  lastStepAt: sql<string>`(select max(s.done_at) from journey_steps s where s.journey_id = ${journeys.id})`,
};

export type JourneyRow = Awaited<ReturnType<typeof selectJourneys>>[number];

function selectJourneys(db: DbOrTx, where: SQL | undefined, limit = 500) {
  return db
    .select(summaryColumns)
    .from(journeys)
    .innerJoin(workers, eq(workers.id, journeys.workerId))
    .leftJoin(users, eq(users.id, journeys.ownerUserId))
    .leftJoin(organisations, eq(organisations.id, journeys.organisationId))
    .where(where)
    .orderBy(desc(journeys.createdAt), asc(journeys.id))
    .limit(limit);
}

export async function listJourneys(db: DbOrTx, scope: JourneyScope, filter: SQL | undefined, limit: number): Promise<JourneyRow[]> {
  const visible = journeyScope(scope);
  if (!visible) return [];
  return selectJourneys(db, and(visible, filter), limit);
}

export async function findJourney(db: DbOrTx, where: SQL): Promise<JourneyRow | undefined> {
  const [row] = await selectJourneys(db, where, 1);
  return row;
}

export async function lockJourney(db: DbOrTx, id: string): Promise<void> {
  await db.execute(sql`select id from journeys where id = ${id} for update`);
}

export async function listSteps(db: DbOrTx, journeyId: string) {
  return db
    .select({ step: journeySteps.step, doneAt: journeySteps.doneAt, doneByUserId: journeySteps.doneByUserId, doneByName: users.name, details: journeySteps.details })
    .from(journeySteps)
    .leftJoin(users, eq(users.id, journeySteps.doneByUserId))
    .where(eq(journeySteps.journeyId, journeyId))
    .orderBy(asc(journeySteps.doneAt));
}

export async function insertStep(db: DbOrTx, row: typeof journeySteps.$inferInsert) {
  await db.insert(journeySteps).values(row);
}

export async function updateJourney(db: DbOrTx, id: string, patch: Partial<typeof journeys.$inferInsert>) {
  await db.update(journeys).set(patch).where(eq(journeys.id, id));
}

export async function listOrientations(db: DbOrTx, journeyId: string) {
  return db
    .select({
      shiftId: shifts.id,
      assignmentId: assignments.id,
      locationId: locations.id,
      locationName: locations.name,
      timeZone: locations.timeZone,
      organisationId: organisations.id,
      organisationName: organisations.name,
      start: shifts.start,
      end: shifts.end,
      status: assignments.status,
      cancelledAt: shifts.cancelledAt,
      cancelReason: shifts.cancelReason,
    })
    .from(journeyOrientations)
    .innerJoin(shifts, eq(shifts.id, journeyOrientations.shiftId))
    .innerJoin(assignments, eq(assignments.id, journeyOrientations.assignmentId))
    .innerJoin(locations, eq(locations.id, shifts.locationId))
    .innerJoin(organisations, eq(organisations.id, shifts.organisationId))
    .where(eq(journeyOrientations.journeyId, journeyId))
    .orderBy(asc(shifts.start));
}

/** Journeys of the region still waiting for their welcome call, oldest first. */
export async function journeysAwaitingWelcomeCall(db: DbOrTx, regionId: string) {
  return selectJourneys(db, and(eq(journeys.regionId, regionId), eq(journeys.stage, 'welcome_call')), 1000).then((rows) =>
    rows.sort((a, b) => a.journey.createdAt.getTime() - b.journey.createdAt.getTime()),
  );
}

/** Journeys of the region waiting for a check-in whose due date is on or before `today`. */
export async function journeysWithCheckInDue(db: DbOrTx, regionId: string, today: string) {
  const due = sql`(${journeys.agreementStartsOn} + (case when ${journeys.stage} = 'check_in_1m' then interval '1 month' else interval '3 months' end))::date`;
  return db
    .select({ ...summaryColumns, dueOn: sql<string>`${due}::text` })
    .from(journeys)
    .innerJoin(workers, eq(workers.id, journeys.workerId))
    .leftJoin(users, eq(users.id, journeys.ownerUserId))
    .leftJoin(organisations, eq(organisations.id, journeys.organisationId))
    .where(and(eq(journeys.regionId, regionId), inArray(journeys.stage, ['check_in_1m', 'check_in_3m']), sql`${due} <= ${today}::date`))
    .orderBy(asc(due), asc(journeys.id));
}
