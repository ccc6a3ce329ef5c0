import { z } from 'zod';
import { ZId } from './common.schemas.js';
import { ZRuleViolation } from './assignments.schemas.js';

export const ZScore = z.object({ hard: z.number(), soft: z.number() });

export const ZScoreBreakdown = z.object({
  uncovered: z.number(),
  travel: z.number(),
  unpreferred: z.number(),
  overDesired: z.number(),
  underMinimum: z.number(),
  cost: z.number(),
  total: z.number(),
});

export const ZSolveQuery = z.object({ timeLimitSeconds: z.coerce.number().int().min(1).max(600).default(30) });

export const ZJobAccepted = z.object({ jobId: ZId, status: z.string() });

export const ZRunStatus = z.enum(['queued', 'running', 'done', 'failed', 'cancelled', 'published']);

export const ZSolveStatus = z.object({
  jobId: ZId,
  kind: z.enum(['document', 'auto']),
  status: ZRunStatus,
  timeLimitSeconds: z.int(),
  elapsedMs: z.number().nullable(),
  bestScore: ZScore.nullable(),
  error: z.string().nullable(),
  /** The solution document once the search has stopped (finished, stopped early, or published). */
  solution: z
    .object({
      format: z.string(),
      problemId: z.string(),
      assignments: z.array(z.object({ shiftId: z.string(), workerId: z.string() })),
      score: ZScoreBreakdown.optional(),
    })
    .nullable(),
});
export type TSolveStatus = z.infer<typeof ZSolveStatus>;

export const ZStartPlanningRequest = z
  .object({
    regionId: ZId,
    /** Plan only this organisation's shifts (planners); without it the whole region (coordinators). */
    organisationId: ZId.nullable().default(null),
    from: z.iso.datetime({ offset: true }),
    to: z.iso.datetime({ offset: true }),
    timeLimitSeconds: z.int().min(1).max(600).default(30),
  })
  .refine((r) => Date.parse(r.to) > Date.parse(r.from), { path: ['to'], message: 'must be after from' })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 56 * 86_400_000, { path: ['to'], message: 'a plan spans at most eight weeks' });
export type TStartPlanningRequest = z.infer<typeof ZStartPlanningRequest>;

export const ZProposal = z.object({
  shiftId: ZId,
  workerId: ZId,
  workerName: z.string(),
  organisationId: ZId,
  organisationName: z.string(),
  locationName: z.string(),
  packageCode: z.string(),
  start: z.iso.datetime({ offset: true }),
  end: z.iso.datetime({ offset: true }),
  /** What this assignment costs per score term, and the uncovered penalty it avoids. */
  costs: z.record(z.string(), z.number()),
  covers: z.number(),
});

export const ZOpenPlace = z.object({
  shiftId: ZId,
  organisationName: z.string(),
  locationName: z.string(),
  packageCode: z.string(),
  start: z.iso.datetime({ offset: true }),
  open: z.int(),
  priority: z.int(),
  /** Per rule, how many workers of the pool it rules out. */
  blockedBy: z.record(z.string(), z.int()),
  eligible: z.int(),
});

export const ZPlanningPreview = ZSolveStatus.extend({
  regionId: ZId.nullable(),
  organisationId: ZId.nullable(),
  horizonStart: z.iso.datetime({ offset: true }).nullable(),
  horizonEnd: z.iso.datetime({ offset: true }).nullable(),
  pinnedCount: z.int(),
  current: ZScoreBreakdown.nullable(),
  proposed: ZScoreBreakdown.nullable(),
  proposals: z.array(ZProposal),
  openPlaces: z.array(ZOpenPlace),
  publishReport: z
    .object({
      created: z.int(),
      confirmed: z.int(),
      offered: z.int(),
      skipped: z.array(z.object({ shiftId: ZId, workerId: ZId, violations: z.array(ZRuleViolation) })),
    })
    .nullable(),
});
export type TPlanningPreview = z.infer<typeof ZPlanningPreview>;

export const ZListPlanningRunsQuery = z.object({ regionId: ZId.optional() });
