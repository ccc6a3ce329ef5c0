import { z } from 'zod';
import { ZId } from './common.schemas.js';

export const ZActivityPackage = z.object({
  id: ZId,
  regionId: ZId.nullable(),
  code: z.string(),
  nameNl: z.string(),
  nameEn: z.string(),
  descriptionNl: z.string(),
  descriptionEn: z.string(),
  requiresRegistration: z.boolean(),
  minQualificationLevel: z.int(),
});
export type TActivityPackage = z.infer<typeof ZActivityPackage>;

export const ZListPackagesQuery = z.object({ regionId: ZId.optional() });

export const ZCreatePackageRequest = z.object({
  code: z.string().trim().regex(/^[a-z0-9-]{2,40}$/, 'must be 2–40 lowercase letters, digits or dashes'),
  nameNl: z.string().trim().min(2).max(160),
  nameEn: z.string().trim().min(2).max(160),
  descriptionNl: z.string().max(2000).default(''),
  descriptionEn: z.string().max(2000).default(''),
  requiresRegistration: z.boolean().default(false),
  minQualificationLevel: z.int().min(1).max(6).default(1),
});
export type TCreatePackageRequest = z.infer<typeof ZCreatePackageRequest>;
