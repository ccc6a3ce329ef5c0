import { z } from 'zod';
import { ZId } from './common.schemas.js';

const ZInstant = z.iso.datetime({ offset: true });
const ZLocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM');

const shiftFields = {
  locationId: ZId,
  packageId: ZId,
  places: z.int().min(1).max(50),
  priority: z.int().min(1).max(5).default(3),
  /** How many newcomers (side-entrants, re-entrants) the team can supervise on this shift. */
  supervisionCapacity: z.int().min(0).max(20).default(0),
  notes: z.string().trim().max(2000).default(''),
};

export const ZCreateShiftRequest = z
  .object({ ...shiftFields, start: ZInstant, end: ZInstant })
  .refine((s) => Date.parse(s.end) > Date.parse(s.start), { path: ['end'], message: 'must be after start' });
export type TCreateShiftRequest = z.infer<typeof ZCreateShiftRequest>;

/** A series: the same shift on chosen weekdays between two dates, in the location's time zone. */
export const ZCreateShiftSeriesRequest = z
  .object({
    ...shiftFields,
    /** 1 = Monday … 7 = Sunday */
    weekdays: z.array(z.int().min(1).max(7)).min(1).max(7),
    startTime: ZLocalTime,
    /** An end time at or before the start time means the shift ends the next day (a night shift). */
    endTime: ZLocalTime,
    fromDate: z.iso.date(),
    toDate: z.iso.date(),
  })
  .refine((s) => s.toDate >= s.fromDate, { path: ['toDate'], message: 'must not be before fromDate' })
  .refine((s) => (Date.parse(s.toDate) - Date.parse(s.fromDate)) / 86_400_000 <= 184, { path: ['toDate'], message: 'a series spans at most 26 weeks' });
export type TCreateShiftSeriesRequest = z.infer<typeof ZCreateShiftSeriesRequest>;

export const ZShiftStatus = z.enum(['open', 'cancelled']);

export const ZShift = z.object({
  id: ZId,
  organisationId: ZId,
  organisationName: z.string(),
  locationId: ZId,
  locationName: z.string(),
  timeZone: z.string(),
  packageId: ZId,
  packageCode: z.string(),
  start: ZInstant,
  end: ZInstant,
  places: z.int(),
  priority: z.int(),
  supervisionCapacity: z.int(),
  notes: z.string(),
  status: ZShiftStatus,
  seriesId: ZId.nullable(),
  cancelReason: z.string().nullable(),
  /** Confirmed assignments. */
  filled: z.int(),
  /** Claims waiting for the planner. */
  pending: z.int(),
});
export type TShift = z.infer<typeof ZShift>;

/** Who is coming: only name, package, status and contact — no other personal data. */
export const ZShiftAttendee = z.object({
  assignmentId: ZId,
  workerId: ZId,
  name: z.string(),
  kind: z.string(),
  isNewcomer: z.boolean(),
  status: z.enum(['pending', 'confirmed']),
  email: z.string(),
  phone: z.string(),
});

export const ZShiftDetail = ZShift.extend({ attendees: z.array(ZShiftAttendee) });
export type TShiftDetail = z.infer<typeof ZShiftDetail>;

export const ZListShiftsQuery = z.object({
  organisationId: ZId.optional(),
  locationId: ZId.optional(),
  from: ZInstant.optional(),
  to: ZInstant.optional(),
  status: ZShiftStatus.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const ZCreatedShifts = z.object({ seriesId: ZId.nullable(), shifts: z.array(ZShift) });

export const ZReasonRequest = z.object({ reason: z.string().trim().min(3, 'give a reason the worker will see').max(500) });

export const ZOrganisationSettings = z.object({
  claimMode: z.enum(['instant', 'approval']),
  cancelCutoffHours: z.int().min(0).max(24 * 14),
  swapNeedsApproval: z.boolean(),
});
export type TOrganisationSettings = z.infer<typeof ZOrganisationSettings>;
