import { z } from 'zod';
import { ZId, ZLocale } from './common.schemas.js';

export const ZRole = z.enum(['worker', 'planner', 'mediator', 'coordinator', 'admin']);
export type TRole = z.infer<typeof ZRole>;

export const ZRoleBinding = z.object({
  role: ZRole,
  organisationId: ZId.nullable(),
  regionId: ZId.nullable(),
});
export type TRoleBinding = z.infer<typeof ZRoleBinding>;

export const ZLoginRequest = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(200),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

/** The signed-in user as the web app sees it. Send `csrfToken` as `x-csrf-token` on every change. */
export const ZMe = z.object({
  id: ZId,
  email: z.string(),
  name: z.string(),
  locale: ZLocale,
  roles: z.array(ZRoleBinding),
  workerId: ZId.nullable(),
  csrfToken: z.string(),
});
export type TMe = z.infer<typeof ZMe>;

export const ZUpdateMeRequest = z.object({ locale: ZLocale });

export const ZCreateUserRequest = z
  .object({
    email: z.email().max(254),
    name: z.string().trim().min(1).max(120),
    password: z.string().min(10, 'must be at least 10 characters').max(200),
    locale: ZLocale.default('nl'),
    roles: z.array(ZRoleBinding.omit({}).partial({ organisationId: true, regionId: true })).min(1),
  })
  .superRefine((value, ctx) => {
    value.roles.forEach((binding, i) => {
      if (binding.role === 'planner' && !binding.organisationId) {
        ctx.addIssue({ code: 'custom', path: ['roles', i, 'organisationId'], message: 'a planner is bound to an organisation' });
      }
      if ((binding.role === 'mediator' || binding.role === 'coordinator') && !binding.regionId) {
        ctx.addIssue({ code: 'custom', path: ['roles', i, 'regionId'], message: `a ${binding.role} is bound to a region` });
      }
    });
  });
export type TCreateUserRequest = z.infer<typeof ZCreateUserRequest>;

export const ZUser = z.object({
  id: ZId,
  email: z.string(),
  name: z.string(),
  locale: ZLocale,
  roles: z.array(ZRoleBinding),
});
export type TUser = z.infer<typeof ZUser>;
