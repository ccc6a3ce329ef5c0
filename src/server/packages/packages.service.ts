import type { TActivityPackage, TCreatePackageRequest } from '../../shared/packages.schemas.js';
import type { Actor } from '../auth/actor.js';
import { canManageRegion } from '../auth/actor.js';
import type { Db, DbOrTx } from '../db/open-database.js';
import { AppError, forbidden, notFound } from '../errors/app-error.js';
import { findRegion } from '../regions/regions.repo.js';
import { NATIONAL_PACKAGES } from './national-packages.js';
import * as repo from './packages.repo.js';

/** Idempotent: adds the national packages that are missing. */
export async function ensureNationalPackages(db: DbOrTx): Promise<void> {
  for (const pkg of NATIONAL_PACKAGES) {
    if (!(await repo.findPackageByCode(db, null, pkg.code))) await repo.insertPackage(db, { ...pkg, regionId: null });
  }
}

export async function createRegionPackage(db: Db, actor: Actor, regionId: string, input: TCreatePackageRequest): Promise<TActivityPackage> {
  const region = await findRegion(db, actor, regionId);
  if (!region) throw notFound('Region', regionId);
  if (!canManageRegion(actor, regionId)) throw forbidden('Only the region’s coordinators add packages');
  if ((await repo.findPackageByCode(db, null, input.code)) || (await repo.findPackageByCode(db, regionId, input.code))) {
    throw new AppError('CONFLICT', `Package code ${input.code} is taken`, [{ path: 'code', message: 'is already taken' }]);
  }
  return repo.insertPackage(db, { ...input, regionId });
}
