import type { Plan } from '../plan.js';
import { withReason, type HardConstraint } from './constraint.js';

function over(plan: Plan, worker: number, minutes: number): number {
  return Math.max(0, minutes - plan.problem.workerWeeklyCapMinutes[worker]!);
}

function slot(plan: Plan, shift: number, worker: number): number {
  return worker * plan.problem.weekCount + plan.problem.shiftWeek[shift]!;
}

/** H8: minutes per week (by shift start) stay within the rules' and the worker's own cap. */
export const weeklyHours: HardConstraint = withReason({
  id: 'weekly-hours',
  name: 'Weekly hours cap',
  level: 'hard',
  specRule: 'H8',
  rule: 'weeklyHours',
  weight: 1,
  description: 'Per worker and week, the minutes of the shifts starting in that week are at most min(rules.maxMinutesPerWeek, worker.maxMinutesPerWeek). Penalty: minutes over.',
  isPairwise: false,
  evaluate: (plan) => {
    let total = 0;
    const weeks = plan.problem.weekCount;
    plan.weekMinutes.forEach((minutes, k) => { total += over(plan, Math.floor(k / weeks), minutes); });
    return total;
  },
  deltaAssign: (plan, shift, worker) => {
    const m = plan.weekMinutes[slot(plan, shift, worker)]!;
    return over(plan, worker, m + plan.problem.shiftMinutes[shift]!) - over(plan, worker, m);
  },
  deltaUnassign: (plan, shift, worker) => {
    const m = plan.weekMinutes[slot(plan, shift, worker)]!;
    return over(plan, worker, m - plan.problem.shiftMinutes[shift]!) - over(plan, worker, m);
  },
}, (plan, shift, worker) => ({
  week: plan.problem.shiftWeek[shift]!,
  minutes: plan.weekMinutes[slot(plan, shift, worker)]! + plan.problem.shiftMinutes[shift]!,
  capMinutes: plan.problem.workerWeeklyCapMinutes[worker]!,
}));
