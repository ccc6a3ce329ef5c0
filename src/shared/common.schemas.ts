// Shapes used by every domain: ids, the one error shape, paging.
import { z } from 'zod';

export const ZId = z.uuid();

export const ZIdParams = z.object({ id: ZId });

export const ZErrorIssue = z.object({ path: z.string(), message: z.string() });

/** The one error shape every endpoint returns on failure. */
export const ZError = z.object({
  code: z.string(),
  message: z.string(),
  issues: z.array(ZErrorIssue),
});
export type TError = z.infer<typeof ZError>;

export const ZLocale = z.enum(['nl', 'en']);
export type TLocale = z.infer<typeof ZLocale>;

export const ZPostcode = z
  .string()
  .trim()
  .regex(/^(\d{4}\s?[A-Za-z]{0,2}|\d{4})$/, 'must be a Dutch (1234 AB) or Belgian (1234) postcode');

export const ZIanaZone = z.enum(['Europe/Amsterdam', 'Europe/Brussels']);
