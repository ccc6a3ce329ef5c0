// Claims, approvals, withdrawals, cancellations and swaps. Every path that creates or changes an
// assignment locks the workers involved and the shift, then asks checkEligibility (the planning
// engine's hard constraints) inside the same transaction; the database's exclusion constraint is
// the last line against double booking.
import { randomUUID } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { TAssignment, TMyShift, TSwap } from '../../shared/assignments.schemas.js';
import type { TRegionRules } from '../../shared/regions.schemas.js';
import type { Actor } from '../auth/actor.js';
import type { Db, DbOrTx } from '../db/open-database.js';
import { assignments, workerPackages, workers, type swaps } from '../db/schema.js';
import { AppError, forbidden, notFound } from '../errors/app-error.js';
import { loadWorkerFacts } from '../planning/worker-facts.js';
import { notify, prepareNotification, recordNotification } from '../notifications/notify.js';
import { canManageOrganisation } from '../organisations/organisations.service.js';
import { findRegionTimeZone } from '../regions/regions.repo.js';
import * as shiftRepo from '../shifts/shifts.repo.js';
import { toShift } from '../shifts/shifts.service.js';
import { swapsOfWorker, swapView } from '../swap-approvals/swap-approvals.service.js';
import * as repo from './assignments.repo.js';
import { checkEligibility, evaluateEligibility, factsWindow, loadEligibilityFacts, type EligibilityFacts, type RuleViolation, type ShiftFacts } from './eligibility.js';

const HOUR_MS = 3_600_000;

export const toAssignment = (row: typeof assignments.$inferSelect): TAssignment => ({
  id: row.id,
  shiftId: row.shiftId,
  workerId: row.workerId,
  status: row.status,
  source: row.source,
  isNewcomer: row.isNewcomer,
  reason: row.reason,
  createdAt: row.createdAt.toISOString(),
});

function requireWorkerActor(actor: Actor): string {
  if (!actor.workerId) throw forbidden('Only workers claim shifts');
  return actor.workerId;
}

function notEligible(violations: RuleViolation[]): AppError {
  return new AppError(
    'NOT_ELIGIBLE',
    violations.map((v) => v.message).join('; '),
    violations.map((v) => ({ path: v.rule, message: v.message })),
  );
}

/** Maps the database's own refusals (double booking, duplicate claim) to a conflict. */
async function guardConstraints<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const code = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code;
    if (code === '23P01') throw new AppError('CONFLICT', 'You already have a shift at that time');
    if (code === '23505') throw new AppError('CONFLICT', 'You are already on this shift');
    throw error;
  }
}

async function loadShiftForChange(tx: DbOrTx, shiftId: string) {
  await shiftRepo.lockShift(tx, shiftId);
  const shift = await shiftRepo.findShift(tx, shiftId);
  if (!shift) throw notFound('Shift', shiftId);
  return { shift, context: await repo.findOrganisationContext(tx, shift.organisationId) };
}

function assertOpenAndFuture(shift: { status: string; start: Date; cancelReason: string | null }, now: Date) {
  if (shift.status !== 'open') throw new AppError('SHIFT_CLOSED', `This shift was cancelled: ${shift.cancelReason ?? ''}`);
  if (shift.start <= now) throw new AppError('SHIFT_CLOSED', 'This shift has already started');
}

async function eligibilityOf(tx: DbOrTx, workerId: string, shift: ShiftFacts, context: { rules: TRegionRules; timeZone: string }, ignore: string[] = []) {
  const result = await checkEligibility(tx, { workerId, shiftIds: [shift.id], shifts: [shift], rules: context.rules, timeZone: context.timeZone, ignoreAssignmentIds: ignore });
  return result.get(shift.id) ?? [];
}

const DAY_MS = 24 * HOUR_MS;
/**
 * How far from the shift the worker's own shifts can matter to a rule (rest, overlap, the week's
 * hours): the claim's snapshot compares the worker's live shifts this close to the shift. The same
 * reach as the padding loadEligibilityFacts reads.
 */
const RULE_REACH_MS = 8 * DAY_MS;

/**
 * A claim, on one connection (one transaction: under load every separate statement would queue for
 * the pool again). First the reads, which take no lock: the shift with its organisation and region,
 * the worker's facts, the eligibility facts (the worker's live shifts near it, the people on it),
 * and the rule check (evaluateEligibility). A refusal — the shift is full, the worker may not — is
 * answered here, without waiting for anyone's lock, so the claimants of a popular shift do not queue
 * behind each other once it is full. Then the notification is prepared (read and rendered); one
 * statement writes its rows and locks the worker and then the shift; the insert only happens if,
 * under the locks, the worker's shifts near this one and the people on it are still exactly those
 * the rules were checked against; if anything changed, the facts are read again under the locks and
 * checked again (the same evaluateEligibility). The shift lock is held for two round trips: the
 * insert and the commit.
 */
export async function claimShift(db: Db, actor: Actor, shiftId: string, now = new Date()): Promise<TAssignment> {
  const workerId = requireWorkerActor(actor);
  return guardConstraints(() =>
    db.transaction(async (tx) => {
      const target = await repo.findClaimTarget(tx, shiftId);
      if (!target || target.regionId !== actor.workerRegionId) throw notFound('Shift', shiftId);
      const shift = target.facts;
      assertOpenAndFuture({ ...target, start: shift.start }, now);
      const worker = (await loadWorkerFacts(tx, [workerId], factsWindow([shift]))).get(workerId);
      if (!worker) throw forbidden('Only workers claim shifts');
      const check = async (facts: EligibilityFacts) => {
        if (facts.alreadyOn.has(shiftId)) throw new AppError('CONFLICT', 'You are already on this shift');
        const violations = (await evaluateEligibility(tx, facts, target.rules, target.timeZone)).get(shiftId) ?? [];
        if (violations.length) throw notEligible(violations);
      };
      const seen = await loadEligibilityFacts(tx, worker, [shift]);
      await check(seen);

      const status = target.claimMode === 'instant' ? 'confirmed' : 'pending';
      const row = {
        id: randomUUID(),
        shiftId,
        workerId,
        status,
        source: 'claim',
        start: shift.start,
        end: shift.end,
        isNewcomer: worker.isNewcomer,
        ...(status === 'confirmed' ? { decidedAt: now } : {}),
      } as const;
      const event = { type: status === 'confirmed' ? 'claim.confirmed' : 'claim.pending', assignmentId: row.id } as const;
      const notification = await prepareNotification(tx, event, { id: row.id, shiftId, workerId });
      const from = new Date(shift.start.getTime() - RULE_REACH_MS);
      const to = new Date(shift.end.getTime() + RULE_REACH_MS);
      const snapshot: repo.ClaimSnapshot = {
        from,
        to,
        ownShiftIds: seen.held.filter((h) => h.start < to && h.end > from).map((h) => h.id),
        occupantIds: seen.occupants.map((o) => o.id),
      };
      // The notification's rows go with the lock statement: written with the claim or not at all.
      const [locked] = (await recordNotification(tx, notification, repo.lockClaimStatement(workerId, shiftId))) as repo.ClaimLock[];
      if (!locked) throw notFound('Shift', shiftId);
      assertOpenAndFuture({ ...locked, start: shift.start }, now);
      let created = await repo.insertClaimIfUnchanged(tx, row, snapshot);
      if (!created) {
        await check(await loadEligibilityFacts(tx, worker, [shift]));
        created = await repo.insertAssignment(tx, row);
      }
      return toAssignment(created);
    }),
  );
}

async function requireAssignment(tx: DbOrTx, id: string) {
  const row = await repo.findAssignment(tx, id);
  if (!row) throw notFound('Assignment', id);
  return row;
}

async function requirePlannerOf(tx: DbOrTx, actor: Actor, organisationId: string, id: string) {
  const context = await repo.findOrganisationContext(tx, organisationId);
  if (!canManageOrganisation(actor, { id: organisationId, regionId: context.regionId })) {
    if (actor.regionIds.includes(context.regionId)) throw forbidden('You do not plan for this organisation');
    throw notFound('Assignment', id);
  }
  return context;
}

/** A planner confirms a waiting claim; the rules are checked again against what changed meanwhile. */
export async function approveClaim(db: Db, actor: Actor, id: string, now = new Date()): Promise<TAssignment> {
  return guardConstraints(() =>
    db.transaction(async (tx) => {
      const existing = await requireAssignment(tx, id);
      const shiftRow = await shiftRepo.findShift(tx, existing.shiftId);
      await requirePlannerOf(tx, actor, shiftRow!.organisationId, id);
      await repo.lockWorkers(tx, [existing.workerId]);
      const { shift, context } = await loadShiftForChange(tx, existing.shiftId);
      const assignment = await requireAssignment(tx, id);
      if (assignment.status !== 'pending') throw new AppError('CONFLICT', `This claim is ${assignment.status}, not waiting`);
      assertOpenAndFuture(shift, now);
      const violations = await eligibilityOf(tx, assignment.workerId, shift, context, [id]);
      if (violations.length) throw notEligible(violations);
      const row = await repo.setAssignmentStatus(tx, id, 'confirmed', actor.userId);
      await notify(tx, { type: 'claim.confirmed', assignmentId: id });
      return toAssignment(row);
    }),
  );
}

export async function rejectClaim(db: Db, actor: Actor, id: string, reason: string): Promise<TAssignment> {
  return db.transaction(async (tx) => {
    const existing = await requireAssignment(tx, id);
    const shiftRow = await shiftRepo.findShift(tx, existing.shiftId);
    await requirePlannerOf(tx, actor, shiftRow!.organisationId, id);
    await shiftRepo.lockShift(tx, existing.shiftId);
    const assignment = await requireAssignment(tx, id);
    if (assignment.status !== 'pending') throw new AppError('CONFLICT', `This claim is ${assignment.status}, not waiting`);
    const row = await repo.setAssignmentStatus(tx, id, 'rejected', actor.userId, reason);
    await notify(tx, { type: 'claim.rejected', assignmentId: id, reason });
    return toAssignment(row);
  });
}

/** The worker takes back a claim that still waits for the planner. */
export async function withdrawClaim(db: Db, actor: Actor, id: string): Promise<TAssignment> {
  const workerId = requireWorkerActor(actor);
  return db.transaction(async (tx) => {
    await repo.lockWorkers(tx, [workerId]);
    const assignment = await requireAssignment(tx, id);
    if (assignment.workerId !== workerId) throw notFound('Assignment', id);
    if (assignment.status !== 'pending') throw new AppError('CONFLICT', 'Only a claim that waits for approval can be withdrawn; cancel a confirmed shift instead');
    return toAssignment(await repo.setAssignmentStatus(tx, id, 'withdrawn', actor.userId));
  });
}

/**
 * Cancels a confirmed assignment. The worker may until the organisation's cut-off before the start
 * (later only by contacting the planner); the planner may always, with a reason the worker sees.
 */
export async function cancelAssignment(db: Db, actor: Actor, id: string, reason: string, now = new Date()): Promise<TAssignment> {
  return db.transaction(async (tx) => {
    const assignment = await requireAssignment(tx, id);
    const shift = (await shiftRepo.findShift(tx, assignment.shiftId))!;
    const isOwn = actor.workerId === assignment.workerId;
    const context = isOwn ? await repo.findOrganisationContext(tx, shift.organisationId) : await requirePlannerOf(tx, actor, shift.organisationId, id);
    await repo.lockWorkers(tx, [assignment.workerId]);
    await shiftRepo.lockShift(tx, assignment.shiftId);
    const current = await requireAssignment(tx, id);
    if (current.status !== 'confirmed' && current.status !== 'pending') throw new AppError('CONFLICT', `This assignment is already ${current.status}`);
    if (isOwn && !canManageOrganisation(actor, { id: shift.organisationId, regionId: context.regionId })) {
      const cutoff = shift.start.getTime() - context.cancelCutoffHours * HOUR_MS;
      if (now.getTime() > cutoff) {
        throw new AppError('CUTOFF_PASSED', `Cancelling is possible until ${context.cancelCutoffHours} hours before the shift; please contact the planner`);
      }
    } else if (!reason) {
      throw new AppError('VALIDATION_FAILED', 'Give a reason the worker will see', [{ path: 'reason', message: 'is required when a planner cancels' }]);
    }
    const row = await repo.setAssignmentStatus(tx, id, 'cancelled', actor.userId, reason || null);
    await notify(tx, { type: 'assignment.cancelled', assignmentId: id, reason, byWorker: isOwn });
    return toAssignment(row);
  });
}

/** Why the signed-in worker may not take one shift (empty: they may). */
export async function whyNot(db: Db, actor: Actor, shiftId: string): Promise<RuleViolation[]> {
  const workerId = requireWorkerActor(actor);
  const shift = await shiftRepo.findShift(db, shiftId);
  if (!shift || shift.regionId !== actor.workerRegionId) throw notFound('Shift', shiftId);
  const context = await repo.findOrganisationContext(db, shift.organisationId);
  return eligibilityOf(db, workerId, shift, context);
}

export async function listMyShifts(db: Db, actor: Actor, query: { from?: string | undefined; status: 'live' | 'all' }, now = new Date()): Promise<TMyShift[]> {
  const workerId = requireWorkerActor(actor);
  const from = query.from ? new Date(query.from) : new Date(now.getTime() - 24 * HOUR_MS);
  const rows = await repo.listWorkerAssignments(db, workerId, from, query.status === 'live');
  if (rows.length === 0) return [];
  const shiftRows = await shiftRepo.selectShiftsByIds(db, [...new Set(rows.map((r) => r.shiftId))]);
  const byId = new Map(shiftRows.map((s) => [s.id, s]));
  const cutoffs = new Map<string, number>();
  for (const s of shiftRows) if (!cutoffs.has(s.organisationId)) cutoffs.set(s.organisationId, (await repo.findOrganisationContext(db, s.organisationId)).cancelCutoffHours);
  return rows.map((row) => {
    const shift = byId.get(row.shiftId)!;
    return {
      ...toAssignment(row),
      shift: toShift(shift),
      canCancelUntil: new Date(shift.start.getTime() - cutoffs.get(shift.organisationId)! * HOUR_MS).toISOString(),
    };
  });
}

/** Reservists commit to days per year: days with a confirmed shift this year (worked and planned). */
export async function reservistProgress(db: Db, actor: Actor, now = new Date()) {
  const workerId = requireWorkerActor(actor);
  const [worker] = await db.select().from(workers).where(eq(workers.id, workerId));
  const zone = (await findRegionTimeZone(db, worker!.regionId))!;
  const year = DateTime.fromJSDate(now, { zone }).year;
  const start = DateTime.fromObject({ year, month: 1, day: 1 }, { zone }).toJSDate();
  const end = DateTime.fromObject({ year: year + 1, month: 1, day: 1 }, { zone }).toJSDate();
  const rows = await db
    .select({ start: assignments.start, end: assignments.end })
    .from(assignments)
    .where(and(eq(assignments.workerId, workerId), eq(assignments.status, 'confirmed'), gt(assignments.start, start), lt(assignments.start, end)));
  const day = (d: Date) => DateTime.fromJSDate(d, { zone }).toISODate()!;
  const worked = new Set(rows.filter((r) => r.end <= now).map((r) => day(r.start)));
  const all = new Set(rows.map((r) => day(r.start)));
  return { year, daysWorked: worked.size, daysPlanned: all.size, minDaysPerYear: worker!.minDaysPerYear };
}

/** The swap as both workers see it, with its shift (read in the caller's transaction, after the change). */
const toSwap = (db: DbOrTx, row: typeof swaps.$inferSelect): Promise<TSwap> => swapView(db, row.id);

/** Colleagues in the region who could take over the shift (first name and initial only). */
export async function swapCandidates(db: Db, actor: Actor, assignmentId: string) {
  const workerId = requireWorkerActor(actor);
  const assignment = await requireAssignment(db, assignmentId);
  if (assignment.workerId !== workerId) throw notFound('Assignment', assignmentId);
  const shift = (await shiftRepo.findShift(db, assignment.shiftId))!;
  const context = await repo.findOrganisationContext(db, shift.organisationId);
  const pool = await db
    .select({ id: workers.id })
    .from(workers)
    .innerJoin(workerPackages, and(eq(workerPackages.workerId, workers.id), eq(workerPackages.packageId, shift.packageId)))
    .where(and(eq(workers.regionId, context.regionId), sql`${workers.id} <> ${workerId}`))
    .limit(300);
  const eligible: string[] = [];
  for (const candidate of pool) {
    const result = await checkEligibility(db, { workerId: candidate.id, shiftIds: [shift.id], rules: context.rules, timeZone: context.timeZone, ignoreAssignmentIds: [assignmentId] });
    if ((result.get(shift.id) ?? []).length === 0) eligible.push(candidate.id);
    if (eligible.length >= 30) break;
  }
  const names = await repo.workerNames(db, eligible);
  return eligible.map((id) => ({ workerId: id, name: names.get(id) ?? '' }));
}

export async function requestSwap(db: Db, actor: Actor, assignmentId: string, toWorkerId: string, note: string): Promise<TSwap> {
  const workerId = requireWorkerActor(actor);
  return db.transaction(async (tx) => {
    const assignment = await requireAssignment(tx, assignmentId);
    if (assignment.workerId !== workerId) throw notFound('Assignment', assignmentId);
    if (assignment.status !== 'confirmed') throw new AppError('CONFLICT', 'Only a confirmed shift can be swapped');
    if (toWorkerId === workerId) throw new AppError('VALIDATION_FAILED', 'Choose a colleague', [{ path: 'toWorkerId', message: 'must be someone else' }]);
    const shift = (await shiftRepo.findShift(tx, assignment.shiftId))!;
    const context = await repo.findOrganisationContext(tx, shift.organisationId);
    const [target] = await tx.select({ regionId: workers.regionId }).from(workers).where(eq(workers.id, toWorkerId));
    if (!target || target.regionId !== context.regionId) throw new AppError('VALIDATION_FAILED', 'Unknown colleague', [{ path: 'toWorkerId', message: 'is not a worker of this region' }]);
    const violations = await eligibilityOf(tx, toWorkerId, shift, context, [assignmentId]);
    if (violations.length) throw notEligible(violations);
    const row = await repo.insertSwap(tx, { assignmentId, fromWorkerId: workerId, toWorkerId, note });
    await notify(tx, { type: 'swap.requested', swapId: row.id });
    return toSwap(tx, row);
  });
}

/** Moves the shift from one worker to the other after re-checking every rule for the new one. */
async function executeSwap(tx: DbOrTx, actor: Actor, swap: typeof swaps.$inferSelect, now: Date) {
  await repo.lockWorkers(tx, [swap.fromWorkerId, swap.toWorkerId]);
  const assignment = await requireAssignment(tx, swap.assignmentId);
  const { shift, context } = await loadShiftForChange(tx, assignment.shiftId);
  if (assignment.status !== 'confirmed') throw new AppError('CONFLICT', 'The shift is no longer confirmed for the colleague who offered it');
  assertOpenAndFuture(shift, now);
  const violations = await eligibilityOf(tx, swap.toWorkerId, shift, context, [assignment.id]);
  if (violations.length) throw notEligible(violations);
  await repo.setAssignmentStatus(tx, assignment.id, 'swapped', actor.userId);
  const [target] = await tx.select({ isNewcomer: workers.isNewcomer }).from(workers).where(eq(workers.id, swap.toWorkerId));
  const created = await repo.insertAssignment(tx, {
    shiftId: shift.id,
    workerId: swap.toWorkerId,
    status: 'confirmed',
    source: 'swap',
    start: shift.start,
    end: shift.end,
    isNewcomer: target!.isNewcomer,
    decidedAt: now,
    decidedByUserId: actor.userId,
  });
  await notify(tx, { type: 'claim.confirmed', assignmentId: created.id });
  return repo.setSwapStatus(tx, swap.id, 'approved', actor.userId);
}

export async function answerSwap(db: Db, actor: Actor, swapId: string, isAccepted: boolean, now = new Date()): Promise<TSwap> {
  const workerId = requireWorkerActor(actor);
  return guardConstraints(() =>
    db.transaction(async (tx) => {
      const swap = await repo.findSwap(tx, swapId);
      if (!swap || swap.toWorkerId !== workerId) throw notFound('Swap', swapId);
      if (swap.status !== 'requested') throw new AppError('CONFLICT', `This swap is ${swap.status}`);
      if (!isAccepted) return toSwap(tx, await repo.setSwapStatus(tx, swapId, 'declined', actor.userId));
      const assignment = await requireAssignment(tx, swap.assignmentId);
      const shift = (await shiftRepo.findShift(tx, assignment.shiftId))!;
      const context = await repo.findOrganisationContext(tx, shift.organisationId);
      if (context.swapNeedsApproval) {
        const row = await repo.setSwapStatus(tx, swapId, 'accepted', actor.userId);
        await notify(tx, { type: 'swap.accepted', swapId });
        return toSwap(tx, row);
      }
      return toSwap(tx, await executeSwap(tx, actor, swap, now));
    }),
  );
}

export async function decideSwap(db: Db, actor: Actor, swapId: string, isApproved: boolean, reason: string, now = new Date()): Promise<TSwap> {
  return guardConstraints(() =>
    db.transaction(async (tx) => {
      const swap = await repo.findSwap(tx, swapId);
      if (!swap) throw notFound('Swap', swapId);
      const assignment = await requireAssignment(tx, swap.assignmentId);
      const shift = (await shiftRepo.findShift(tx, assignment.shiftId))!;
      await requirePlannerOf(tx, actor, shift.organisationId, swapId);
      if (swap.status !== 'accepted') throw new AppError('CONFLICT', `This swap is ${swap.status}, not waiting for approval`);
      const row = isApproved ? await executeSwap(tx, actor, swap, now) : await repo.setSwapStatus(tx, swapId, 'rejected', actor.userId, reason || null);
      await notify(tx, { type: 'swap.decided', swapId, isApproved, reason });
      return toSwap(tx, row);
    }),
  );
}

export async function withdrawSwap(db: Db, actor: Actor, swapId: string): Promise<TSwap> {
  const workerId = requireWorkerActor(actor);
  return db.transaction(async (tx) => {
    const swap = await repo.findSwap(tx, swapId);
    if (!swap || swap.fromWorkerId !== workerId) throw notFound('Swap', swapId);
    if (swap.status !== 'requested' && swap.status !== 'accepted') throw new AppError('CONFLICT', `This swap is ${swap.status}`);
    return toSwap(tx, await repo.setSwapStatus(tx, swapId, 'withdrawn', actor.userId));
  });
}

export async function listMySwaps(db: Db, actor: Actor): Promise<TSwap[]> {
  const workerId = requireWorkerActor(actor);
  return swapsOfWorker(db, workerId);
}
