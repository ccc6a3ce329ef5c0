import { z } from 'zod';
import { ZId, ZIanaZone } from './common.schemas.js';

/**
 * Working-time rules of a region: configuration with the Arbeidstijdenwet defaults
 * (domain.md §1.1), not constants in code. Belgian regions start from the Arbeidswet values.
 */
export const ZRegionRules = z.object({
  minRestMinutes: z.int().min(0).max(24 * 60),
  maxMinutesPerWeek: z.int().min(60).max(7 * 24 * 60),
  maxShiftMinutes: z.int().min(60).max(24 * 60),
  /** 1 = weeks start on Monday, 7 = on Sunday (sources disagree on the ATW week; domain.md). */
  weekStartsOn: z.union([z.literal(1), z.literal(7)]),
});
export type TRegionRules = z.infer<typeof ZRegionRules>;

export const NL_ATW_RULES: TRegionRules = {
  minRestMinutes: 11 * 60,
  maxMinutesPerWeek: 60 * 60,
  maxShiftMinutes: 12 * 60,
  weekStartsOn: 1,
};

export const BE_ARBEIDSWET_RULES: TRegionRules = {
  minRestMinutes: 11 * 60,
  maxMinutesPerWeek: 50 * 60,
  maxShiftMinutes: 12 * 60,
  weekStartsOn: 1,
};

export const ZRegion = z.object({
  id: ZId,
  code: z.string(),
  name: z.string(),
  country: z.enum(['NL', 'BE']),
  timeZone: ZIanaZone,
  rules: ZRegionRules,
});
export type TRegion = z.infer<typeof ZRegion>;

export const ZRegionSummary = ZRegion.extend({
  organisationCount: z.int(),
  locationCount: z.int(),
  workerCount: z.int(),
  workersByKind: z.record(z.string(), z.int()),
  openShiftCount: z.int(),
  expiringRegistrations: z.int(),
});
export type TRegionSummary = z.infer<typeof ZRegionSummary>;

export const ZCreateRegionRequest = z.object({
  code: z.string().trim().regex(/^[a-z0-9-]{2,40}$/, 'must be 2–40 lowercase letters, digits or dashes'),
  name: z.string().trim().min(2).max(120),
  country: z.enum(['NL', 'BE']),
  rules: ZRegionRules.partial().optional(),
});
export type TCreateRegionRequest = z.infer<typeof ZCreateRegionRequest>;

export const ZUpdateRegionRulesRequest = ZRegionRules.partial();
