// The exact rule check for many workers against one target: ONE planning problem holding the target,
// the shifts those workers already hold around it and the people already on it, and each hard
// constraint's `whyNot` per worker — the same implementation claims and auto-planning use.
import { and, eq, gt, inArray, lt } from 'drizzle-orm';
import { compileOrThrow } from '../../../solver/regional/compile.js';
import { hardConstraints, type EligibilityRule } from '../../../solver/regional/constraints/index.js';
import type { ProblemDocument } from '../../../solver/regional/documents.js';
import { Plan } from '../../../solver/regional/plan.js';
import { describe, factsHorizon, factsProblemDocument, loadShiftFacts, toJsonParams, type RuleViolation } from '../../assignments/eligibility.js';
import type { DbOrTx } from '../../db/open-database.js';
import { assignments } from '../../db/schema.js';
import { loadWorkerEntries, toWorkerEntry, type WorkerFacts } from '../../planning/worker-facts.js';
import type { RankingTarget } from './target.js';

const DAY_MS = 86_400_000;
const PADDING_MS = 8 * DAY_MS;
/** A request is checked only against the rules about the person; its shifts are planned later. */
const PERSONAL_RULES: readonly EligibilityRule[] = ['package', 'registration', 'travel'];

/**
 * The rule a ruled-out worker is counted under: the first they break in this order. The rules the
 * quick filter decides in SQL (package, then travel) come first, so that a worker is counted under
 * the same rule whether SQL or the engine ruled them out; then the engine's registry order.
 */
const GROUPING_ORDER: readonly EligibilityRule[] = [
  'package',
  'travel',
  ...new Set(hardConstraints.map((c) => c.rule).filter((rule) => rule !== 'package' && rule !== 'travel')),
];

export function groupingRuleOf(violations: readonly RuleViolation[]): RuleViolation | undefined {
  let first: RuleViolation | undefined;
  for (const v of violations) if (!first || GROUPING_ORDER.indexOf(v.rule) < GROUPING_ORDER.indexOf(first.rule)) first = v;
  return first;
}

/** The window around the target in which a worker's live assignments matter to the rules. */
export const heldWindow = (target: RankingTarget) => ({
  from: new Date(target.facts.start.getTime() - PADDING_MS),
  to: new Date(target.facts.end.getTime() + PADDING_MS),
});

/** The window for which worker facts are read ahead: holds the horizon of every check whose held shifts last a day at most. */
export const prefetchWindow = (target: RankingTarget) => ({
  from: new Date(target.facts.start.getTime() - PADDING_MS - 9 * DAY_MS),
  to: new Date(target.facts.end.getTime() + PADDING_MS + 9 * DAY_MS),
});

/**
 * What `checkWorkers` reads about assignments, read beforehand (`ranking/fresh-read.ts`, in the
 * statement that reads the version): for every worker in `workerIds`, their live assignments in
 * `heldWindow`, and the people live on the target shift (both empty for a request).
 */
export type CheckPrefetch = {
  workerIds: ReadonlySet<string>;
  held: { workerId: string; shiftId: string }[];
  occupants: { id: string; isNewcomer: boolean }[];
  /** The worker facts (`loadWorkerFacts`) of some workers, with the exceptions overlapping `window`. */
  workerFacts?: { workerIds: ReadonlySet<string>; window: { from: Date; to: Date }; byId: Map<string, WorkerFacts> };
};

/**
 * Every hard rule each worker breaks on the target (an empty list: they may take it). With
 * `prefetch` covering every worker asked about, the assignments are taken from it instead of read.
 */
export async function checkWorkers(db: DbOrTx, target: RankingTarget, workerIds: string[], prefetch?: CheckPrefetch): Promise<Map<string, RuleViolation[]>> {
  const violations = new Map<string, RuleViolation[]>();
  if (workerIds.length === 0) return violations;
  const t = target.facts;
  const isShift = target.kind === 'shift';
  const { from, to } = heldWindow(target);
  const live = inArray(assignments.status, ['pending', 'confirmed']);
  const asked = new Set(workerIds);
  const covered = prefetch !== undefined && workerIds.every((id) => prefetch.workerIds.has(id));
  const held = !isShift
    ? []
    : covered
      ? prefetch.held.filter((h) => asked.has(h.workerId))
      : await db
          .select({ workerId: assignments.workerId, shiftId: assignments.shiftId })
          .from(assignments)
          .where(and(inArray(assignments.workerId, workerIds), live, lt(assignments.start, to), gt(assignments.end, from)));
  const heldFacts = await loadShiftFacts(db, [...new Set(held.map((h) => h.shiftId))].filter((id) => id !== t.id));
  const occupants = !isShift
    ? []
    : prefetch
      ? prefetch.occupants
      : await db.select({ id: assignments.id, isNewcomer: assignments.isNewcomer }).from(assignments).where(and(eq(assignments.shiftId, t.id), live));
  const all = [t, ...heldFacts];
  const weeks = factsHorizon(all, target.rules, target.timeZone);
  const organisationIds = new Set(all.map((s) => s.organisationId));
  const horizon = { from: weeks.start.toJSDate(), to: weeks.end.toJSDate(), timeZone: target.timeZone };
  const entryOptions = { packageIds: new Set(all.map((s) => s.packageId)), organisationIds };
  const facts = prefetch?.workerFacts;
  // Facts read for a window holding the horizon give the same entries: toWorkerEntry keeps only the
  // exceptions overlapping the horizon.
  const factsHold = facts !== undefined && facts.window.from <= horizon.from && facts.window.to >= horizon.to && workerIds.every((id) => facts.workerIds.has(id));
  const entries = factsHold
    ? new Map(workerIds.flatMap((id) => (facts.byId.has(id) ? [[id, toWorkerEntry(facts.byId.get(id)!, horizon, entryOptions)] as const] : [])))
    : await loadWorkerEntries(db, workerIds, horizon, entryOptions);
  const docWorkers: ProblemDocument['workers'] = [];
  for (const entry of entries.values()) {
    const { regionId: _r, kind: _k, minDaysPerYear: _m, ...worker } = entry;
    docWorkers.push(worker);
  }
  for (const o of occupants) docWorkers.push({ id: `occupant-${o.id}`, lat: t.lat, lon: t.lon, maxTravelKm: 0, packages: [], newcomer: o.isNewcomer });
  const problem = compileOrThrow(factsProblemDocument(`ranking-${t.id}`, weeks, target.rules, all, docWorkers));
  const plan = new Plan(problem);
  const shiftIndex = problem.shiftIndex;
  for (const h of held) if (h.shiftId !== t.id) plan.add(shiftIndex.get(h.shiftId)!, problem.workerIndex.get(h.workerId)!);
  for (const o of occupants) plan.add(shiftIndex.get(t.id)!, problem.workerIndex.get(`occupant-${o.id}`)!);
  const rules = isShift ? hardConstraints : hardConstraints.filter((c) => PERSONAL_RULES.includes(c.rule));
  const s = shiftIndex.get(t.id)!;
  for (const workerId of workerIds) {
    const w = problem.workerIndex.get(workerId);
    if (w === undefined) continue;
    const list: RuleViolation[] = [];
    for (const constraint of rules) {
      const reason = constraint.whyNot(plan, s, w);
      if (reason) list.push({ rule: reason.rule, params: toJsonParams(reason.params), message: describe(reason.rule, reason.params) });
    }
    violations.set(workerId, list);
  }
  return violations;
}
