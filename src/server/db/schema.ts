// The relational model. Migrations in ./drizzle are generated from this file with
// `npm run db:generate -- --name <change>` and never edited by hand.
// Instants are timestamptz (UTC); days and weeks are computed in a location's IANA zone.
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { TRegionRules } from '../../shared/regions.schemas.js';

const id = () => uuid('id').primaryKey().defaultRandom();
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const instant = (name: string) => timestamp(name, { withTimezone: true });

export const countryEnum = pgEnum('country', ['NL', 'BE']);
export const sectorEnum = pgEnum('sector', [
  'hospital',
  'vvt',
  'home_care',
  'disability_care',
  'mental_health',
  'gp_care',
  'youth_care',
]);
export const workerKindEnum = pgEnum('worker_kind', ['own_staff', 'reservist', 'flex', 'side_entrant', 'student']);
export const roleEnum = pgEnum('role', ['worker', 'planner', 'mediator', 'coordinator', 'admin']);
export const credentialKindEnum = pgEnum('credential_kind', ['big', 'kwaliteitsregister', 'riziv', 'visum', 'other']);
export const verificationStatusEnum = pgEnum('verification_status', ['unverified', 'verified', 'rejected']);
export const localeEnum = pgEnum('locale', ['nl', 'en']);
export const shiftStatusEnum = pgEnum('shift_status', ['open', 'cancelled']);

export const regions = pgTable('regions', {
  id: id(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  country: countryEnum('country').notNull(),
  timeZone: text('time_zone').notNull(),
  rules: jsonb('rules').$type<TRegionRules>().notNull(),
  createdAt: createdAt(),
});

export const organisations = pgTable(
  'organisations',
  {
    id: id(),
    regionId: uuid('region_id').notNull().references(() => regions.id),
    name: text('name').notNull(),
    sector: sectorEnum('sector').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('organisations_region_idx').on(t.regionId), uniqueIndex('organisations_region_name_uq').on(t.regionId, t.name)],
);

export const locations = pgTable(
  'locations',
  {
    id: id(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    name: text('name').notNull(),
    address: text('address').notNull(),
    postcode: text('postcode').notNull(),
    city: text('city').notNull(),
    lat: doublePrecision('lat').notNull(),
    lon: doublePrecision('lon').notNull(),
    timeZone: text('time_zone').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('locations_organisation_idx').on(t.organisationId)],
);

/** Activity packages ("activiteitenpakketten"). regionId null = a national standard package. */
export const activityPackages = pgTable(
  'activity_packages',
  {
    id: id(),
    regionId: uuid('region_id').references(() => regions.id),
    code: text('code').notNull(),
    nameNl: text('name_nl').notNull(),
    nameEn: text('name_en').notNull(),
    descriptionNl: text('description_nl').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    requiresRegistration: boolean('requires_registration').notNull().default(false),
    minQualificationLevel: smallint('min_qualification_level').notNull().default(1),
    sortOrder: integer('sort_order').notNull().default(100),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('activity_packages_code_uq').on(sql`coalesce(${t.regionId}::text, '')`, t.code)],
);

export const users = pgTable(
  'users',
  {
    id: id(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    locale: localeEnum('locale').notNull().default('nl'),
    createdAt: createdAt(),
    disabledAt: instant('disabled_at'),
  },
  (t) => [uniqueIndex('users_email_uq').on(sql`lower(${t.email})`)],
);

/** A role binding: planners to an organisation, mediators and coordinators to a region. */
export const userRoles = pgTable(
  'user_roles',
  {
    id: id(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    role: roleEnum('role').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    regionId: uuid('region_id').references(() => regions.id),
  },
  (t) => [
    index('user_roles_user_idx').on(t.userId),
    uniqueIndex('user_roles_binding_uq').on(t.userId, t.role, sql`coalesce(${t.organisationId}::text, '')`, sql`coalesce(${t.regionId}::text, '')`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** sha256 of the cookie token: a leaked table does not leak sessions. */
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    expiresAt: instant('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const workers = pgTable(
  'workers',
  {
    id: id(),
    userId: uuid('user_id').references(() => users.id),
    regionId: uuid('region_id').notNull().references(() => regions.id),
    kind: workerKindEnum('kind').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    email: text('email').notNull(),
    phone: text('phone').notNull().default(''),
    homePostcode: text('home_postcode').notNull(),
    homeLat: doublePrecision('home_lat').notNull(),
    homeLon: doublePrecision('home_lon').notNull(),
    /** 1 = MBO-1 … 6 = HBO bachelor (domain.md §3). */
    qualificationLevel: smallint('qualification_level').notNull(),
    homeOrganisationId: uuid('home_organisation_id').references(() => organisations.id),
    maxTravelKm: integer('max_travel_km').notNull(),
    maxMinutesPerWeek: integer('max_minutes_per_week'),
    desiredMinutesPerWeek: integer('desired_minutes_per_week'),
    /** Reservists commit to a minimum number of days per year. */
    minDaysPerYear: integer('min_days_per_year'),
    isNewcomer: boolean('is_newcomer').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    index('workers_region_idx').on(t.regionId),
    uniqueIndex('workers_user_uq').on(t.userId),
  ],
);

export const workerPackages = pgTable(
  'worker_packages',
  {
    workerId: uuid('worker_id').notNull().references(() => workers.id, { onDelete: 'cascade' }),
    packageId: uuid('package_id').notNull().references(() => activityPackages.id),
  },
  (t) => [primaryKey({ columns: [t.workerId, t.packageId] })],
);

export const workerPreferredOrganisations = pgTable(
  'worker_preferred_organisations',
  {
    workerId: uuid('worker_id').notNull().references(() => workers.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.workerId, t.organisationId] })],
);

/** Recurring weekly availability in the worker's region zone: weekday 1 = Monday … 7 = Sunday. */
export const workerWeeklyAvailability = pgTable(
  'worker_weekly_availability',
  {
    id: id(),
    workerId: uuid('worker_id').notNull().references(() => workers.id, { onDelete: 'cascade' }),
    weekday: smallint('weekday').notNull(),
    startMinute: smallint('start_minute').notNull(),
    /** May exceed 1440 for a window that runs past midnight. */
    endMinute: smallint('end_minute').notNull(),
  },
  (t) => [index('worker_weekly_availability_worker_idx').on(t.workerId)],
);

/** Dated exceptions: extra availability or unavailability (holiday, sickness). */
export const workerAvailabilityExceptions = pgTable(
  'worker_availability_exceptions',
  {
    id: id(),
    workerId: uuid('worker_id').notNull().references(() => workers.id, { onDelete: 'cascade' }),
    isAvailable: boolean('is_available').notNull(),
    start: instant('start').notNull(),
    end: instant('end').notNull(),
    reason: text('reason').notNull().default(''),
  },
  (t) => [index('worker_availability_exceptions_worker_idx').on(t.workerId)],
);

export const credentials = pgTable(
  'credentials',
  {
    id: id(),
    workerId: uuid('worker_id').notNull().references(() => workers.id, { onDelete: 'cascade' }),
    kind: credentialKindEnum('kind').notNull(),
    /** Stored as text: BIG numbers may start with 0. */
    number: text('number').notNull(),
    profession: text('profession').notNull().default(''),
    expiresOn: date('expires_on', { mode: 'string' }),
    verificationStatus: verificationStatusEnum('verification_status').notNull().default('unverified'),
    verifiedByUserId: uuid('verified_by_user_id').references(() => users.id),
    verifiedAt: instant('verified_at'),
    createdAt: createdAt(),
  },
  (t) => [index('credentials_worker_idx').on(t.workerId)],
);

export const shifts = pgTable(
  'shifts',
  {
    id: id(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    locationId: uuid('location_id').notNull().references(() => locations.id),
    packageId: uuid('package_id').notNull().references(() => activityPackages.id),
    start: instant('start').notNull(),
    end: instant('end').notNull(),
    places: smallint('places').notNull(),
    priority: smallint('priority').notNull().default(1),
    supervisionCapacity: smallint('supervision_capacity').notNull().default(0),
    notes: text('notes').notNull().default(''),
    status: shiftStatusEnum('status').notNull().default('open'),
    createdAt: createdAt(),
  },
  (t) => [index('shifts_location_start_idx').on(t.locationId, t.start), index('shifts_org_start_idx').on(t.organisationId, t.start)],
);

/** Who read or changed personal data (BIG numbers, addresses, contact details), and when. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    createdAt: createdAt(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    fields: text('fields').array().notNull().default(sql`'{}'::text[]`),
    regionId: uuid('region_id'),
  },
  (t) => [index('audit_log_entity_idx').on(t.entity, t.entityId), index('audit_log_created_at_idx').on(t.createdAt)],
);
