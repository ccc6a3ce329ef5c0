import type { TCreateRegionRequest, TRegion, TRegionRules, TRegionSummary } from '../../shared/regions.schemas.js';
import { BE_ARBEIDSWET_RULES, NL_ATW_RULES } from '../../shared/regions.schemas.js';
import type { Actor } from '../auth/actor.js';
import { canManageRegion, requireAdmin } from '../auth/actor.js';
import type { Db } from '../db/open-database.js';
import type { regions } from '../db/schema.js';
import { AppError, forbidden, notFound } from '../errors/app-error.js';
import * as repo from './regions.repo.js';

export const EXPIRING_WITHIN_DAYS = 60;

export const toRegion = (row: typeof regions.$inferSelect): TRegion => ({
  id: row.id,
  code: row.code,
  name: row.name,
  country: row.country,
  timeZone: row.timeZone as TRegion['timeZone'],
  rules: row.rules,
});

export async function getRegionSummary(db: Db, actor: Actor, id: string, now = new Date()): Promise<TRegionSummary> {
  const region = await repo.findRegion(db, actor, id);
  if (!region) throw notFound('Region', id);
  return { ...toRegion(region), ...(await repo.regionCounts(db, id, now, EXPIRING_WITHIN_DAYS)) };
}

export async function createRegion(db: Db, actor: Actor, input: TCreateRegionRequest): Promise<TRegion> {
  requireAdmin(actor);
  if (await repo.findRegionByCode(db, input.code)) {
    throw new AppError('CONFLICT', `Region code ${input.code} is taken`, [{ path: 'code', message: 'is already taken' }]);
  }
  const defaults = input.country === 'BE' ? BE_ARBEIDSWET_RULES : NL_ATW_RULES;
  const row = await repo.insertRegion(db, {
    code: input.code,
    name: input.name,
    country: input.country,
    timeZone: input.country === 'BE' ? 'Europe/Brussels' : 'Europe/Amsterdam',
    rules: { ...defaults, ...input.rules },
  });
  return toRegion(row);
}

export async function updateRules(db: Db, actor: Actor, id: string, patch: Partial<TRegionRules>): Promise<TRegion> {
  const region = await repo.findRegion(db, actor, id);
  if (!region) throw notFound('Region', id);
  if (!canManageRegion(actor, id)) throw forbidden('Only the region’s coordinators change its rules');
  return toRegion(await repo.updateRegionRules(db, id, { ...region.rules, ...patch }));
}
