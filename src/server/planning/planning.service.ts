// Solving as a job. A run is queued in pg-boss; its worker solves in worker threads (isolated, even with
// one thread, so the event loop stays free), writes progress while it searches, and stores the best
// solution with explanations.
// Auto-planning builds the problem from the database; publishing turns proposals into assignments
// in one transaction that checks every rule again against what changed meanwhile.
import { and, desc, eq, inArray } from 'drizzle-orm';
import { compileProblem } from '../../solver/regional/compile.js';
import type { ProblemDocument, ScoreBreakdown, SolutionDocument } from '../../solver/regional/documents.js';
import { explainPlan } from '../../solver/regional/explain.js';
import { Plan } from '../../solver/regional/plan.js';
import { evaluatePlan } from '../../solver/regional/score.js';
import { solveProblem, toSolutionDocument } from '../../solver/regional/solve.js';
import type { TPlanningPreview, TSolveStatus, TStartPlanningRequest } from '../../shared/planning.schemas.js';
import type { Actor } from '../auth/actor.js';
import { canManageRegion, hasRole, isAdmin, plannerOrganisationIds } from '../auth/actor.js';
import * as assignmentsRepo from '../assignments/assignments.repo.js';
import { checkEligibility, type RuleViolation } from '../assignments/eligibility.js';
import type { Database, Db, DbOrTx } from '../db/open-database.js';
import { activityPackages, locations, organisations, planningRuns, shifts, workers } from '../db/schema.js';
import { AppError, forbidden, notFound } from '../errors/app-error.js';
import { notify } from '../notifications/notify.js';
import { findOrganisation } from '../organisations/organisations.repo.js';
import { findRegion } from '../regions/regions.repo.js';
import * as shiftRepo from '../shifts/shifts.repo.js';
import { buildPlanningProblem } from './build-problem.js';

export const SOLVE_QUEUE = 'planning-solve';
const PROGRESS_EVERY_MS = 1000;
/** Runs solving in this process, so a stop request can reach them. */
const running = new Map<string, AbortController>();

type Run = typeof planningRuns.$inferSelect;

export async function startPlanningJobs(database: Database, options: { threads?: number } = {}): Promise<void> {
  const boss = await database.startQueue();
  await boss.createQueue(SOLVE_QUEUE, { retryLimit: 0, expireInSeconds: 900 });
  await boss.work<{ runId: string }>(SOLVE_QUEUE, { pollingIntervalSeconds: 0.5, batchSize: 1 }, async ([job]) => {
    if (job) await runSolve(database.db, job.data.runId, options.threads ?? 2);
  });
}

async function enqueue(database: Database, runId: string) {
  const boss = database.boss ?? (await database.startQueue());
  await boss.send(SOLVE_QUEUE, { runId }, { retryLimit: 0 });
}

function mayPlan(actor: Actor): boolean {
  return isAdmin(actor) || hasRole(actor, 'coordinator', 'mediator', 'planner');
}

/** POST /api/solves: a problem document from outside, solved as is. */
export async function startDocumentSolve(database: Database, actor: Actor, document: unknown, timeLimitSeconds: number) {
  if (!mayPlan(actor)) throw forbidden('Only planners, mediators, coordinators and admins run solves');
  const compiled = compileProblem(document);
  if (!compiled.ok) {
    throw new AppError('VALIDATION_FAILED', `The problem is not valid: ${compiled.issues.slice(0, 5).map((i) => `${i.path}: ${i.message}`).join('; ')}`, compiled.issues);
  }
  const [run] = await database.db
    .insert(planningRuns)
    .values({ kind: 'document', createdByUserId: actor.userId, timeLimitSeconds, problem: document as Record<string, unknown>, pinnedCount: compiled.problem.pinned.length })
    .returning();
  await enqueue(database, run!.id);
  return { jobId: run!.id, status: run!.status };
}

/** Coordinators plan their region; planners one of their organisations. */
async function checkPlanningScope(db: Db, actor: Actor, input: Pick<TStartPlanningRequest, 'regionId' | 'organisationId'>) {
  const region = await findRegion(db, actor, input.regionId);
  if (!region) throw new AppError('VALIDATION_FAILED', 'Unknown region', [{ path: 'regionId', message: 'does not exist or is not yours' }]);
  if (input.organisationId) {
    const organisation = await findOrganisation(db, actor, input.organisationId);
    if (!organisation || organisation.regionId !== region.id) {
      throw new AppError('VALIDATION_FAILED', 'Unknown organisation', [{ path: 'organisationId', message: 'is not an organisation of this region' }]);
    }
    if (!canManageRegion(actor, region.id) && !plannerOrganisationIds(actor).includes(organisation.id)) throw forbidden('You do not plan for this organisation');
  } else if (!canManageRegion(actor, region.id)) {
    throw forbidden('Only the region’s coordinators plan the whole region; planners choose their organisation');
  }
  return region;
}

export async function startAutoPlanning(database: Database, actor: Actor, input: TStartPlanningRequest, now = new Date()) {
  const db = database.db;
  const region = await checkPlanningScope(db, actor, input);
  const { document, pinnedCount } = await buildPlanningProblem(db, { regionId: region.id, organisationId: input.organisationId, from: new Date(input.from), to: new Date(input.to), now });
  const [run] = await db
    .insert(planningRuns)
    .values({
      kind: 'auto',
      regionId: region.id,
      organisationId: input.organisationId,
      createdByUserId: actor.userId,
      horizonStart: new Date(input.from),
      horizonEnd: new Date(input.to),
      timeLimitSeconds: input.timeLimitSeconds,
      problem: document as unknown as Record<string, unknown>,
      pinnedCount,
    })
    .returning();
  await enqueue(database, run!.id);
  return { jobId: run!.id, status: run!.status };
}

/** The job: solve, report progress, store the best plan with its explanation. Idempotent per run. */
export async function runSolve(db: Db, runId: string, threads: number): Promise<void> {
  const [run] = await db.select().from(planningRuns).where(eq(planningRuns.id, runId));
  if (!run || run.status !== 'queued') return;
  const controller = new AbortController();
  running.set(runId, controller);
  const startedAt = Date.now();
  await db.update(planningRuns).set({ status: 'running', startedAt: new Date(startedAt) }).where(eq(planningRuns.id, runId));
  let lastWrite = 0;
  let pendingWrite: Promise<unknown> = Promise.resolve();
  try {
    const result = await solveProblem(run.problem, {
      timeLimitMs: run.timeLimitSeconds * 1000,
      threads,
      seed: 1,
      isolated: true,
      signal: controller.signal,
      onProgress: (progress) => {
        const now = Date.now();
        if (now - lastWrite < PROGRESS_EVERY_MS) return;
        lastWrite = now;
        // A drizzle query runs only once awaited or then-ed: chain it so it is written now, in order.
        pendingWrite = pendingWrite.then(() =>
          db
            .update(planningRuns)
            .set({ progress: { elapsedMs: now - startedAt, bestScore: progress.best, iterations: progress.iterations } })
            .where(eq(planningRuns.id, runId)),
        );
      },
    });
    await pendingWrite;
    const compiled = compileProblem(run.problem);
    if (!compiled.ok) throw new Error('the stored problem no longer compiles');
    const problem = compiled.problem;
    const current = new Plan(problem);
    for (const { shift, worker } of problem.pinned) current.add(shift, worker);
    const proposed = new Plan(problem);
    for (const { shift, worker } of result.assignments) proposed.add(shift, worker);
    const explanation = explainPlan(proposed);
    const pinned = new Set(problem.pinned.map((p) => `${p.shift}:${p.worker}`));
    const [latest] = await db.select({ status: planningRuns.status }).from(planningRuns).where(eq(planningRuns.id, runId));
    await db
      .update(planningRuns)
      .set({
        status: controller.signal.aborted || latest?.status === 'cancelled' ? 'cancelled' : 'done',
        finishedAt: new Date(),
        progress: { elapsedMs: Date.now() - startedAt, bestScore: result.score, iterations: result.iterations },
        solution: toSolutionDocument(problem, result) as unknown as Record<string, unknown>,
        currentBreakdown: evaluatePlan(current).breakdown as unknown as Record<string, number>,
        explanation: {
          assignments: explanation.assignments.filter((a) => !pinned.has(`${problem.shiftIndex.get(a.shiftId)}:${problem.workerIndex.get(a.workerId)}`)),
          openPlaces: explanation.openPlaces,
        },
      })
      .where(eq(planningRuns.id, runId));
  } catch (error) {
    await db
      .update(planningRuns)
      .set({ status: 'failed', finishedAt: new Date(), error: error instanceof Error ? error.message : String(error) })
      .where(eq(planningRuns.id, runId));
  } finally {
    running.delete(runId);
  }
}

async function requireRun(db: DbOrTx, actor: Actor, id: string): Promise<Run> {
  const [run] = await db.select().from(planningRuns).where(eq(planningRuns.id, id));
  const isVisible =
    run &&
    (isAdmin(actor) ||
      run.createdByUserId === actor.userId ||
      (run.regionId !== null && canManageRegion(actor, run.regionId)) ||
      (run.organisationId !== null && plannerOrganisationIds(actor).includes(run.organisationId)));
  if (!run || !isVisible) throw notFound('Solve', id);
  return run;
}

export function toSolveStatus(run: Run): TSolveStatus {
  const hasResult = run.solution !== null;
  return {
    jobId: run.id,
    kind: run.kind,
    status: run.status,
    timeLimitSeconds: run.timeLimitSeconds,
    elapsedMs: run.progress?.elapsedMs ?? null,
    bestScore: run.progress?.bestScore ?? null,
    error: run.error,
    solution: hasResult ? (run.solution as unknown as SolutionDocument) : null,
  };
}

export async function getSolve(db: Db, actor: Actor, id: string): Promise<TSolveStatus> {
  return toSolveStatus(await requireRun(db, actor, id));
}

/** Stops a run early; it keeps the best plan found so far. */
export async function stopSolve(db: Db, actor: Actor, id: string): Promise<TSolveStatus> {
  const run = await requireRun(db, actor, id);
  if (run.status === 'queued') {
    await db.update(planningRuns).set({ status: 'cancelled', finishedAt: new Date() }).where(eq(planningRuns.id, id));
  } else if (run.status === 'running') {
    await db.update(planningRuns).set({ status: 'cancelled' }).where(eq(planningRuns.id, id));
    running.get(id)?.abort();
  }
  return getSolve(db, actor, id);
}

type ShiftInfo = { organisationId: string; organisationName: string; locationName: string; packageCode: string; start: Date; end: Date };

async function shiftInfo(db: DbOrTx, ids: string[]): Promise<Map<string, ShiftInfo>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: shifts.id,
      organisationId: shifts.organisationId,
      organisationName: organisations.name,
      locationName: locations.name,
      packageCode: activityPackages.code,
      start: shifts.start,
      end: shifts.end,
    })
    .from(shifts)
    .innerJoin(organisations, eq(organisations.id, shifts.organisationId))
    .innerJoin(locations, eq(locations.id, shifts.locationId))
    .innerJoin(activityPackages, eq(activityPackages.id, shifts.packageId))
    .where(inArray(shifts.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

type Explanation = {
  assignments: { shiftId: string; workerId: string; costs: Record<string, number>; covers: number }[];
  openPlaces: { shiftId: string; open: number; priority: number; blockedBy: Record<string, number>; eligible: number }[];
};

export async function getPlanningPreview(db: Db, actor: Actor, id: string): Promise<TPlanningPreview> {
  const run = await requireRun(db, actor, id);
  const explanation = (run.explanation ?? { assignments: [], openPlaces: [] }) as unknown as Explanation;
  const info = await shiftInfo(db, [...new Set([...explanation.assignments.map((a) => a.shiftId), ...explanation.openPlaces.map((o) => o.shiftId)])]);
  const workerIds = [...new Set(explanation.assignments.map((a) => a.workerId))];
  const names = new Map(
    workerIds.length
      ? (await db.select({ id: workers.id, firstName: workers.firstName, lastName: workers.lastName }).from(workers).where(inArray(workers.id, workerIds))).map((w) => [w.id, `${w.firstName} ${w.lastName}`])
      : [],
  );
  const proposals = explanation.assignments
    .filter((a) => info.has(a.shiftId))
    .map((a) => {
      const s = info.get(a.shiftId)!;
      return {
        shiftId: a.shiftId,
        workerId: a.workerId,
        workerName: names.get(a.workerId) ?? '',
        organisationId: s.organisationId,
        organisationName: s.organisationName,
        locationName: s.locationName,
        packageCode: s.packageCode,
        start: s.start.toISOString(),
        end: s.end.toISOString(),
        costs: a.costs,
        covers: a.covers,
      };
    })
    .sort((a, b) => a.organisationName.localeCompare(b.organisationName) || a.start.localeCompare(b.start));
  const openPlaces = explanation.openPlaces
    .filter((o) => info.has(o.shiftId))
    .map((o) => {
      const s = info.get(o.shiftId)!;
      return { shiftId: o.shiftId, organisationName: s.organisationName, locationName: s.locationName, packageCode: s.packageCode, start: s.start.toISOString(), open: o.open, priority: o.priority, blockedBy: o.blockedBy, eligible: o.eligible };
    })
    .sort((a, b) => b.priority - a.priority || a.start.localeCompare(b.start));
  return {
    ...toSolveStatus(run),
    regionId: run.regionId,
    organisationId: run.organisationId,
    horizonStart: run.horizonStart?.toISOString() ?? null,
    horizonEnd: run.horizonEnd?.toISOString() ?? null,
    pinnedCount: run.pinnedCount,
    current: (run.currentBreakdown as unknown as ScoreBreakdown | null) ?? null,
    proposed: (run.solution as unknown as SolutionDocument | null)?.score ?? null,
    proposals,
    openPlaces,
    publishReport: (run.publishReport as TPlanningPreview['publishReport']) ?? null,
  };
}

export async function listPlanningRuns(db: Db, actor: Actor, regionId?: string) {
  const rows = await db
    .select()
    .from(planningRuns)
    .where(and(eq(planningRuns.kind, 'auto'), regionId ? eq(planningRuns.regionId, regionId) : undefined))
    .orderBy(desc(planningRuns.createdAt))
    .limit(50);
  return rows
    .filter((run) => isAdmin(actor) || run.createdByUserId === actor.userId || (run.regionId !== null && canManageRegion(actor, run.regionId)) || (run.organisationId !== null && plannerOrganisationIds(actor).includes(run.organisationId)))
    .map(toSolveStatus);
}

/**
 * Publishes the proposals: per the organisation's setting each becomes a confirmed assignment or an
 * offer waiting for the planner. Everything runs in one transaction; each proposal is checked again
 * under locks, and what no longer fits (a worker claimed another shift meanwhile) is skipped and reported.
 */
export async function publishPlanningRun(db: Db, actor: Actor, id: string, now = new Date()): Promise<TPlanningPreview> {
  const found = await requireRun(db, actor, id);
  if (found.kind !== 'auto') throw new AppError('CONFLICT', 'Only auto-planning runs are published');
  await checkPlanningScope(db, actor, { regionId: found.regionId!, organisationId: found.organisationId });
  await db.transaction(async (tx) => {
    // Read again inside the transaction, under a row lock: a run is published once.
    await tx.select({ id: planningRuns.id }).from(planningRuns).where(eq(planningRuns.id, id)).for('update');
    const run = await requireRun(tx, actor, id);
    if (run.status !== 'done' && run.status !== 'cancelled') throw new AppError('CONFLICT', `This run is ${run.status}; publish a finished run`);
    const problem = run.problem as unknown as ProblemDocument;
    const pinned = new Set((problem.pinned ?? []).map((p) => `${p.shiftId}:${p.workerId}`));
    const proposals = ((run.solution as unknown as SolutionDocument).assignments ?? []).filter((a) => !pinned.has(`${a.shiftId}:${a.workerId}`));
    await assignmentsRepo.lockWorkers(tx, proposals.map((p) => p.workerId));
    for (const shiftId of [...new Set(proposals.map((p) => p.shiftId))].sort()) await shiftRepo.lockShift(tx, shiftId);
    const report = { created: 0, confirmed: 0, offered: 0, skipped: [] as { shiftId: string; workerId: string; violations: RuleViolation[] }[] };
    const contexts = new Map<string, Awaited<ReturnType<typeof assignmentsRepo.findOrganisationContext>>>();
    for (const proposal of proposals) {
      const shift = await shiftRepo.findShift(tx, proposal.shiftId);
      if (!shift || shift.status !== 'open' || shift.start <= now) {
        report.skipped.push({ ...proposal, violations: [{ rule: 'demand', message: 'The shift was cancelled or has started', params: {} }] });
        continue;
      }
      if (!contexts.has(shift.organisationId)) contexts.set(shift.organisationId, await assignmentsRepo.findOrganisationContext(tx, shift.organisationId));
      const context = contexts.get(shift.organisationId)!;
      const violations = (await checkEligibility(tx, { workerId: proposal.workerId, shiftIds: [shift.id], rules: context.rules, timeZone: context.timeZone })).get(shift.id) ?? [];
      if (violations.length) {
        report.skipped.push({ ...proposal, violations });
        continue;
      }
      const [worker] = await tx.select({ isNewcomer: workers.isNewcomer }).from(workers).where(eq(workers.id, proposal.workerId));
      const status = context.claimMode === 'instant' ? 'confirmed' : 'pending';
      const created = await assignmentsRepo.insertAssignment(tx, {
        shiftId: shift.id,
        workerId: proposal.workerId,
        status,
        source: 'planning',
        start: shift.start,
        end: shift.end,
        isNewcomer: worker!.isNewcomer,
        decidedByUserId: actor.userId,
        ...(status === 'confirmed' ? { decidedAt: now } : {}),
      });
      await notify(tx, { type: status === 'confirmed' ? 'claim.confirmed' : 'claim.pending', assignmentId: created.id });
      report.created++;
      if (status === 'confirmed') report.confirmed++;
      else report.offered++;
    }
    await tx.update(planningRuns).set({ status: 'published', publishedAt: now, publishReport: report }).where(eq(planningRuns.id, id));
  });
  return getPlanningPreview(db, actor, id);
}
