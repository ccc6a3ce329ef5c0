import { hardConstraints, softConstraints, type EligibilityRule, type ScoreTerm } from './constraints/index.js';
import type { Plan } from './plan.js';

export interface AssignmentExplanation {
  shiftId: string;
  workerId: string;
  /** What this assignment adds to each score term (its marginal cost: the saving if it were undone). */
  costs: Partial<Record<Exclude<ScoreTerm, 'uncovered'>, number>>;
  /** The uncovered penalty it avoids (weights.uncovered × priority). */
  covers: number;
}

export interface OpenPlaceExplanation {
  shiftId: string;
  open: number;
  priority: number;
  /** Per rule, how many workers of the pool it rules out (a worker can be ruled out by several). */
  blockedBy: Partial<Record<EligibilityRule, number>>;
  /** Workers no hard rule rules out: taking one would cost more than the open place does. */
  eligible: number;
}

export interface PlanExplanation {
  assignments: AssignmentExplanation[];
  openPlaces: OpenPlaceExplanation[];
}

/** Why the plan is as it is, from the same constraint units that score it. */
export function explainPlan(plan: Plan): PlanExplanation {
  const p = plan.problem;
  const assignments = plan.assignments().map(({ shift, worker }): AssignmentExplanation => {
    const costs: AssignmentExplanation['costs'] = {};
    let covers = 0;
    for (const c of softConstraints) {
      const saving = -c.deltaUnassign(plan, shift, worker);
      if (c.term === 'uncovered') covers = -saving;
      else if (saving !== 0) costs[c.term] = saving;
    }
    return { shiftId: p.shiftIds[shift]!, workerId: p.workerIds[worker]!, costs, covers };
  });
  const openPlaces: OpenPlaceExplanation[] = [];
  plan.shiftWorkers.forEach((onShift, shift) => {
    const open = p.shiftDemand[shift]! - onShift.length;
    if (open <= 0) return;
    const blockedBy: OpenPlaceExplanation['blockedBy'] = {};
    let eligible = 0;
    for (let worker = 0; worker < p.workerIds.length; worker++) {
      const rules = new Set<EligibilityRule>();
      for (const c of hardConstraints) {
        const reason = c.whyNot(plan, shift, worker);
        if (reason) rules.add(reason.rule);
      }
      for (const rule of rules) blockedBy[rule] = (blockedBy[rule] ?? 0) + 1;
      if (rules.size === 0) eligible++;
    }
    openPlaces.push({ shiftId: p.shiftIds[shift]!, open, priority: p.shiftPriority[shift]!, blockedBy, eligible });
  });
  return { assignments, openPlaces };
}

/** One line per open place, e.g. `s-12 (2 open, priority 3): 12 package, 5 travel, 3 rest`. */
export function formatOpenPlace(place: OpenPlaceExplanation): string {
  const parts = Object.entries(place.blockedBy).sort((a, b) => b[1] - a[1]).map(([rule, n]) => `${n} ${rule}`);
  if (place.eligible > 0) parts.push(`${place.eligible} eligible but costlier than leaving it open`);
  return `${place.shiftId} (${place.open} open, priority ${place.priority}): ${parts.join(', ')}`;
}
