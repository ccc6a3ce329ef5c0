// Small problem builders and the delta-versus-recompute property shared by the constraint tests.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compileOrThrow, type CompiledProblem } from '../compile.js';
import { PROBLEM_FORMAT, type ProblemDocument } from '../documents.js';
import { generateProblem } from '../generate.js';
import { Plan } from '../plan.js';
import type { RegionalConstraint } from './constraint.js';

type ShiftDoc = ProblemDocument['shifts'][number];
type WorkerDoc = ProblemDocument['workers'][number];

/** A Monday in winter; local time is UTC+1. */
export const MONDAY = '2027-01-04';

export function at(day: number, hour: number): string {
  const d = new Date(Date.parse(`${MONDAY}T00:00:00+01:00`) + day * 86_400_000 + hour * 3_600_000 + 3_600_000);
  return d.toISOString().replace('.000Z', '+01:00');
}

export function buildShift(overrides: Partial<ShiftDoc> = {}): ShiftDoc {
  return { id: 's-1', locationId: 'loc-1', packageId: 'basic', start: at(0, 7), end: at(0, 15), demand: 1, priority: 1, supervisionCapacity: 0, ...overrides };
}

export function buildWorker(overrides: Partial<WorkerDoc> = {}): WorkerDoc {
  return { id: 'w-1', lat: 52.09, lon: 5.12, maxTravelKm: 30, packages: ['basic', 'nursing'], registrationExpires: '2030-01-01T00:00:00+01:00', hourlyCost: 0, ...overrides };
}

/** Two organisations with one location each (loc-1 in Utrecht, loc-2 in Amersfoort, ~20 km apart), a week's horizon. */
export function buildProblem(parts: { shifts?: ShiftDoc[]; workers?: WorkerDoc[] } & Partial<Omit<ProblemDocument, 'shifts' | 'workers'>> = {}): CompiledProblem {
  const doc: ProblemDocument = {
    format: PROBLEM_FORMAT,
    id: 'fixture',
    horizonStart: `${MONDAY}T00:00:00+01:00`,
    horizonEnd: at(14, 0),
    rules: { minRestMinutes: 660, maxMinutesPerWeek: 3600 },
    packages: [{ id: 'basic', name: 'Basiszorg', requiresRegistration: false }, { id: 'nursing', name: 'Verpleegkundige zorg', requiresRegistration: true }],
    organisations: [{ id: 'org-1', name: 'Ziekenhuis' }, { id: 'org-2', name: 'Verpleeghuis' }],
    locations: [{ id: 'loc-1', organisationId: 'org-1', lat: 52.09, lon: 5.12 }, { id: 'loc-2', organisationId: 'org-2', lat: 52.156, lon: 5.387 }],
    ...parts,
    shifts: parts.shifts ?? [buildShift()],
    workers: parts.workers ?? [buildWorker()],
  };
  return compileOrThrow(doc);
}

/** A plan holding the given (shiftId, workerId) pairs. */
export function planWith(problem: CompiledProblem, pairs: Array<[string, string]>): Plan {
  const plan = new Plan(problem);
  for (const [s, w] of pairs) plan.add(problem.shiftIndex.get(s)!, problem.workerIndex.get(w)!);
  return plan;
}

export function indexOf(problem: CompiledProblem, shiftId: string, workerId: string): [number, number] {
  return [problem.shiftIndex.get(shiftId)!, problem.workerIndex.get(workerId)!];
}

/**
 * Property: along any sequence of additions and removals (feasible or not, repeats included), the
 * constraint's deltas equal the change of its full recomputation.
 */
export function assertDeltasMatchRecompute(constraint: RegionalConstraint, runs = 40): void {
  const problems = [1, 2, 3].map((seed) => compileOrThrow(generateProblem({ seed, workers: 6, days: 3, places: 14, locations: 3 })));
  fc.assert(fc.property(
    fc.integer({ min: 0, max: problems.length - 1 }),
    fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { minLength: 1, maxLength: 40 }),
    (which, ops) => {
      const problem = problems[which]!;
      const plan = new Plan(problem);
      let penalty = constraint.evaluate(plan);
      for (const [a, b, isAdd] of ops) {
        const held = plan.assignments();
        if (isAdd || held.length === 0) {
          const shift = a % problem.shiftIds.length;
          const worker = b % problem.workerIds.length;
          const delta = constraint.deltaAssign(plan, shift, worker);
          plan.add(shift, worker);
          const next = constraint.evaluate(plan);
          assert.ok(Math.abs(next - penalty - delta) < 1e-6, `${constraint.id}: assign delta ${delta}, recompute ${next - penalty}`);
          penalty = next;
        } else {
          const { shift, worker } = held[a % held.length]!;
          const delta = constraint.deltaUnassign(plan, shift, worker);
          plan.remove(shift, worker);
          const next = constraint.evaluate(plan);
          assert.ok(Math.abs(next - penalty - delta) < 1e-6, `${constraint.id}: unassign delta ${delta}, recompute ${next - penalty}`);
          penalty = next;
        }
      }
    },
  ), { seed: 42, numRuns: runs });
}
