// The signed-in user with their role bindings. Every repository that reads tenant data takes
// an Actor and narrows its query by it, so tenancy is enforced where the data is read.
import type { TRole, TRoleBinding } from '../../shared/auth.schemas.js';
import type { TLocale } from '../../shared/common.schemas.js';
import { AppError, forbidden } from '../errors/app-error.js';

export type Actor = {
  userId: string;
  email: string;
  name: string;
  locale: TLocale;
  roles: TRoleBinding[];
  workerId: string | null;
  workerRegionId: string | null;
  /** Every region the actor belongs to through any binding (planners through their organisations). */
  regionIds: string[];
  csrfToken: string;
};

export const isAdmin = (actor: Actor) => actor.roles.some((r) => r.role === 'admin');

export const hasRole = (actor: Actor, ...roles: TRole[]) => actor.roles.some((r) => roles.includes(r.role));

/** Regions where the actor acts as one of the given region-bound roles. */
export function regionIdsAs(actor: Actor, ...roles: ('mediator' | 'coordinator')[]): string[] {
  return actor.roles.filter((r) => (roles as TRole[]).includes(r.role) && r.regionId).map((r) => r.regionId!);
}

export function plannerOrganisationIds(actor: Actor): string[] {
  return actor.roles.filter((r) => r.role === 'planner' && r.organisationId).map((r) => r.organisationId!);
}

export function canManageRegion(actor: Actor, regionId: string): boolean {
  return isAdmin(actor) || regionIdsAs(actor, 'coordinator').includes(regionId);
}

export function canMediateRegion(actor: Actor, regionId: string): boolean {
  return isAdmin(actor) || regionIdsAs(actor, 'coordinator', 'mediator').includes(regionId);
}

export function requireAdmin(actor: Actor): void {
  if (!isAdmin(actor)) throw forbidden('Only an administrator may do this');
}

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  return actor;
}
