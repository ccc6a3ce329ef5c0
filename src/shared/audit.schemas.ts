import { z } from 'zod';
import { ZId } from './common.schemas.js';

export const ZAuditEntry = z.object({
  id: z.int(),
  createdAt: z.iso.datetime({ offset: true }),
  actorUserId: ZId.nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  fields: z.array(z.string()),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

export const ZListAuditQuery = z.object({
  entity: z.string().max(40).optional(),
  entityId: z.string().max(80).optional(),
  regionId: ZId.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const ZPostcodeParams = z.object({
  country: z.enum(['NL', 'BE']),
  postcode: z.string().trim().min(4).max(8),
});
export const ZPostcodeLookup = z.object({
  country: z.enum(['NL', 'BE']),
  postcode: z.string(),
  lat: z.number(),
  lon: z.number(),
  place: z.string(),
  attribution: z.string(),
});
