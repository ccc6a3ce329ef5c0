import { z } from 'zod';
import { ZId, ZPostcode } from './common.schemas.js';

export const ZWorkerKind = z.enum(['own_staff', 'reservist', 'flex', 'side_entrant', 'student']);
export type TWorkerKind = z.infer<typeof ZWorkerKind>;

export const ZWeeklyWindow = z
  .object({
    /** 1 = Monday … 7 = Sunday */
    weekday: z.int().min(1).max(7),
    startMinute: z.int().min(0).max(1439),
    /** may run past midnight, up to 36:00 */
    endMinute: z.int().min(1).max(2160),
  })
  .refine((w) => w.endMinute > w.startMinute, { path: ['endMinute'], message: 'must be after startMinute' });
export type TWeeklyWindow = z.infer<typeof ZWeeklyWindow>;

/** A comparison of two fields runs only when both are well-formed (else it would name the wrong field). */
const whenValid =
  (...fields: string[]) =>
  (payload: { issues: readonly { path?: readonly PropertyKey[] | undefined }[] }) =>
    payload.issues.every((issue) => !fields.includes(String(issue.path?.[0])));

/** The longest one dated exception may last, in days of the worker's region's zone (checked by the service). */
export const MAX_EXCEPTION_DAYS = 90;

/**
 * A dated exception to the weekly pattern, as a worker enters it: extra availability (`isAvailable`)
 * or unavailability (holiday, sickness, an exam), with an optional reason. Instants with an offset.
 */
export const ZAvailabilityException = z
  .object({
    isAvailable: z.boolean(),
    start: z.iso.datetime({ offset: true }),
    end: z.iso.datetime({ offset: true }),
    reason: z.string().trim().max(200).default(''),
  })
  .refine((e) => Date.parse(e.end) > Date.parse(e.start), { path: ['end'], message: 'must be after start', when: whenValid('start', 'end') });
export type TAvailabilityException = z.infer<typeof ZAvailabilityException>;
/** What a client sends (the reason may be left out). */
export type TAvailabilityExceptionRequest = z.input<typeof ZAvailabilityException>;

export const ZAvailabilityExceptionView = z.object({
  id: ZId,
  workerId: ZId,
  isAvailable: z.boolean(),
  start: z.iso.datetime({ offset: true }),
  end: z.iso.datetime({ offset: true }),
  reason: z.string(),
});
export type TAvailabilityExceptionView = z.infer<typeof ZAvailabilityExceptionView>;

/** Exceptions that overlap `from`–`to`; `from` defaults to now, `to` to open-ended. */
export const ZListAvailabilityExceptionsQuery = z
  .object({
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.to) > Date.parse(q.from), { path: ['to'], message: 'must be after from', when: whenValid('from', 'to') });

/** What anyone allowed to see a worker sees: no personal data beyond name and kind. */
export const ZWorkerSummary = z.object({
  id: ZId,
  regionId: ZId,
  kind: ZWorkerKind,
  firstName: z.string(),
  lastName: z.string(),
  qualificationLevel: z.int(),
  packageIds: z.array(ZId),
  isNewcomer: z.boolean(),
});
export type TWorkerSummary = z.infer<typeof ZWorkerSummary>;

/** The full profile: personal data, read access is audited. */
export const ZWorkerProfile = ZWorkerSummary.extend({
  email: z.string(),
  phone: z.string(),
  homePostcode: z.string(),
  homeLat: z.number(),
  homeLon: z.number(),
  homeOrganisationId: ZId.nullable(),
  maxTravelKm: z.int(),
  maxMinutesPerWeek: z.int().nullable(),
  desiredMinutesPerWeek: z.int().nullable(),
  minDaysPerYear: z.int().nullable(),
  preferredOrganisationIds: z.array(ZId),
  weeklyAvailability: z.array(ZWeeklyWindow),
});
export type TWorkerProfile = z.infer<typeof ZWorkerProfile>;

export const ZListWorkersQuery = z.object({
  regionId: ZId.optional(),
  kind: ZWorkerKind.optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const ZWorkerList = z.object({ total: z.int(), items: z.array(ZWorkerSummary) });

export const ZUpdateWorkerRequest = z.object({
  phone: z.string().trim().max(40).optional(),
  homePostcode: ZPostcode.optional(),
  maxTravelKm: z.int().min(1).max(300).optional(),
  maxMinutesPerWeek: z.int().min(60).max(60 * 60).nullable().optional(),
  desiredMinutesPerWeek: z.int().min(0).max(60 * 60).nullable().optional(),
  minDaysPerYear: z.int().min(0).max(366).nullable().optional(),
  packageIds: z.array(ZId).max(50).optional(),
  preferredOrganisationIds: z.array(ZId).max(100).optional(),
  weeklyAvailability: z.array(ZWeeklyWindow).max(50).optional(),
});
export type TUpdateWorkerRequest = z.infer<typeof ZUpdateWorkerRequest>;

export const ZCredentialKind = z.enum(['big', 'kwaliteitsregister', 'riziv', 'visum', 'other']);

export const ZCredential = z.object({
  id: ZId,
  workerId: ZId,
  kind: ZCredentialKind,
  number: z.string(),
  profession: z.string(),
  expiresOn: z.iso.date().nullable(),
  verificationStatus: z.enum(['unverified', 'verified', 'rejected']),
  verifiedByUserId: ZId.nullable(),
  verifiedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type TCredential = z.infer<typeof ZCredential>;

export const ZCreateCredentialRequest = z.object({
  kind: ZCredentialKind,
  number: z.string().trim().min(1).max(40),
  profession: z.string().trim().max(80).default(''),
  expiresOn: z.iso.date().nullable().default(null),
});
export type TCreateCredentialRequest = z.infer<typeof ZCreateCredentialRequest>;

export const ZVerifyCredentialRequest = z.object({ verificationStatus: z.enum(['verified', 'rejected']) });

export const ZCreateWorkerRequest = z.object({
  regionId: ZId,
  kind: ZWorkerKind,
  firstName: z.string().trim().min(1).max(80),
  lastName: z.string().trim().min(1).max(120),
  email: z.email().max(254),
  phone: z.string().trim().max(40).default(''),
  homePostcode: ZPostcode,
  qualificationLevel: z.int().min(1).max(6),
  homeOrganisationId: ZId.nullable().default(null),
  maxTravelKm: z.int().min(1).max(300).default(25),
  minDaysPerYear: z.int().min(0).max(366).nullable().default(null),
  isNewcomer: z.boolean().default(false),
  packageIds: z.array(ZId).max(50).default([]),
  /** When given, a login is created for the worker with this password. */
  password: z.string().min(10, 'must be at least 10 characters').max(200).optional(),
});
export type TCreateWorkerRequest = z.infer<typeof ZCreateWorkerRequest>;
