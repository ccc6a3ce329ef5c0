import { z } from 'zod';
import { ZIanaZone, ZId, ZPostcode } from './common.schemas.js';

export const ZSector = z.enum(['hospital', 'vvt', 'home_care', 'disability_care', 'mental_health', 'gp_care', 'youth_care']);
export type TSector = z.infer<typeof ZSector>;

export const ZLocation = z.object({
  id: ZId,
  organisationId: ZId,
  name: z.string(),
  address: z.string(),
  postcode: z.string(),
  city: z.string(),
  lat: z.number(),
  lon: z.number(),
  timeZone: ZIanaZone,
});
export type TLocation = z.infer<typeof ZLocation>;

export const ZOrganisation = z.object({
  id: ZId,
  regionId: ZId,
  name: z.string(),
  sector: ZSector,
  locationCount: z.int(),
});
export type TOrganisation = z.infer<typeof ZOrganisation>;

export const ZOrganisationDetail = ZOrganisation.extend({
  locations: z.array(ZLocation),
  openShiftCount: z.int(),
});
export type TOrganisationDetail = z.infer<typeof ZOrganisationDetail>;

export const ZListOrganisationsQuery = z.object({ regionId: ZId.optional() });

export const ZCreateOrganisationRequest = z.object({
  regionId: ZId,
  name: z.string().trim().min(2).max(160),
  sector: ZSector,
});
export type TCreateOrganisationRequest = z.infer<typeof ZCreateOrganisationRequest>;

export const ZUpdateOrganisationRequest = ZCreateOrganisationRequest.omit({ regionId: true }).partial();

export const ZCreateLocationRequest = z.object({
  name: z.string().trim().min(2).max(160),
  address: z.string().trim().min(2).max(200),
  postcode: ZPostcode,
  city: z.string().trim().min(1).max(120),
  /** Optional: when absent, coordinates come from the postcode centroid (GeoNames). */
  lat: z.number().min(49).max(54).optional(),
  lon: z.number().min(2).max(8).optional(),
  timeZone: ZIanaZone.optional(),
});
export type TCreateLocationRequest = z.infer<typeof ZCreateLocationRequest>;

export const ZUpdateLocationRequest = ZCreateLocationRequest.partial();
