import { z } from 'zod';
import { ZId } from './common.schemas.js';
import { ZShift } from './shifts.schemas.js';

export const ZEligibilityRule = z.enum(['package', 'registration', 'availability', 'unavailable', 'travel', 'rest', 'weeklyHours', 'overlap', 'demand', 'supervision']);
export type TEligibilityRule = z.infer<typeof ZEligibilityRule>;

/** Why a worker may not take a shift: the rule, an English sentence, and the numbers for the interface's own wording. */
export const ZRuleViolation = z.object({
  rule: ZEligibilityRule,
  message: z.string(),
  params: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
});
export type TRuleViolation = z.infer<typeof ZRuleViolation>;

export const ZAssignmentStatus = z.enum(['pending', 'confirmed', 'rejected', 'withdrawn', 'cancelled', 'swapped']);

export const ZAssignment = z.object({
  id: ZId,
  shiftId: ZId,
  workerId: ZId,
  status: ZAssignmentStatus,
  source: z.enum(['claim', 'swap', 'planning', 'mediation']),
  isNewcomer: z.boolean(),
  reason: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type TAssignment = z.infer<typeof ZAssignment>;

export const ZOpenShiftForMe = ZShift.extend({
  distanceKm: z.number(),
  isPreferred: z.boolean(),
  isEligible: z.boolean(),
  violations: z.array(ZRuleViolation),
});
export type TOpenShiftForMe = z.infer<typeof ZOpenShiftForMe>;

export const ZOpenShiftsQuery = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  packageId: ZId.optional(),
  organisationId: ZId.optional(),
  maxDistanceKm: z.coerce.number().min(0).max(500).optional(),
  /** Also list the shifts you may not take, each with why not. */
  includeIneligible: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  sort: z.enum(['suggested', 'soonest', 'nearest']).default('suggested'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const ZMyShift = ZAssignment.extend({ shift: ZShift, canCancelUntil: z.iso.datetime({ offset: true }) });
export type TMyShift = z.infer<typeof ZMyShift>;

export const ZMyShiftsQuery = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  status: z.enum(['live', 'all']).default('live'),
});

export const ZReservistProgress = z.object({
  year: z.int(),
  daysWorked: z.int(),
  daysPlanned: z.int(),
  minDaysPerYear: z.int().nullable(),
});

export const ZSwap = z.object({
  id: ZId,
  assignmentId: ZId,
  shiftId: ZId,
  fromWorkerId: ZId,
  fromWorkerName: z.string(),
  toWorkerId: ZId,
  toWorkerName: z.string(),
  status: z.enum(['requested', 'accepted', 'approved', 'declined', 'rejected', 'withdrawn', 'failed']),
  note: z.string(),
  /** Why the planner rejected it (or why it failed). */
  reason: z.string().nullable(),
  /** When the colleague or the planner last decided on it; null while it is only requested. */
  decidedAt: z.iso.datetime({ offset: true }).nullable(),
  /** The shift handed over, so both workers can tell which one it is. */
  shift: ZShift.pick({ id: true, organisationId: true, organisationName: true, locationName: true, timeZone: true, packageId: true, packageCode: true, start: true, end: true }),
});
export type TSwap = z.infer<typeof ZSwap>;

export const ZCreateSwapRequest = z.object({ toWorkerId: ZId, note: z.string().trim().max(500).default('') });

export const ZSwapCandidate = z.object({ workerId: ZId, name: z.string() });

export const ZOptionalReason = z.object({ reason: z.string().trim().max(500).default('') });
