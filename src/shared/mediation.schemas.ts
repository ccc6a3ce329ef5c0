import { z } from 'zod';
import { ZEligibilityRule, ZRuleViolation } from './assignments.schemas.js';
import { ZId } from './common.schemas.js';
import { refineUniqueKeys, ZCompetenceRequirement, ZCompetenceRequirements } from './competences.schemas.js';
import { ZEntryKind } from './journey.schemas.js';

export const ZScorePartName = z.enum(['packageFit', 'competences', 'distance', 'availability', 'preference', 'continuity', 'fairness', 'reservistProgress']);
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

/** The engine's hard rules, and the ranking's own: a competence the request requires. */
export const ZRankingRule = z.enum([...ZEligibilityRule.options, 'competence']);
export type TRankingRule = z.infer<typeof ZRankingRule>;
export const ZRankingViolation = ZRuleViolation.extend({ rule: ZRankingRule });

export const ZRuledOutGroup = z.object({
  rule: ZRankingRule,
  count: z.number().int(),
  examples: z.array(z.object({ workerId: ZId, name: z.string(), violation: ZRankingViolation.nullable() })),
  /** For `competence`: how many of the group miss each required competence (a worker may miss several). */
  byCompetence: z.array(z.object({ key: z.string(), count: z.number().int() })).optional(),
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

const ZInstant = z.iso.datetime({ offset: true });

export const ZCreateMediationRequest = z
  .object({
    locationId: ZId,
    /** The first package is the one a candidate must hold; the others count toward package fit. */
    packageIds: z.array(ZId).min(1).max(10),
    periodStart: ZInstant,
    periodEnd: ZInstant,
    shiftsPerWeek: z.number().int().min(1).max(14).nullable().default(null),
    supervisionCapacity: z.number().int().min(0).max(20).default(0),
    description: z.string().trim().max(2000).default(''),
    /** Competences beyond the packages: required ones rule others out, wished ones add to the score. */
    competences: ZCompetenceRequirements.default([]),
  })
  .refine((r) => Date.parse(r.periodEnd) > Date.parse(r.periodStart), { path: ['periodEnd'], message: 'must be after periodStart' })
  .superRefine((r, ctx) => refineUniqueKeys(r.competences, ctx, 'competences'));
export type TCreateMediationRequest = z.infer<typeof ZCreateMediationRequest>;

export const ZMediationRequest = z.object({
  id: ZId,
  organisationId: ZId,
  organisationName: z.string(),
  regionId: ZId,
  locationId: ZId,
  packageIds: z.array(ZId),
  periodStart: z.string(),
  periodEnd: z.string(),
  shiftsPerWeek: z.number().int().nullable(),
  supervisionCapacity: z.number().int(),
  description: z.string(),
  status: z.enum(['open', 'filled', 'closed']),
  createdAt: z.string(),
  firstOfferAt: z.string().nullable(),
  competences: z.array(ZCompetenceRequirement),
});
export type TMediationRequest = z.infer<typeof ZMediationRequest>;

export const ZMediationRequestsQuery = z.object({ status: z.enum(['open', 'filled', 'closed']).optional() });

export const ZCreateOffers = z.object({ workerIds: z.array(ZId).min(1).max(10), note: z.string().trim().max(1000).default('') });
export type TCreateOffers = z.infer<typeof ZCreateOffers>;

export const ZNextStep = z.enum(['other_organisation', 'other_package', 'training']);

export const ZDeclineOffer = z.object({ reason: z.string().trim().min(3, 'say why').max(500), nextStep: ZNextStep });
export type TDeclineOffer = z.infer<typeof ZDeclineOffer>;

export const ZOffer = z.object({
  id: ZId,
  requestId: ZId,
  workerId: ZId,
  workerName: z.string(),
  note: z.string(),
  status: z.enum(['offered', 'accepted', 'declined']),
  createdAt: z.string(),
  answeredAt: z.string().nullable(),
  declineReason: z.string().nullable(),
  nextStep: ZNextStep.nullable(),
});
export type TOffer = z.infer<typeof ZOffer>;

export const ZMediationQueues = z.object({
  now: z.string(),
  firstOfferWithinHours: z.number(),
  answerWithinHours: z.number(),
  welcomeCallWithinHours: z.number(),
  /** A check-in is overdue this many days after its due date. */
  checkInGraceDays: z.number(),
  awaitingFirstOffer: z.array(
    z.object({ requestId: ZId, organisationName: z.string(), createdAt: z.string(), ageHours: z.number(), isOverdue: z.boolean() }),
  ),
  awaitingAnswer: z.array(
    z.object({ offerId: ZId, requestId: ZId, organisationName: z.string(), workerName: z.string(), createdAt: z.string(), ageHours: z.number(), isOverdue: z.boolean() }),
  ),
  /** New registrations without a welcome call, oldest first (service level 24 h). */
  awaitingWelcomeCall: z.array(
    z.object({
      journeyId: ZId,
      workerId: ZId,
      name: z.string(),
      entryKind: ZEntryKind,
      ownerUserId: ZId.nullable(),
      ownerName: z.string().nullable(),
      registeredAt: z.string(),
      ageHours: z.number(),
      isOverdue: z.boolean(),
    }),
  ),
  /** Check-ins at 1 and 3 months whose due date has come, oldest first. */
  checkInsDue: z.array(
    z.object({
      journeyId: ZId,
      workerId: ZId,
      name: z.string(),
      step: z.enum(['check_in_1m', 'check_in_3m']),
      ownerUserId: ZId.nullable(),
      ownerName: z.string().nullable(),
      dueOn: z.string(),
      daysPastDue: z.int(),
      isOverdue: z.boolean(),
    }),
  ),
  overdueCount: z.number().int(),
});
export type TMediationQueues = z.infer<typeof ZMediationQueues>;

/** The mediator or the organisation's planner picks open shifts of the organisation for an accepted person. */
export const ZPlaceOnShifts = z.object({ shiftIds: z.array(ZId).min(1).max(50) });
export type TPlaceOnShifts = z.infer<typeof ZPlaceOnShifts>;

/** All or nothing: when one shift is refused the answer is 409 with an issue per refused `shiftIds[i]`. */
export const ZPlacementResult = z.object({ placed: z.array(z.object({ shiftId: ZId, assignmentId: ZId })) });
export type TPlacementResult = z.infer<typeof ZPlacementResult>;
