// Inserts a generated region in one transaction with multi-row inserts, so a few hundred
// workers and over a thousand shifts load in seconds on PGlite. Ids are made here, so no insert
// needs `returning`. Accounts share one password hash: scrypt is deliberately slow.
import { randomUUID } from 'node:crypto';
import type { PgTable } from 'drizzle-orm/pg-core';
import { NL_ATW_RULES } from '../../shared/regions.schemas.js';
import { hashPassword } from '../auth/password.js';
import type { Db, DbOrTx } from '../db/open-database.js';
import {
  activityPackages,
  assignments,
  credentials,
  locations,
  organisations,
  regions,
  shifts,
  userRoles,
  users,
  workerAvailabilityExceptions,
  workerPackages,
  workerPreferredOrganisations,
  workers,
  workerWeeklyAvailability,
} from '../db/schema.js';
import { ensureNationalPackages } from '../packages/packages.service.js';
import type { GeneratedRegion } from './generate-region.js';

/** Rows per INSERT: well below PostgreSQL's 65,535 bind parameters for the widest table. */
const CHUNK = 500;

async function insertChunked<T extends PgTable>(db: DbOrTx, table: T, rows: T['$inferInsert'][]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await db.insert(table).values(rows.slice(i, i + CHUNK));
}

export type LoadedRegion = {
  regionId: string;
  organisationIds: Map<string, string>;
  locationIds: Map<string, string>;
  workerIds: Map<string, string>;
  userIds: Map<string, string>;
  shiftIds: Map<string, string>;
};

export type LoadRegionOptions = {
  /** A precomputed hash for every account; default a hash of `password`. */
  passwordHash?: string;
  password?: string;
};

export async function loadGeneratedRegion(db: Db, generated: GeneratedRegion, options: LoadRegionOptions = {}): Promise<LoadedRegion> {
  const passwordHash = options.passwordHash ?? (await hashPassword(options.password ?? 'harmonica-demo'));
  await ensureNationalPackages(db);
  return db.transaction(async (tx) => {
    const packageRows = await tx.select({ id: activityPackages.id, code: activityPackages.code, regionId: activityPackages.regionId }).from(activityPackages);
    const packageId = (code: string) => {
      const found = packageRows.find((p) => p.code === code && p.regionId === null);
      if (!found) throw new Error(`no national activity package with code ${code}`);
      return found.id;
    };
    const lookup = (map: Map<string, string>, key: string, what: string) => {
      const id = map.get(key);
      if (!id) throw new Error(`generated region: unknown ${what} ${key}`);
      return id;
    };

    const regionId = randomUUID();
    await tx.insert(regions).values({ id: regionId, ...generated.region, rules: NL_ATW_RULES });

    const organisationIds = new Map(generated.organisations.map((o) => [o.key, randomUUID()]));
    await insertChunked(
      tx,
      organisations,
      generated.organisations.map((o) => ({
        id: lookup(organisationIds, o.key, 'organisation'),
        regionId,
        name: o.name,
        sector: o.sector,
        claimMode: o.claimMode,
        cancelCutoffHours: o.cancelCutoffHours,
        swapNeedsApproval: o.swapNeedsApproval,
      })),
    );

    const locationIds = new Map(generated.locations.map((l) => [l.key, randomUUID()]));
    await insertChunked(
      tx,
      locations,
      generated.locations.map((l) => ({
        id: lookup(locationIds, l.key, 'location'),
        organisationId: lookup(organisationIds, l.organisationKey, 'organisation'),
        name: l.name,
        address: l.address,
        postcode: l.postcode,
        city: l.city,
        lat: l.lat,
        lon: l.lon,
        timeZone: l.timeZone,
      })),
    );

    const userIds = new Map(generated.accounts.map((a) => [a.email, randomUUID()]));
    await insertChunked(
      tx,
      users,
      generated.accounts.map((a) => ({ id: lookup(userIds, a.email, 'account'), email: a.email, name: a.name, passwordHash, locale: 'nl' as const })),
    );
    await insertChunked(
      tx,
      userRoles,
      generated.accounts.flatMap((a) =>
        a.roles.map((r) => ({
          userId: lookup(userIds, a.email, 'account'),
          role: r.role,
          organisationId: r.organisationKey ? lookup(organisationIds, r.organisationKey, 'organisation') : null,
          regionId: r.inRegion ? regionId : null,
        })),
      ),
    );
    const userOfWorker = new Map(generated.accounts.filter((a) => a.workerKey).map((a) => [a.workerKey!, lookup(userIds, a.email, 'account')]));

    const workerIds = new Map(generated.workers.map((w) => [w.key, randomUUID()]));
    await insertChunked(
      tx,
      workers,
      generated.workers.map((w) => ({
        id: lookup(workerIds, w.key, 'worker'),
        userId: userOfWorker.get(w.key) ?? null,
        regionId,
        kind: w.kind,
        firstName: w.firstName,
        lastName: w.lastName,
        email: w.email,
        phone: w.phone,
        homePostcode: w.homePostcode,
        homeLat: w.homeLat,
        homeLon: w.homeLon,
        qualificationLevel: w.qualificationLevel,
        homeOrganisationId: w.homeOrganisationKey ? lookup(organisationIds, w.homeOrganisationKey, 'organisation') : null,
        maxTravelKm: w.maxTravelKm,
        maxMinutesPerWeek: w.maxMinutesPerWeek,
        desiredMinutesPerWeek: w.desiredMinutesPerWeek,
        minDaysPerYear: w.minDaysPerYear,
        isNewcomer: w.isNewcomer,
      })),
    );
    const workerId = (key: string) => lookup(workerIds, key, 'worker');
    await insertChunked(tx, workerPackages, generated.workers.flatMap((w) => w.packages.map((code) => ({ workerId: workerId(w.key), packageId: packageId(code) }))));
    await insertChunked(
      tx,
      workerPreferredOrganisations,
      generated.workers.flatMap((w) => w.preferredOrganisationKeys.map((key) => ({ workerId: workerId(w.key), organisationId: lookup(organisationIds, key, 'organisation') }))),
    );
    await insertChunked(tx, workerWeeklyAvailability, generated.workers.flatMap((w) => w.weeklyAvailability.map((a) => ({ workerId: workerId(w.key), ...a }))));
    await insertChunked(
      tx,
      workerAvailabilityExceptions,
      generated.workers.flatMap((w) =>
        w.exceptions.map((e) => ({ workerId: workerId(w.key), isAvailable: e.isAvailable, start: new Date(e.start), end: new Date(e.end), reason: e.reason })),
      ),
    );
    const loadedAt = new Date();
    await insertChunked(
      tx,
      credentials,
      generated.workers.flatMap((w) =>
        w.credentials.map((c) => ({
          workerId: workerId(w.key),
          kind: c.kind,
          number: c.number,
          profession: c.profession,
          expiresOn: c.expiresOn,
          verificationStatus: c.verificationStatus,
          verifiedAt: c.verificationStatus === 'verified' ? loadedAt : null,
        })),
      ),
    );

    const shiftIds = new Map(generated.shifts.map((s) => [s.key, randomUUID()]));
    await insertChunked(
      tx,
      shifts,
      generated.shifts.map((s) => ({
        id: lookup(shiftIds, s.key, 'shift'),
        organisationId: lookup(organisationIds, s.organisationKey, 'organisation'),
        locationId: lookup(locationIds, s.locationKey, 'location'),
        packageId: packageId(s.packageCode),
        start: new Date(s.start),
        end: new Date(s.end),
        places: s.places,
        priority: s.priority,
        supervisionCapacity: s.supervisionCapacity,
        notes: s.notes,
      })),
    );
    const shiftsByKey = new Map(generated.shifts.map((s) => [s.key, s]));
    await insertChunked(
      tx,
      assignments,
      generated.assignments.map((a) => {
        const shift = shiftsByKey.get(a.shiftKey)!;
        return {
          shiftId: lookup(shiftIds, a.shiftKey, 'shift'),
          workerId: workerId(a.workerKey),
          status: a.status,
          source: a.source,
          start: new Date(shift.start),
          end: new Date(shift.end),
          isNewcomer: a.isNewcomer,
          decidedAt: a.status === 'confirmed' ? loadedAt : null,
        };
      }),
    );
    return { regionId, organisationIds, locationIds, workerIds, userIds, shiftIds };
  });
}
