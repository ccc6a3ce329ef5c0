import type {
  TCreateLocationRequest,
  TCreateOrganisationRequest,
  TLocation,
  TOrganisationDetail,
} from '../../shared/organisations.schemas.js';
import type { Actor } from '../auth/actor.js';
import { canManageRegion, isAdmin, plannerOrganisationIds } from '../auth/actor.js';
import type { Db } from '../db/open-database.js';
import type { locations } from '../db/schema.js';
import { AppError, forbidden, notFound } from '../errors/app-error.js';
import { lookupPostcode } from '../geo/postcodes.js';
import { findRegion } from '../regions/regions.repo.js';
import * as repo from './organisations.repo.js';

export const toLocation = (row: typeof locations.$inferSelect): TLocation => ({
  id: row.id,
  organisationId: row.organisationId,
  name: row.name,
  address: row.address,
  postcode: row.postcode,
  city: row.city,
  lat: row.lat,
  lon: row.lon,
  timeZone: row.timeZone as TLocation['timeZone'],
});

/** Planners of the organisation, the region's coordinators and admins manage an organisation. */
export function canManageOrganisation(actor: Actor, organisation: { id: string; regionId: string }): boolean {
  return isAdmin(actor) || canManageRegion(actor, organisation.regionId) || plannerOrganisationIds(actor).includes(organisation.id);
}

export async function getOrganisation(db: Db, actor: Actor, id: string, now = new Date()): Promise<TOrganisationDetail> {
  const organisation = await repo.findOrganisation(db, actor, id);
  if (!organisation) throw notFound('Organisation', id);
  const locs = await repo.listLocations(db, id);
  return { ...organisation, locations: locs.map(toLocation), openShiftCount: await repo.countOpenShifts(db, id, now) };
}

export async function createOrganisation(db: Db, actor: Actor, input: TCreateOrganisationRequest) {
  const region = await findRegion(db, actor, input.regionId);
  if (!region) throw new AppError('VALIDATION_FAILED', 'Unknown region', [{ path: 'regionId', message: 'does not exist or is not yours' }]);
  if (!canManageRegion(actor, region.id)) throw forbidden('Only the region’s coordinators add organisations');
  if (await repo.findOrganisationByName(db, region.id, input.name)) {
    throw new AppError('CONFLICT', `${input.name} already exists in this region`, [{ path: 'name', message: 'is already taken' }]);
  }
  const row = await repo.insertOrganisation(db, input);
  return getOrganisation(db, actor, row.id);
}

export async function updateOrganisation(db: Db, actor: Actor, id: string, patch: Partial<TCreateOrganisationRequest>) {
  const organisation = await repo.findOrganisation(db, actor, id);
  if (!organisation) throw notFound('Organisation', id);
  if (!canManageOrganisation(actor, organisation)) throw forbidden('You do not manage this organisation');
  if (patch.name && patch.name !== organisation.name && (await repo.findOrganisationByName(db, organisation.regionId, patch.name))) {
    throw new AppError('CONFLICT', `${patch.name} already exists in this region`, [{ path: 'name', message: 'is already taken' }]);
  }
  await repo.updateOrganisation(db, id, patch);
  return getOrganisation(db, actor, id);
}

function resolveCoordinates(input: Partial<TCreateLocationRequest>, country: 'NL' | 'BE') {
  if (input.lat !== undefined && input.lon !== undefined) return { lat: input.lat, lon: input.lon };
  if (input.postcode === undefined) return undefined;
  const point = lookupPostcode(input.postcode, country);
  if (!point) throw new AppError('UNKNOWN_POSTCODE', `Postcode ${input.postcode} is unknown`, [{ path: 'postcode', message: 'is not a known postcode' }]);
  return { lat: point.lat, lon: point.lon };
}

export async function addLocation(db: Db, actor: Actor, organisationId: string, input: TCreateLocationRequest): Promise<TLocation> {
  const organisation = await repo.findOrganisation(db, actor, organisationId);
  if (!organisation) throw notFound('Organisation', organisationId);
  if (!canManageOrganisation(actor, organisation)) throw forbidden('You do not manage this organisation');
  const region = (await findRegion(db, actor, organisation.regionId))!;
  const coordinates = resolveCoordinates(input, region.country)!;
  const row = await repo.insertLocation(db, {
    organisationId,
    name: input.name,
    address: input.address,
    postcode: input.postcode.toUpperCase(),
    city: input.city,
    ...coordinates,
    timeZone: input.timeZone ?? region.timeZone,
  });
  return toLocation(row);
}

export async function updateLocation(db: Db, actor: Actor, id: string, patch: Partial<TCreateLocationRequest>): Promise<TLocation> {
  const found = await repo.findLocation(db, actor, id);
  if (!found) throw notFound('Location', id);
  if (!canManageOrganisation(actor, { id: found.location.organisationId, regionId: found.regionId })) throw forbidden('You do not manage this location');
  const region = (await findRegion(db, actor, found.regionId))!;
  const coordinates = resolveCoordinates(patch, region.country);
  const { lat: _lat, lon: _lon, ...rest } = patch;
  return toLocation(await repo.updateLocation(db, id, { ...rest, ...(rest.postcode ? { postcode: rest.postcode.toUpperCase() } : {}), ...coordinates }));
}
