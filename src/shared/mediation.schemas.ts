import { z } from 'zod';
import { ZEligibilityRule, ZRuleViolation } from './assignments.schemas.js';
import { ZId } from './common.schemas.js';

export const ZScorePartName = z.enum(['packageFit', 'distance', 'availability', 'preference', 'continuity', 'fairness', 'reservistProgress']);
export type TScorePartName = z.infer<typeof ZScorePartName>;

/** One named term of a candidate's score: value in [0, 1] times weight gives the points. */
export const ZScorePart = z.object({
  part: ZScorePartName,
  weight: z.number(),
  value: z.number(),
  points: z.number(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
});
export type TScorePart = z.infer<typeof ZScorePart>;

/** A candidate as planners and mediators see them: no address, no contact details. */
export const ZCandidate = z.object({
  workerId: ZId,
  name: z.string(),
  kind: z.string(),
  distanceKm: z.number(),
  score: z.number(),
  parts: z.array(ZScorePart),
});
export type TCandidate = z.infer<typeof ZCandidate>;

export const ZRuledOutGroup = z.object({
  rule: ZEligibilityRule,
  count: z.number().int(),
  examples: z.array(z.object({ workerId: ZId, name: z.string(), violation: ZRuleViolation.nullable() })),
});
export type TRuledOutGroup = z.infer<typeof ZRuledOutGroup>;

export const ZCandidateList = z.object({
  candidates: z.array(ZCandidate),
  /** Workers of the region that passed the quick filter and were checked against every rule. */
  checkedCount: z.number().int(),
  ruledOut: z.array(ZRuledOutGroup),
});
export type TCandidateList = z.infer<typeof ZCandidateList>;

export const ZCandidatesQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(20) });
