// The relational model. Migrations in ./drizzle are generated from this file with
// `npm run db:generate -- --name <change>` and never edited by hand.
// Instants are timestamptz (UTC); days and weeks are computed in a location's IANA zone.
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgSequence,
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
export const workerStatusEnum = pgEnum('worker_status', ['intake', 'active', 'inactive']);
export const roleEnum = pgEnum('role', ['worker', 'planner', 'mediator', 'coordinator', 'admin']);
export const credentialKindEnum = pgEnum('credential_kind', ['big', 'kwaliteitsregister', 'riziv', 'visum', 'other']);
export const verificationStatusEnum = pgEnum('verification_status', ['unverified', 'verified', 'rejected']);
export const localeEnum = pgEnum('locale', ['nl', 'en']);
export const shiftStatusEnum = pgEnum('shift_status', ['open', 'cancelled']);
export const claimModeEnum = pgEnum('claim_mode', ['instant', 'approval']);
/** pending and confirmed hold a place; the others are history. */
export const assignmentStatusEnum = pgEnum('assignment_status', ['pending', 'confirmed', 'rejected', 'withdrawn', 'cancelled', 'swapped']);
export const assignmentSourceEnum = pgEnum('assignment_source', ['claim', 'swap', 'planning', 'mediation']);
export const swapStatusEnum = pgEnum('swap_status', ['requested', 'accepted', 'approved', 'declined', 'rejected', 'withdrawn', 'failed']);
export const notificationChannelEnum = pgEnum('notification_channel', ['email', 'in_app', 'digest', 'off']);
export const outboxStatusEnum = pgEnum('outbox_status', ['pending', 'sent', 'failed']);

export const regions = pgTable('regions', {
  id: id(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  country: countryEnum('country').notNull(),
  timeZone: text('time_zone').notNull(),
  rules: jsonb('rules').$type<TRegionRules>().notNull(),
  /**
   * Set by the database itself (triggers, drizzle/0008) to the next `workers_version_seq` value after
   * every statement that inserts, updates or deletes workers or worker_packages rows of the region, so
   * the ranking can cache its pass over the region's workers exactly. A sequence never hands out a value
   * twice, not even after a rollback, so a version names one state of the region's workers.
   */
  workersVersion: bigint('workers_version', { mode: 'number' }).notNull().default(0),
  /**
   * Set by the database itself (triggers, drizzle/0012) to the next `open_shifts_version_seq` value
   * after every statement that inserts, deletes or changes shifts of the region (posting, cancelling),
   * so each app process keeps the region's open shifts in memory and reloads them exactly when they
   * changed (src/server/assignments/open-shift-index.ts).
   */
  openShiftsVersion: bigint('open_shifts_version', { mode: 'number' }).notNull().default(0),
  createdAt: createdAt(),
});

export const workersVersionSeq = pgSequence('workers_version_seq');
export const openShiftsVersionSeq = pgSequence('open_shifts_version_seq');

/**
 * Which workers each statement that wrote workers, worker_packages or worker_competences changed, under
 * the version it gave their region (the same triggers, drizzle/0011): a process brings its copy of a
 * region's workers (`mediation/ranking/region-copy.ts`) up to date by re-reading only these. A worker
 * moving region is logged in both; a deleted worker is logged too. The triggers prune entries more
 * than `CHANGE_LOG_KEPT_VERSIONS` versions older than the region's new version; a copy older than that
 * loads the region again. No foreign keys: the log names deleted workers too.
 */
export const workerChanges = pgTable(
  'worker_changes',
  {
    regionId: uuid('region_id').notNull(),
    version: bigint('version', { mode: 'number' }).notNull(),
    workerId: uuid('worker_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.version, t.workerId] })],
);

export const organisations = pgTable(
  'organisations',
  {
    id: id(),
    regionId: uuid('region_id').notNull().references(() => regions.id),
    name: text('name').notNull(),
    sector: sectorEnum('sector').notNull(),
    /** Whether a worker's claim is confirmed at once or waits for a planner. */
    claimMode: claimModeEnum('claim_mode').notNull().default('instant'),
    /** Workers may cancel a confirmed shift until this many hours before it starts. */
    cancelCutoffHours: integer('cancel_cutoff_hours').notNull().default(48),
    swapNeedsApproval: boolean('swap_needs_approval').notNull().default(true),
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
    /** intake: registered themselves and on the intake journey until the agreement; inactive: stopped. */
    status: workerStatusEnum('status').notNull().default('active'),
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
    /** Shifts posted together as a series (e.g. every weekday evening for four weeks) share this id. */
    seriesId: uuid('series_id'),
    cancelReason: text('cancel_reason'),
    cancelledAt: instant('cancelled_at'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('shifts_location_start_idx').on(t.locationId, t.start),
    index('shifts_org_start_idx').on(t.organisationId, t.start),
    index('shifts_status_start_idx').on(t.status, t.start),
  ],
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

/**
 * A worker on a shift. The shift's times are copied here so that the database itself can refuse
 * one worker two overlapping live assignments (an exclusion constraint, see the custom migration).
 */
export const assignments = pgTable(
  'assignments',
  {
    id: id(),
    shiftId: uuid('shift_id').notNull().references(() => shifts.id),
    workerId: uuid('worker_id').notNull().references(() => workers.id),
    status: assignmentStatusEnum('status').notNull(),
    source: assignmentSourceEnum('source').notNull().default('claim'),
    start: instant('start').notNull(),
    end: instant('end').notNull(),
    /** Whether the worker counted against the shift's supervision capacity when assigned. */
    isNewcomer: boolean('is_newcomer').notNull().default(false),
    createdAt: createdAt(),
    decidedAt: instant('decided_at'),
    decidedByUserId: uuid('decided_by_user_id').references(() => users.id),
    reason: text('reason'),
  },
  (t) => [
    index('assignments_shift_idx').on(t.shiftId),
    index('assignments_worker_start_idx').on(t.workerId, t.start),
    uniqueIndex('assignments_live_uq').on(t.shiftId, t.workerId).where(sql`status in ('pending', 'confirmed')`),
  ],
);

export const swaps = pgTable(
  'swaps',
  {
    id: id(),
    assignmentId: uuid('assignment_id').notNull().references(() => assignments.id),
    fromWorkerId: uuid('from_worker_id').notNull().references(() => workers.id),
    toWorkerId: uuid('to_worker_id').notNull().references(() => workers.id),
    status: swapStatusEnum('status').notNull().default('requested'),
    note: text('note').notNull().default(''),
    createdAt: createdAt(),
    decidedAt: instant('decided_at'),
    decidedByUserId: uuid('decided_by_user_id').references(() => users.id),
    reason: text('reason'),
  },
  (t) => [index('swaps_assignment_idx').on(t.assignmentId), index('swaps_to_worker_idx').on(t.toWorkerId)],
);

/** In-app notifications; email ones also go through the outbox. */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    channel: notificationChannelEnum('channel').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    readAt: instant('read_at'),
    /** For digest items: when the digest that carried it was queued. */
    digestedAt: instant('digested_at'),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
);

export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    channel: notificationChannelEnum('channel').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.type] })],
);

/** Transactional outbox: written in the same transaction as the change, delivered by a job. */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: id(),
    toEmail: text('to_email').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    attachments: jsonb('attachments').$type<{ filename: string; contentType: string; content: string }[]>().notNull().default([]),
    status: outboxStatusEnum('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** A failed delivery waits until then before the next attempt (exponential backoff). */
    nextAttemptAt: instant('next_attempt_at').notNull().defaultNow(),
    /** Keeps a retried event from mailing twice. */
    dedupeKey: text('dedupe_key').unique(),
    createdAt: createdAt(),
    sentAt: instant('sent_at'),
  },
  (t) => [index('email_outbox_status_idx').on(t.status, t.nextAttemptAt)],
);

/** A worker's personal iCalendar feed: the secret is in the URL; only its hash is stored. */
export const calendarFeeds = pgTable('calendar_feeds', {
  id: id(),
  workerId: uuid('worker_id').notNull().references(() => workers.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: createdAt(),
  revokedAt: instant('revoked_at'),
  /** When a calendar app last read the feed (set on every successful fetch), so the worker sees the subscription works. */
  lastFetchedAt: instant('last_fetched_at'),
});

export const planningRunStatusEnum = pgEnum('planning_run_status', ['queued', 'running', 'done', 'failed', 'cancelled', 'published']);

/**
 * A solve as a job: either a problem document posted to /api/solves, or auto-planning of a region or
 * organisation built from the database. Progress and the result live here, not in memory.
 */
export const planningRuns = pgTable(
  'planning_runs',
  {
    id: id(),
    kind: text('kind').$type<'document' | 'auto'>().notNull(),
    regionId: uuid('region_id').references(() => regions.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    createdByUserId: uuid('created_by_user_id').notNull().references(() => users.id),
    horizonStart: instant('horizon_start'),
    horizonEnd: instant('horizon_end'),
    timeLimitSeconds: integer('time_limit_seconds').notNull(),
    status: planningRunStatusEnum('status').notNull().default('queued'),
    problem: jsonb('problem').$type<Record<string, unknown>>().notNull(),
    /** Assignments that were fixed (confirmed or waiting) when the problem was built. */
    pinnedCount: integer('pinned_count').notNull().default(0),
    progress: jsonb('progress').$type<{ elapsedMs: number; bestScore: { hard: number; soft: number } | null; iterations: number }>(),
    solution: jsonb('solution').$type<Record<string, unknown>>(),
    explanation: jsonb('explanation').$type<Record<string, unknown>>(),
    currentBreakdown: jsonb('current_breakdown').$type<Record<string, number>>(),
    publishReport: jsonb('publish_report').$type<Record<string, unknown>>(),
    error: text('error'),
    createdAt: createdAt(),
    startedAt: instant('started_at'),
    finishedAt: instant('finished_at'),
    publishedAt: instant('published_at'),
  },
  (t) => [index('planning_runs_region_idx').on(t.regionId, t.createdAt)],
);

export const requestStatusEnum = pgEnum('request_status', ['open', 'filled', 'closed']);
export const offerStatusEnum = pgEnum('offer_status', ['offered', 'accepted', 'declined']);
/** After a decline the mediator always takes a next step: a candidate is never just dropped. */
export const offerNextStepEnum = pgEnum('offer_next_step', ['other_organisation', 'other_package', 'training']);

/**
 * A need for a person over a period ("two evening shifts a week in basic care for three months"),
 * in activity packages (the first one is required), with the supervision the organisation can give.
 */
export const requests = pgTable(
  'requests',
  {
    id: id(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    locationId: uuid('location_id').notNull().references(() => locations.id),
    packageIds: uuid('package_ids').array().notNull(),
    periodStart: instant('period_start').notNull(),
    periodEnd: instant('period_end').notNull(),
    shiftsPerWeek: smallint('shifts_per_week'),
    supervisionCapacity: smallint('supervision_capacity').notNull().default(0),
    description: text('description').notNull().default(''),
    status: requestStatusEnum('status').notNull().default('open'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: createdAt(),
    /** Service level: the first offer should follow within 24 hours. */
    firstOfferAt: instant('first_offer_at'),
  },
  (t) => [index('requests_organisation_idx').on(t.organisationId, t.createdAt)],
);

/** A candidate a mediator offers for a request; the organisation answers (service level: 48 hours). */
export const offers = pgTable(
  'offers',
  {
    id: id(),
    requestId: uuid('request_id').notNull().references(() => requests.id),
    workerId: uuid('worker_id').notNull().references(() => workers.id),
    note: text('note').notNull().default(''),
    status: offerStatusEnum('status').notNull().default('offered'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: createdAt(),
    answeredAt: instant('answered_at'),
    answeredByUserId: uuid('answered_by_user_id').references(() => users.id),
    declineReason: text('decline_reason'),
    nextStep: offerNextStepEnum('next_step'),
  },
  (t) => [
    index('offers_request_idx').on(t.requestId),
    uniqueIndex('offers_live_uq').on(t.requestId, t.workerId).where(sql`status in ('offered', 'accepted')`),
  ],
);

export const entryKindEnum = pgEnum('entry_kind', ['re_entrant', 'side_entrant', 'reservist', 'extra_hands', 'student']);
export const journeyStageEnum = pgEnum('journey_stage', ['welcome_call', 'orientation', 'matching', 'agreement', 'onboarding', 'check_in_1m', 'check_in_3m', 'completed', 'closed']);
export const journeyStepEnum = pgEnum('journey_step', ['registration', 'welcome_call', 'orientation', 'matching', 'agreement', 'onboarding', 'check_in_1m', 'check_in_3m']);
export const contractKindEnum = pgEnum('contract_kind', ['employment', 'reservist_agreement', 'on_call', 'regional_pool']);

/**
 * A person's intake journey (one per worker): registration → welcome call → orientation → matching →
 * agreement → onboarding → check-ins at 1 and 3 months. `stage` is the step it waits for; the dated
 * steps themselves are journey_steps.
 */
export const journeys = pgTable(
  'journeys',
  {
    id: id(),
    workerId: uuid('worker_id').notNull().references(() => workers.id, { onDelete: 'cascade' }),
    regionId: uuid('region_id').notNull().references(() => regions.id),
    entryKind: entryKindEnum('entry_kind').notNull(),
    stage: journeyStageEnum('stage').notNull().default('welcome_call'),
    /** The mediator who owns the journey; none until one takes it. */
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    /** The organisation the person was matched with (none for the regional pool). */
    organisationId: uuid('organisation_id').references(() => organisations.id),
    consentVersion: text('consent_version').notNull(),
    consentAt: instant('consent_at').notNull(),
    interestPackageIds: uuid('interest_package_ids').array().notNull().default(sql`'{}'::uuid[]`),
    interestOrganisationIds: uuid('interest_organisation_ids').array().notNull().default(sql`'{}'::uuid[]`),
    freeText: text('free_text').notNull().default(''),
    contractKind: contractKindEnum('contract_kind'),
    agreementStartsOn: date('agreement_starts_on', { mode: 'string' }),
    /** The learning plan the person writes: goals and the support they wish for. */
    learningGoals: text('learning_goals').array(),
    supportWishes: text('support_wishes'),
    learningPlanUpdatedAt: instant('learning_plan_updated_at'),
    closedReason: text('closed_reason'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('journeys_worker_uq').on(t.workerId), index('journeys_region_stage_idx').on(t.regionId, t.stage, t.createdAt)],
);

/** Who did which step of a journey, when, with what (the step's body). */
export const journeySteps = pgTable(
  'journey_steps',
  {
    id: id(),
    journeyId: uuid('journey_id').notNull().references(() => journeys.id, { onDelete: 'cascade' }),
    step: journeyStepEnum('step').notNull(),
    doneAt: instant('done_at').notNull(),
    doneByUserId: uuid('done_by_user_id').references(() => users.id),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [uniqueIndex('journey_steps_step_uq').on(t.journeyId, t.step)],
);

/** A shadow day: a one-place shift with the person's confirmed assignment, so it cannot overlap other shifts. */
export const journeyOrientations = pgTable(
  'journey_orientations',
  {
    id: id(),
    journeyId: uuid('journey_id').notNull().references(() => journeys.id, { onDelete: 'cascade' }),
    shiftId: uuid('shift_id').notNull().references(() => shifts.id),
    assignmentId: uuid('assignment_id').notNull().references(() => assignments.id),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('journey_orientations_journey_idx').on(t.journeyId), uniqueIndex('journey_orientations_shift_uq').on(t.shiftId)],
);

/** A newcomer an organisation marked independent in a package: no longer counted against supervision on its shifts. */
export const workerPackageIndependence = pgTable(
  'worker_package_independence',
  {
    workerId: uuid('worker_id').notNull().references(() => workers.id, { onDelete: 'cascade' }),
    packageId: uuid('package_id').notNull().references(() => activityPackages.id),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    markedByUserId: uuid('marked_by_user_id').references(() => users.id),
    markedAt: instant('marked_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workerId, t.packageId] })],
);

/** The BIG re-registration checklist of one registration: hours worked elsewhere, training, accreditation. */
export const bigChecklists = pgTable('big_checklists', {
  credentialId: uuid('credential_id').primaryKey().references(() => credentials.id, { onDelete: 'cascade' }),
  declaredHours: doublePrecision('declared_hours').notNull().default(0),
  isTrainingDone: boolean('is_training_done').notNull().default(false),
  accreditationNote: text('accreditation_note').notNull().default(''),
  updatedAt: instant('updated_at').notNull().defaultNow(),
  updatedByUserId: uuid('updated_by_user_id').references(() => users.id),
});

/** Where a worker's competence comes from: the person said so, or a mediator or coordinator confirmed it. */
export const competenceSourceEnum = pgEnum('competence_source', ['self_declared', 'confirmed']);
/** On a request: a competence the person must have (rules others out), or one that is wished (scores). */
export const competenceLevelEnum = pgEnum('competence_level', ['required', 'wished']);

/**
 * A region's catalogue of competences beyond activity packages (tube feeding, dementia care, ICU
 * experience …): skills, not diplomas. Every region starts with the defaults (drizzle/0009 trigger on
 * regions); coordinators add, relabel and retire entries. `key` is stable (the API speaks keys); a
 * retired entry stays for the workers and requests that name it but is no longer offered.
 */
export const competences = pgTable(
  'competences',
  {
    id: id(),
    regionId: uuid('region_id').notNull().references(() => regions.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    labelNl: text('label_nl').notNull(),
    labelEn: text('label_en').notNull(),
    category: text('category'),
    sortOrder: integer('sort_order').notNull().default(100),
    retiredAt: instant('retired_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('competences_region_key_uq').on(t.regionId, t.key)],
);

/** A competence a worker holds: self-declared, or confirmed by a mediator or coordinator (who and when). */
export const workerCompetences = pgTable(
  'worker_competences',
  {
    workerId: uuid('worker_id').notNull().references(() => workers.id, { onDelete: 'cascade' }),
    competenceId: uuid('competence_id').notNull().references(() => competences.id, { onDelete: 'cascade' }),
    source: competenceSourceEnum('source').notNull().default('self_declared'),
    declaredAt: instant('declared_at').notNull().defaultNow(),
    confirmedByUserId: uuid('confirmed_by_user_id').references(() => users.id),
    confirmedAt: instant('confirmed_at'),
  },
  (t) => [primaryKey({ columns: [t.workerId, t.competenceId] }), index('worker_competences_competence_idx').on(t.competenceId, t.workerId)],
);

/** A competence a request asks for: required (a worker without it is ruled out) or wished (adds to the score). */
export const requestCompetences = pgTable(
  'request_competences',
  {
    requestId: uuid('request_id').notNull().references(() => requests.id, { onDelete: 'cascade' }),
    competenceId: uuid('competence_id').notNull().references(() => competences.id, { onDelete: 'cascade' }),
    level: competenceLevelEnum('level').notNull(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.competenceId] })],
);
