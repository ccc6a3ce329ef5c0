// Which home page a user gets and what they may change, from their role bindings.
import { createContext, useContext } from 'react';
import type { TMe, TRole } from '../shared/auth.schemas';

const PRIORITY: TRole[] = ['admin', 'coordinator', 'mediator', 'planner', 'worker'];

/** The role whose home page a user sees first: the broadest one they hold. */
export function primaryRole(me: Pick<TMe, 'roles' | 'workerId'>): TRole {
  for (const role of PRIORITY) if (me.roles.some((binding) => binding.role === role)) return role;
  return 'worker';
}

/** Regions the user works in as mediator or coordinator (no duplicates, in binding order). */
export function mediatedRegionIds(me: Pick<TMe, 'roles'>): string[] {
  const ids = me.roles.filter((b) => (b.role === 'mediator' || b.role === 'coordinator') && b.regionId).map((b) => b.regionId!);
  return [...new Set(ids)];
}

export function plannedOrganisationIds(me: Pick<TMe, 'roles'>): string[] {
  return [...new Set(me.roles.filter((b) => b.role === 'planner' && b.organisationId).map((b) => b.organisationId!))];
}

export const canBrowsePool = (me: Pick<TMe, 'roles'>) => me.roles.some((b) => b.role === 'admin' || b.role === 'mediator' || b.role === 'coordinator');

/** Coordinators change their region's rules; admins any region's (the server checks the same). */
export const canManageRegion = (me: Pick<TMe, 'roles'>, regionId: string) =>
  me.roles.some((b) => b.role === 'admin' || (b.role === 'coordinator' && b.regionId === regionId));

/** The signed-in user, for pages deep in the tree. */
export const MeContext = createContext<TMe | null>(null);

export function useMe(): TMe {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe() outside a signed-in page');
  return me;
}
