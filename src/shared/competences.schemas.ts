// Competences beyond activity packages (tube feeding, dementia care, ICU experience …): a region's
// catalogue, the tags a worker holds (self-declared, or confirmed by a mediator or coordinator), and
// the requirements of a request (required: rules others out; wished: adds to the score).
import { z } from 'zod';
import { ZId } from './common.schemas.js';

/** A catalogue key: lower case letters, digits and hyphens, e.g. `sondevoeding`, `ic-ervaring`. */
export const ZCompetenceKey = z
  .string()
  .trim()
  .min(2)
  .max(40)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower-case letters, digits and hyphens');

export const ZCompetenceSource = z.enum(['self_declared', 'confirmed']);
export type TCompetenceSource = z.infer<typeof ZCompetenceSource>;
export const ZCompetenceLevel = z.enum(['required', 'wished']);
export type TCompetenceLevel = z.infer<typeof ZCompetenceLevel>;

/** Categories of the default catalogue; a region may name its own. */
export const DEFAULT_COMPETENCE_CATEGORIES = ['clinical', 'target_group', 'setting', 'practical'] as const;

export const ZCompetence = z.object({
  id: ZId,
  regionId: ZId,
  key: z.string(),
  labelNl: z.string(),
  labelEn: z.string(),
  category: z.string().nullable(),
  sortOrder: z.number().int(),
  /** A retired entry is no longer offered, but stays on the workers and requests that name it. */
  retired: z.boolean(),
});
export type TCompetence = z.infer<typeof ZCompetence>;

export const ZCompetencesQuery = z.object({ includeRetired: z.stringbool().default(false) });

const ZLabel = z.string().trim().min(1).max(80);
const ZCategory = z.string().trim().min(1).max(40).nullable();

export const ZCreateCompetence = z.object({
  key: ZCompetenceKey,
  labelNl: ZLabel,
  labelEn: ZLabel,
  category: ZCategory.default(null),
  sortOrder: z.number().int().min(0).max(10_000).default(500),
});
export type TCreateCompetence = z.infer<typeof ZCreateCompetence>;

export const ZUpdateCompetence = z
  .object({ labelNl: ZLabel, labelEn: ZLabel, category: ZCategory, sortOrder: z.number().int().min(0).max(10_000), retired: z.boolean() })
  .partial()
  .refine((u) => Object.keys(u).length > 0, { message: 'change at least one field' });
export type TUpdateCompetence = z.infer<typeof ZUpdateCompetence>;

/** A competence a worker holds, with where it comes from. */
export const ZWorkerCompetence = z.object({
  key: z.string(),
  labelNl: z.string(),
  labelEn: z.string(),
  category: z.string().nullable(),
  source: ZCompetenceSource,
  declaredAt: z.string(),
  confirmedAt: z.string().nullable(),
  confirmedByName: z.string().nullable(),
});
export type TWorkerCompetence = z.infer<typeof ZWorkerCompetence>;

/** No key twice in one list: the second is reported on its own path. */
const uniqueKeys = (items: readonly { key: string }[], ctx: z.RefinementCtx, path: string) => {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.key)) ctx.addIssue({ code: 'custom', path: [path, i, 'key'], message: 'is listed twice' });
    seen.add(item.key);
  });
};

/**
 * The whole list of a worker's competences. The person declares their own (`confirmed` is not
 * theirs to set); the region's mediators and coordinators may also confirm (`true`) or withdraw a
 * confirmation (`false`). Left out, `confirmed` keeps what the competence had (new ones: self-declared).
 */
export const ZSetWorkerCompetences = z
  .object({ competences: z.array(z.object({ key: ZCompetenceKey, confirmed: z.boolean().optional() })).max(50) })
  .superRefine((body, ctx) => uniqueKeys(body.competences, ctx, 'competences'));
export type TSetWorkerCompetences = z.infer<typeof ZSetWorkerCompetences>;

/** A requirement of a request, as posted. */
export const ZCompetenceRequirementInput = z.object({ key: ZCompetenceKey, level: ZCompetenceLevel });
export type TCompetenceRequirementInput = z.infer<typeof ZCompetenceRequirementInput>;

export const ZCompetenceRequirements = z.array(ZCompetenceRequirementInput).max(20);

/** The requirements of a request, replaced as a whole (planners of the organisation, the region's mediators). */
export const ZSetRequestCompetences = z
  .object({ competences: ZCompetenceRequirements })
  .superRefine((body, ctx) => uniqueKeys(body.competences, ctx, 'competences'));
export type TSetRequestCompetences = z.infer<typeof ZSetRequestCompetences>;

/** A requirement of a request, as read. */
export const ZCompetenceRequirement = z.object({ key: z.string(), labelNl: z.string(), labelEn: z.string(), level: ZCompetenceLevel });
export type TCompetenceRequirement = z.infer<typeof ZCompetenceRequirement>;

export { uniqueKeys as refineUniqueKeys };
