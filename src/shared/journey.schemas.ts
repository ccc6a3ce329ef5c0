// The intake journey: self-service registration, the journey's dated steps, newcomer independence
// per package, the BIG re-registration checklist and the funnel figures. One schema per API shape.
import { z } from 'zod';
import { ZSetWorkerCompetences } from './competences.schemas.js';
import { ZId, ZPostcode } from './common.schemas.js';
import { ZWeeklyWindow } from './workers.schemas.js';

/** The consent text the registration form shows; a registration must name this version. */
export const CONSENT_VERSION = '2026-11-1';

/** How a person comes in (wider than the worker kind: re-entrants and extra hands have their own route). */
export const ZEntryKind = z.enum(['re_entrant', 'side_entrant', 'reservist', 'extra_hands', 'student']);
export type TEntryKind = z.infer<typeof ZEntryKind>;

/** The steps in order; `registration` is done by the form, `matching` by an accepted offer (or by hand). */
export const journeySteps = ['registration', 'welcome_call', 'orientation', 'matching', 'agreement', 'onboarding', 'check_in_1m', 'check_in_3m'] as const;
export const ZJourneyStep = z.enum(journeySteps);
export type TJourneyStep = z.infer<typeof ZJourneyStep>;

/** The step the journey waits for; `completed` after the 3-month check-in, `closed` when the person stopped. */
export const ZJourneyStage = z.enum(['welcome_call', 'orientation', 'matching', 'agreement', 'onboarding', 'check_in_1m', 'check_in_3m', 'completed', 'closed']);
export type TJourneyStage = z.infer<typeof ZJourneyStage>;

export const ZContractKind = z.enum(['employment', 'reservist_agreement', 'on_call', 'regional_pool']);
export type TContractKind = z.infer<typeof ZContractKind>;

const ZText = (max: number) => z.string().trim().max(max);
const ZDate = z.iso.date();
const ZInstant = z.iso.datetime({ offset: true });

// ---------------------------------------------------------------- registration (anonymous)

/** What the public form needs: per region its organisations and activity packages. */
export const ZRegistrationOptions = z.object({
  consentVersion: z.string(),
  regions: z.array(
    z.object({
      id: ZId,
      name: z.string(),
      organisations: z.array(z.object({ id: ZId, name: z.string() })),
      packages: z.array(z.object({ id: ZId, code: z.string(), nameNl: z.string(), nameEn: z.string() })),
    }),
  ),
});
export type TRegistrationOptions = z.infer<typeof ZRegistrationOptions>;

export const ZRegistration = z.object({
  regionId: ZId,
  entryKind: ZEntryKind,
  firstName: ZText(80).min(1),
  lastName: ZText(120).min(1),
  email: z.email().max(254),
  phone: ZText(40).min(6, 'give a phone number for the welcome call'),
  postcode: ZPostcode,
  /** The password of the new login (10–200 characters). */
  password: z.string().min(10, 'must be at least 10 characters').max(200),
  locale: z.enum(['nl', 'en']).default('nl'),
  /** Activity packages and organisations the person is interested in (wishes, not yet competences). */
  interestPackageIds: z.array(ZId).max(20).default([]),
  interestOrganisationIds: z.array(ZId).max(50).default([]),
  /** Availability wishes: weekly windows and hours per week. */
  weeklyAvailability: z.array(ZWeeklyWindow).max(50).default([]),
  desiredHoursPerWeek: z.int().min(1).max(60).nullable().default(null),
  maxTravelKm: z.int().min(1).max(300).default(25),
  freeText: ZText(2000).default(''),
  /** Explicit consent for the use of these data; `version` must be CONSENT_VERSION. */
  consent: z.object({ isGiven: z.literal(true, 'consent is required'), version: z.string().min(1) }),
});
export type TRegistration = z.infer<typeof ZRegistration>;

export const ZRegistrationResult = z.object({ journeyId: ZId, workerId: ZId, userId: ZId, email: z.string() });
export type TRegistrationResult = z.infer<typeof ZRegistrationResult>;

// ---------------------------------------------------------------- steps

export const ZWelcomeCallStep = z.object({
  step: z.literal('welcome_call'),
  notes: ZText(4000).min(3, 'write what was discussed'),
  /** Interests as confirmed in the call (replace the form's). */
  interestPackageIds: z.array(ZId).max(20).optional(),
  interestOrganisationIds: z.array(ZId).max(50).optional(),
  constraints: ZText(2000).default(''),
  /** Competences the mediator established: the packages the person may work in, and the level. */
  packageIds: z.array(ZId).max(50).optional(),
  qualificationLevel: z.int().min(1).max(6).optional(),
  /** The person's competences as established in the call (replace theirs; `confirmed` as in `ZSetWorkerCompetences`). */
  competences: ZSetWorkerCompetences.shape.competences.optional(),
});

export const ZOrientationStep = z.object({
  step: z.literal('orientation'),
  outcome: z.enum(['done', 'skipped']),
  notes: ZText(4000).default(''),
});

export const ZMatchingStep = z.object({
  step: z.literal('matching'),
  /** The organisation the person goes to; null for the regional pool. */
  organisationId: ZId.nullable(),
  notes: ZText(2000).default(''),
});

export const ZAgreementStep = z.object({
  step: z.literal('agreement'),
  contractKind: ZContractKind,
  /** Required unless the contract is with the regional pool. */
  organisationId: ZId.nullable(),
  startsOn: ZDate,
  hoursPerWeek: z.number().min(0).max(60).nullable().default(null),
  notes: ZText(2000).default(''),
});

export const ZOnboardingStep = z.object({
  step: z.literal('onboarding'),
  /** The fixed contact and the buddy at the organisation. */
  fixedContactName: ZText(120).min(2),
  buddyName: ZText(120).min(2),
  notes: ZText(2000).default(''),
});

export const ZCheckInStep = z.object({
  step: z.enum(['check_in_1m', 'check_in_3m']),
  notes: ZText(4000).min(3, 'write how it goes'),
  /** Whether the person still works in care through this placement (the funnel's "active"). */
  isStillActive: z.boolean(),
});

/** Recording a step: the body names the step, the other fields depend on it. */
export const ZRecordStep = z.discriminatedUnion('step', [ZWelcomeCallStep, ZOrientationStep, ZMatchingStep, ZAgreementStep, ZOnboardingStep, ZCheckInStep]);
export type TRecordStep = z.infer<typeof ZRecordStep>;

export const ZJourneyStepRecord = z.object({
  step: ZJourneyStep,
  doneAt: z.string(),
  doneByUserId: ZId.nullable(),
  doneByName: z.string().nullable(),
  /** The body the step was recorded with, without `step`; registration: the form's interests. */
  details: z.record(z.string(), z.unknown()),
});
export type TJourneyStepRecord = z.infer<typeof ZJourneyStepRecord>;

export const ZBookOrientation = z
  .object({
    locationId: ZId,
    /** The package the shadow day is in (the shift's package). */
    packageId: ZId,
    start: ZInstant,
    end: ZInstant,
    note: ZText(500).default(''),
  })
  .refine((o) => Date.parse(o.end) > Date.parse(o.start), { path: ['end'], message: 'must be after start' })
  .refine((o) => Date.parse(o.end) - Date.parse(o.start) <= 16 * 3_600_000, { path: ['end'], message: 'a shadow day lasts at most 16 hours' });
export type TBookOrientation = z.infer<typeof ZBookOrientation>;

export const ZOrientationBooking = z.object({
  shiftId: ZId,
  assignmentId: ZId,
  locationId: ZId,
  locationName: z.string(),
  /** The location's IANA zone, for showing the day and times. */
  timeZone: z.string(),
  organisationId: ZId,
  organisationName: z.string(),
  start: z.string(),
  end: z.string(),
  status: z.string(),
  /** Set when a mediator or coordinator cancelled the shadow day (shift and assignment cancelled with this reason). */
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
});
export type TOrientationBooking = z.infer<typeof ZOrientationBooking>;

/** Cancel a booked shadow day that has not begun; the person hears why. Rebooking is a new booking. */
export const ZCancelOrientation = z.object({ reason: ZText(500).min(3, 'say why') });
export type TCancelOrientation = z.infer<typeof ZCancelOrientation>;

export const ZLearningPlan = z.object({
  goals: z.array(ZText(300).min(2)).min(1, 'write at least one goal').max(12),
  supportWishes: ZText(2000).default(''),
});
export type TLearningPlan = z.infer<typeof ZLearningPlan>;

export const ZSetJourneyOwner = z.object({ ownerUserId: ZId });
export const ZCloseJourney = z.object({ reason: ZText(500).min(3, 'say why') });

export const ZJourneySummary = z.object({
  id: ZId,
  workerId: ZId,
  regionId: ZId,
  name: z.string(),
  entryKind: ZEntryKind,
  stage: ZJourneyStage,
  ownerUserId: ZId.nullable(),
  ownerName: z.string().nullable(),
  organisationId: ZId.nullable(),
  organisationName: z.string().nullable(),
  registeredAt: z.string(),
  /** The last step recorded and when. */
  lastStep: ZJourneyStep,
  lastStepAt: z.string(),
});
export type TJourneySummary = z.infer<typeof ZJourneySummary>;

export const ZJourney = ZJourneySummary.extend({
  /** Contact details: mediators, coordinators and the person only (reads are audited); null for planners. */
  contact: z.object({ email: z.string(), phone: z.string(), postcode: z.string() }).nullable(),
  interestPackageIds: z.array(ZId),
  interestOrganisationIds: z.array(ZId),
  /** The activity packages the person may work in (established at the welcome call): the ones a planner can mark them independent in. */
  packageIds: z.array(ZId),
  freeText: z.string(),
  consentVersion: z.string(),
  consentAt: z.string(),
  steps: z.array(ZJourneyStepRecord),
  orientations: z.array(ZOrientationBooking),
  contractKind: ZContractKind.nullable(),
  agreementStartsOn: z.string().nullable(),
  /** Computed from the agreement's start (1 and 3 calendar months later). */
  checkIn1DueOn: z.string().nullable(),
  checkIn3DueOn: z.string().nullable(),
  learningPlan: ZLearningPlan.extend({ updatedAt: z.string() }).nullable(),
  closedReason: z.string().nullable(),
});
export type TJourney = z.infer<typeof ZJourney>;

export const ZJourneysQuery = z.object({
  regionId: ZId.optional(),
  stage: ZJourneyStage.optional(),
  ownerUserId: ZId.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

// ---------------------------------------------------------------- newcomer independence per package

export const ZMarkIndependent = z.object({ packageId: ZId });

export const ZPackageIndependence = z.object({
  workerId: ZId,
  packageId: ZId,
  organisationId: ZId,
  markedByUserId: ZId.nullable(),
  markedAt: z.string(),
});
export type TPackageIndependence = z.infer<typeof ZPackageIndependence>;

// ---------------------------------------------------------------- BIG re-registration checklist

/** Wet BIG: re-registration every 5 years with ≥ 2,080 hours worked in the profession (domain.md §2.1). */
export const BIG_REQUIRED_HOURS = 2080;
/** Reminders go out at 6, 3 and 1 months before the registration expires. */
export const BIG_REMINDER_MONTHS = [6, 3, 1] as const;

export const ZBigChecklistItem = z.object({
  credentialId: ZId,
  profession: z.string(),
  expiresOn: z.string().nullable(),
  /** Whole days until expiry on the region's calendar (negative: expired). */
  daysToExpiry: z.int().nullable(),
  hoursInHarmonica: z.number(),
  declaredHours: z.number(),
  requiredHours: z.number(),
  hasEnoughHours: z.boolean(),
  isTrainingDone: z.boolean(),
  accreditationNote: z.string(),
  /** ok: enough hours or training done and not expiring within 6 months; attention: expiring within 6 months and not ready; expired. */
  status: z.enum(['ok', 'attention', 'expired', 'no_expiry']),
});
export type TBigChecklistItem = z.infer<typeof ZBigChecklistItem>;

export const ZBigChecklist = z.object({ workerId: ZId, items: z.array(ZBigChecklistItem) });
export type TBigChecklist = z.infer<typeof ZBigChecklist>;

export const ZUpdateBigChecklist = z.object({
  /** Hours worked in the profession in the last 5 years outside Harmonica. */
  declaredHours: z.number().min(0).max(20_000).optional(),
  isTrainingDone: z.boolean().optional(),
  accreditationNote: ZText(1000).optional(),
});
export type TUpdateBigChecklist = z.infer<typeof ZUpdateBigChecklist>;

// ---------------------------------------------------------------- funnel

const ZFunnelPeriod = z.object({
  /** The cohort: people who registered from `from` (inclusive) to `to` (exclusive), days in the region's zone. */
  from: ZDate,
  to: ZDate,
  organisationId: ZId.optional(),
});
const toAfterFrom = (q: { from: string; to: string }) => q.to > q.from;

export const ZFunnelQuery = ZFunnelPeriod.refine(toAfterFrom, { path: ['to'], message: 'must be after from' });

/** nl: semicolons and decimal commas (Dutch Excel); en: commas and decimal points. Default: the user's language. */
export const ZFunnelCsvQuery = ZFunnelPeriod.extend({ locale: z.enum(['nl', 'en']).optional() }).refine(toAfterFrom, { path: ['to'], message: 'must be after from' });
export type TFunnelQuery = z.infer<typeof ZFunnelQuery>;

export const ZFunnelMedian = z.object({
  from: z.string(),
  to: z.string(),
  /** Median hours between the two steps over the people who did both; null when nobody did. */
  medianHours: z.number().nullable(),
  count: z.int(),
});

export const ZFunnel = z.object({
  regionId: ZId,
  organisationId: ZId.nullable(),
  from: z.string(),
  to: z.string(),
  now: z.string(),
  registrations: z.int(),
  welcomeCalls: z.int(),
  offeredPeople: z.int(),
  offers: z.int(),
  acceptedPeople: z.int(),
  started: z.int(),
  /** Started people whose 3-month mark has passed (the denominator of activeAfter3Months). */
  threeMonthsDue: z.int(),
  activeAfter3Months: z.int(),
  medians: z.array(ZFunnelMedian),
});
export type TFunnel = z.infer<typeof ZFunnel>;
