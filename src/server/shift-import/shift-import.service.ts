// Importing shifts from a roster export: read the file, validate every row (format, then location,
// package, times and the region's rules through validateShiftDrafts), then insert in one transaction —
// all rows or none, or only the valid rows when the planner chooses so.
import { and, eq, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import type { TShiftImportReport, TShiftImportRequest } from '../../shared/shift-import.schemas.js';
import { SHIFT_IMPORT_MAX_BYTES, SHIFT_IMPORT_MAX_ROWS } from '../../shared/shift-import.schemas.js';
import type { TShift } from '../../shared/shifts.schemas.js';
import { hasRole, type Actor } from '../auth/actor.js';
import type { Db, DbOrTx } from '../db/open-database.js';
import { locations, organisations, shifts } from '../db/schema.js';
import { AppError, forbidden, type Issue } from '../errors/app-error.js';
import { canManageOrganisation } from '../organisations/organisations.service.js';
import { listPackages } from '../packages/packages.repo.js';
import { insertDrafts, validateShiftDrafts } from '../shifts/shifts.service.js';
import {
  countKnownHeaders,
  isBlankRow,
  matchHeaders,
  readRow,
  resolveTimes,
  type HeaderMatch,
  type ImportField,
  type RowFields,
} from './import-format.js';
import { readTable, type TableRow } from './read-table.js';

type Draft = {
  locationId: string;
  packageId: string;
  start: Date;
  end: Date;
  places: number;
  priority: number;
  supervisionCapacity: number;
  notes: string;
};

type RowState = { row: number; fields?: RowFields; draft?: Draft; issues: { column: string; message: string }[] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEADER_SEARCH_ROWS = 10;

const badFile = (message: string, issues: Issue[] = [{ path: 'contentBase64', message }]) => new AppError('BAD_REQUEST', message, issues);

/** The header row (the first of the first ten rows naming two known columns) and the data rows under it. */
function splitHeader(table: TableRow[]): { header: HeaderMatch; rows: TableRow[] } {
  const index = table.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => countKnownHeaders(r.cells) >= 2);
  if (index < 0) {
    throw badFile('No header row found: name the columns Location, Package, Date, Start, End (or Locatie, Pakket, Datum, Begintijd, Eindtijd)');
  }
  const header = matchHeaders(table[index]!.cells);
  if (header.issues.length) {
    const issues = header.issues.map((i) => ({ path: `columns.${i.column}`, message: i.message }));
    throw badFile(issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
  }
  const rows = table.slice(index + 1).filter((r) => !isBlankRow(r.cells));
  if (rows.length === 0) throw badFile('The file has a header row but no shifts under it');
  if (rows.length > SHIFT_IMPORT_MAX_ROWS) throw badFile(`The file has ${rows.length} rows; import at most ${SHIFT_IMPORT_MAX_ROWS} at a time`);
  return { header, rows };
}

type LocationRow = { id: string; name: string; timeZone: string; organisationId: string; regionId: string };

/** Locations by id, or by name among the organisations the actor plans for. */
async function resolveLocations(db: DbOrTx, actor: Actor, texts: string[]) {
  const ids = texts.filter((t) => UUID.test(t)).map((t) => t.toLowerCase());
  const names = texts.filter((t) => !UUID.test(t)).map((t) => t.toLowerCase());
  const conditions: SQL[] = [];
  if (ids.length) conditions.push(inArray(locations.id, ids));
  if (names.length) conditions.push(inArray(sql`lower(${locations.name})`, names));
  const rows: LocationRow[] = conditions.length
    ? await db
        .select({ id: locations.id, name: locations.name, timeZone: locations.timeZone, organisationId: locations.organisationId, regionId: organisations.regionId })
        .from(locations)
        .innerJoin(organisations, eq(organisations.id, locations.organisationId))
        .where(or(...conditions))
    : [];
  const mayPlan = (l: LocationRow) => canManageOrganisation(actor, { id: l.organisationId, regionId: l.regionId });
  const resolved = new Map<string, { location?: LocationRow; message?: string }>();
  for (const text of texts) {
    const key = text.toLowerCase();
    const matches = UUID.test(text) ? rows.filter((r) => r.id === key) : rows.filter((r) => r.name.toLowerCase() === key);
    const mine = matches.filter(mayPlan);
    if (mine.length === 1) resolved.set(text, { location: mine[0]! });
    else if (mine.length > 1) resolved.set(text, { message: `"${text}" matches ${mine.length} locations you plan for; use the location id` });
    else if (matches.length) resolved.set(text, { message: 'is not a location of an organisation you plan for' });
    else resolved.set(text, { message: `no location "${text}" found` });
  }
  return resolved;
}

type PackageRow = Awaited<ReturnType<typeof listPackages>>[number];

/** A package by code or Dutch or English name; the location's region's own package before a national one. */
function findPackage(packages: PackageRow[], text: string, regionId: string | undefined): PackageRow | undefined {
  const key = text.trim().toLowerCase();
  const matches = packages.filter(
    (p) => (p.regionId === null || regionId === undefined || p.regionId === regionId) && [p.code, p.nameNl, p.nameEn, p.id].some((v) => v.toLowerCase() === key),
  );
  return matches.find((p) => p.regionId !== null) ?? matches[0];
}

const shiftKey = (d: Pick<Draft, 'locationId' | 'packageId' | 'start' | 'end'>) => `${d.locationId}|${d.packageId}|${d.start.getTime()}|${d.end.getTime()}`;

/** Rows repeating an earlier row, or a shift that is already posted: importing a file twice posts nothing twice. */
async function findDuplicates(db: DbOrTx, states: RowState[]) {
  const candidates = states.filter((s) => s.draft && s.issues.length === 0);
  const drafts = candidates.map((s) => s.draft!);
  if (drafts.length === 0) return;
  const times = drafts.map((d) => d.start.getTime());
  const existing = await db
    .select({ locationId: shifts.locationId, packageId: shifts.packageId, start: shifts.start, end: shifts.end })
    .from(shifts)
    .where(
      and(
        inArray(shifts.locationId, [...new Set(drafts.map((d) => d.locationId))]),
        eq(shifts.status, 'open'),
        gte(shifts.start, new Date(Math.min(...times))),
        lte(shifts.start, new Date(Math.max(...times))),
      ),
    );
  const posted = new Set(existing.map(shiftKey));
  const seen = new Map<string, number>();
  for (const state of candidates) {
    const key = shiftKey(state.draft!);
    const earlier = seen.get(key);
    if (earlier !== undefined) state.issues.push({ column: 'start', message: `repeats row ${earlier}; raise places there instead` });
    else if (posted.has(key)) state.issues.push({ column: 'start', message: 'this shift (location, package, start and end) is already posted' });
    else seen.set(key, state.row);
  }
}

/** Imports into one organisation wait for each other, so a double-clicked import cannot post its shifts twice. */
async function lockOrganisations(db: DbOrTx, organisationIds: string[]) {
  const ids = [...new Set(organisationIds)].sort();
  if (ids.length) await db.execute(sql`select id from organisations where id in ${ids} order by id for no key update`);
}

const DRAFT_FIELD: Record<string, ImportField> = { locationId: 'location', packageId: 'package', end: 'end', start: 'start', supervisionCapacity: 'supervisionCapacity', places: 'places' };

async function validateRows(db: DbOrTx, actor: Actor, header: HeaderMatch, rows: TableRow[]) {
  const states: RowState[] = rows.map((r) => ({ row: r.number, ...readRow(r.cells, header.columns) }));
  const parsed = states.filter((s) => s.fields);
  const locationsByText = await resolveLocations(db, actor, [...new Set(parsed.map((s) => s.fields!.location))]);
  const packages = await listPackages(db, actor);
  for (const state of parsed) {
    const fields = state.fields!;
    const { location, message } = locationsByText.get(fields.location)!;
    if (message) state.issues.push({ column: 'location', message });
    const pkg = findPackage(packages, fields.package, location?.regionId);
    if (!pkg) state.issues.push({ column: 'package', message: `no activity package "${fields.package}"; use a code such as basic-care or nursing` });
    // Without a location there is no time zone to read local times in.
    if (!location) continue;
    const times = resolveTimes(fields, location.timeZone);
    state.issues.push(...times.issues);
    if (!pkg || !times.start || !times.end) continue;
    const { location: _l, package: _p, date: _d, ...counts } = fields;
    state.draft = { ...counts, locationId: location.id, packageId: pkg.id, start: times.start, end: times.end };
  }
  const complete = states.filter((s) => s.draft && s.issues.length === 0);
  const checked = await validateShiftDrafts(db, actor, complete.map((s) => s.draft!), () => '');
  complete.forEach((state, i) => {
    for (const issue of checked.issues[i]!) state.issues.push({ column: DRAFT_FIELD[issue.path] ?? issue.path, message: issue.message });
  });
  await lockOrganisations(db, complete.flatMap((s) => checked.organisationOf(s.draft!.locationId) ?? []));
  await findDuplicates(db, states);
  for (const state of states) if (state.issues.length) delete state.draft;
  return { states, organisationOf: checked.organisationOf };
}

function decode(request: TShiftImportRequest): Uint8Array {
  const bytes = Buffer.from(request.contentBase64, 'base64');
  if (bytes.length > SHIFT_IMPORT_MAX_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', 'The file is larger than 2 MB', [{ path: 'contentBase64', message: 'is larger than 2 MB' }]);
  }
  return bytes;
}

export async function importShifts(db: Db, actor: Actor, request: TShiftImportRequest): Promise<TShiftImportReport> {
  if (!hasRole(actor, 'planner', 'coordinator', 'admin')) throw forbidden('Only planners and coordinators import shifts');
  const { header, rows } = splitHeader(await readTable(request.filename, decode(request)));
  return db.transaction(async (tx) => {
    const { states, organisationOf } = await validateRows(tx, actor, header, rows);
    const valid = states.filter((s) => s.draft);
    const failed = states.filter((s) => !s.draft);
    if (failed.length && request.mode === 'all-or-nothing' && !request.dryRun) {
      const issues = failed.flatMap((s) => s.issues.map((i) => ({ path: `rows[${s.row}].${i.column}`, message: i.message })));
      throw new AppError('IMPORT_INVALID', `${failed.length} of ${states.length} rows have errors; nothing was imported`, issues);
    }
    let created: TShift[] = [];
    if (!request.dryRun && valid.length) {
      created = await insertDrafts(tx, actor, valid.map((s) => s.draft!), organisationOf, null);
    }
    const status = (s: RowState) => (!s.draft ? 'error' : request.dryRun ? 'ok' : 'imported');
    return {
      filename: request.filename,
      mode: request.mode,
      dryRun: request.dryRun,
      totalRows: states.length,
      validRows: valid.length,
      importedRows: created.length,
      ignoredColumns: header.ignored,
      rows: states.map((s) => ({
        row: s.row,
        status: status(s),
        issues: s.issues.map((i) => ({ column: i.column, ...(header.headers[i.column as ImportField] ? { header: header.headers[i.column as ImportField] } : {}), message: i.message })),
      })),
      shifts: created,
    };
  });
}
