// A planner imports the week's open shifts from a roster export, through the HTTP API on a real database.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { count } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { TShiftImportReport } from '../../shared/shift-import.schemas.js';
import { setupMarketplace } from '../assignments/marketplace.fixtures.js';
import { shifts } from '../db/schema.js';
import { startTestApp, type Session, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let m: Awaited<ReturnType<typeof setupMarketplace>>;
let planner: Session;
before(async () => {
  t = await startTestApp();
  m = await setupMarketplace(t);
  planner = await t.login('planner@domstad.test');
});
after(() => t.close());

type ErrorBody = { code: string; message: string; issues: { path: string; message: string }[] };

const send = (session: Session, filename: string, content: string | Buffer, options: { mode?: 'all-or-nothing' | 'valid-rows'; dryRun?: boolean } = {}) =>
  session.post('/api/shift-imports', { filename, contentBase64: Buffer.from(content).toString('base64'), ...options });

const shiftCount = async () => (await t.db.select({ n: count() }).from(shifts))[0]!.n;

const csv = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;

describe('importing a roster export', () => {
  test('a CSV with a night shift across midnight and a night across the spring-forward change', async () => {
    const res = await send(
      planner,
      'rooster.csv',
      csv(
        'Location,Package,Date,Start time,End time,Places,Priority,Supervision capacity,Notes',
        'Domstad Centrum,nursing,2027-01-04,22:00,07:00,2,5,1,"Night, IC ward"',
        'Domstad Centrum,basic-care,2027-03-27,22:00,07:00,1,,,',
      ),
    );
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const report = res.body as TShiftImportReport;
    assert.equal(report.totalRows, 2);
    assert.equal(report.importedRows, 2);
    assert.deepEqual(report.rows.map((r) => [r.row, r.status]), [[2, 'imported'], [3, 'imported']]);
    const [night, dst] = report.shifts.sort((a, b) => a.start.localeCompare(b.start));
    assert.equal(night!.start, '2027-01-04T21:00:00.000Z'); // Monday 22:00 CET
    assert.equal(night!.end, '2027-01-05T06:00:00.000Z'); // Tuesday 07:00 CET
    assert.deepEqual([night!.places, night!.priority, night!.supervisionCapacity, night!.notes, night!.packageCode], [2, 5, 1, 'Night, IC ward', 'nursing']);
    assert.equal(dst!.start, '2027-03-27T21:00:00.000Z'); // Saturday 22:00 CET (+01:00)
    assert.equal(dst!.end, '2027-03-28T05:00:00.000Z'); // Sunday 07:00 CEST (+02:00): 8 hours, not 9
    assert.deepEqual([dst!.priority, dst!.supervisionCapacity], [3, 0], 'defaults for blank priority and supervision');
    assert.equal(dst!.locationId, m.ward.id);
  });

  test('a Dutch Excel export: semicolons, Dutch headers, day-month-year, package names in Dutch, Windows-1252', async () => {
    const text = csv(
      'Locatie;Pakket;Datum;Begintijd;Eindtijd;Aantal plaatsen;Prioriteit;Begeleidingscapaciteit;Opmerkingen;Kostenplaats',
      'domstad centrum;Verpleegkundige zorg (BIG);4-1-2027;07.00;15:00;3;2;0;Vroege dienst, café-overdracht;4711',
      `${m.farAway.id};Basiszorg en contact met zorgvragers;05-01-2027;15:00;23:00;1;3;0;;4711`,
    );
    const res = await send(planner, 'diensten.csv', Buffer.from(text, 'latin1'));
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const report = res.body as TShiftImportReport;
    assert.equal(report.importedRows, 2);
    assert.deepEqual(report.ignoredColumns, ['Kostenplaats']);
    const [early, late] = report.shifts.sort((a, b) => a.start.localeCompare(b.start));
    assert.equal(early!.start, '2027-01-04T06:00:00.000Z'); // Monday 07:00 CET
    assert.equal(early!.notes, 'Vroege dienst, café-overdracht');
    assert.equal(early!.packageCode, 'nursing');
    assert.equal(late!.locationId, m.farAway.id, 'a location by its id');
    assert.equal(late!.packageCode, 'basic-care');
  });

  test('an XLSX with date and time cells, a title line above the header', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Rooster');
    sheet.addRow(['Rooster week 2, Ziekenhuis Domstad']);
    sheet.addRow(['Locatie', 'Pakket', 'Datum', 'Begintijd', 'Eindtijd', 'Plaatsen']);
    const time = (h: number, mi: number) => new Date(Date.UTC(1899, 11, 30, h, mi));
    sheet.addRow(['Domstad Centrum', 'nursing', new Date(Date.UTC(2027, 0, 11)), time(22, 0), time(7, 0), 1]);
    sheet.addRow(['Domstad Centrum', 'basic-care', new Date(Date.UTC(2027, 9, 30)), time(23, 0), time(7, 30), 2]);
    sheet.getColumn(3).numFmt = 'dd-mm-yyyy';
    sheet.getColumn(4).numFmt = 'hh:mm';
    sheet.getColumn(5).numFmt = 'hh:mm';
    const res = await send(planner, 'rooster.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const report = res.body as TShiftImportReport;
    assert.deepEqual(report.rows.map((r) => [r.row, r.status]), [[3, 'imported'], [4, 'imported']]);
    const [night, fallBack] = report.shifts.sort((a, b) => a.start.localeCompare(b.start));
    assert.equal(night!.start, '2027-01-11T21:00:00.000Z'); // Monday 22:00 CET
    assert.equal(night!.end, '2027-01-12T06:00:00.000Z'); // Tuesday 07:00 CET
    assert.equal(fallBack!.start, '2027-10-30T21:00:00.000Z'); // Saturday 23:00 CEST (+02:00)
    assert.equal(fallBack!.end, '2027-10-31T06:30:00.000Z'); // Sunday 07:30 CET (+01:00): 9½ hours
    assert.equal(fallBack!.places, 2);
  });

  test('ISO start and end instants need no date column', async () => {
    const res = await send(planner, 'export.csv', csv('location,package,start,end', 'Domstad Centrum,nursing,2027-01-18T21:00:00Z,2027-01-19T06:00:00+00:00'));
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const [shift] = (res.body as TShiftImportReport).shifts;
    assert.equal(shift!.start, '2027-01-18T21:00:00.000Z'); // Monday 22:00 CET
    assert.equal(shift!.end, '2027-01-19T06:00:00.000Z'); // Tuesday 07:00 CET
  });
});

describe('rows with errors', () => {
  const withErrors = csv(
    'Location,Package,Date,Start,End,Places',
    'Domstad Centrum,nursing,2027-02-01,07:00,15:00,1',
    'Domstad Centrum,nursing,2027-02-01,2027-02-01T14:00:00Z,2027-02-01T13:00:00Z,1',
    'Domstad Centrum,basic-care,2027-02-02,07:00,15:00,1',
    'Domstad Centrum,basic-care,31-02-2027,07:00,15:00,1',
    'Domstad Centrum,basic-care,2027-02-03,07:00,15:00,2',
  );

  test('all or nothing: errors in rows 3 and 5 import nothing and name each row and column', async () => {
    const before = await shiftCount();
    const res = await send(planner, 'rooster.csv', withErrors);
    assert.equal(res.status, 422, JSON.stringify(res.body));
    const body = res.body as ErrorBody;
    assert.equal(body.code, 'IMPORT_INVALID');
    assert.match(body.message, /2 of 5 rows have errors; nothing was imported/);
    assert.deepEqual(body.issues, [
      { path: 'rows[3].end', message: 'must be after start' },
      { path: 'rows[5].date', message: '31-02-2027 is not a date in the calendar' },
    ]);
    assert.equal(await shiftCount(), before, 'nothing written');
  });

  test('a dry run reports every row and writes nothing', async () => {
    const before = await shiftCount();
    const res = await send(planner, 'rooster.csv', withErrors, { dryRun: true });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const report = res.body as TShiftImportReport;
    assert.deepEqual(report.rows.map((r) => r.status), ['ok', 'error', 'ok', 'error', 'ok']);
    assert.deepEqual(report.rows[3]!.issues, [{ column: 'date', header: 'Date', message: '31-02-2027 is not a date in the calendar' }]);
    assert.deepEqual([report.validRows, report.importedRows, report.shifts.length], [3, 0, 0]);
    assert.equal(await shiftCount(), before);
  });

  test("'import the valid rows' imports the good rows and reports the rest", async () => {
    const before = await shiftCount();
    const res = await send(planner, 'rooster.csv', withErrors, { mode: 'valid-rows' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const report = res.body as TShiftImportReport;
    assert.deepEqual(report.rows.map((r) => [r.row, r.status]), [[2, 'imported'], [3, 'error'], [4, 'imported'], [5, 'error'], [6, 'imported']]);
    assert.equal(report.importedRows, 3);
    assert.equal(await shiftCount(), before + 3);
  });

  test('importing the same file again posts nothing twice', async () => {
    const res = await send(planner, 'rooster.csv', withErrors, { mode: 'valid-rows' });
    const report = res.body as TShiftImportReport;
    assert.equal(report.importedRows, 0);
    assert.deepEqual(report.rows[0]!.issues.map((i) => i.message), ['this shift (location, package, start and end) is already posted']);
  });

  test('a location of another organisation, an unknown package, a too long shift, more supervision than places', async () => {
    const res = await send(
      planner,
      'rooster.csv',
      csv(
        'Location,Package,Date,Start,End,Places,Supervision capacity',
        'De Linde,basic-care,2027-02-08,07:00,15:00,1,0',
        'Domstad Centrum,cooking,2027-02-08,07:00,15:00,1,0',
        'Domstad Centrum,basic-care,2027-02-08,07:00,23:00,1,0',
        'Domstad Centrum,basic-care,2027-02-09,07:00,15:00,1,2',
        'Nergens,basic-care,2027-02-09,07:00,15:00,1,0',
      ),
    );
    assert.equal(res.status, 422, JSON.stringify(res.body));
    const issues = (res.body as ErrorBody).issues;
    assert.deepEqual(issues.map((i) => i.path), ['rows[2].location', 'rows[3].package', 'rows[4].end', 'rows[5].supervisionCapacity', 'rows[6].location']);
    assert.equal(issues[0]!.message, 'is not a location of an organisation you plan for');
    assert.match(issues[2]!.message, /at most \d+ hours/);
    assert.equal(issues[4]!.message, 'no location "Nergens" found');
  });

  test('the same file sent twice at once is imported once', async () => {
    const before = await shiftCount();
    const file = csv('Location,Package,Date,Start,End', 'Domstad Centrum,basic-care,2027-02-22,07:00,15:00', 'Domstad Centrum,nursing,2027-02-22,22:00,07:00');
    const results = await Promise.all([send(planner, 'rooster.csv', file), send(planner, 'rooster.csv', file)]);
    assert.deepEqual(results.map((r) => r.status).sort(), [200, 422], JSON.stringify(results.map((r) => r.body)));
    assert.equal(await shiftCount(), before + 2);
  });

  test('rows repeating one another are an error at the second', async () => {
    const row = 'Domstad Centrum,basic-care,2027-02-15,07:00,15:00';
    const res = await send(planner, 'rooster.csv', csv('Location,Package,Date,Start,End', row, row));
    assert.deepEqual((res.body as ErrorBody).issues, [{ path: 'rows[3].start', message: 'repeats row 2; raise places there instead' }]);
  });
});

describe('files that are not a roster', () => {
  const expect400 = async (filename: string, content: string | Buffer, pattern: RegExp) => {
    const res = await send(planner, filename, content);
    assert.equal(res.status, 400, JSON.stringify(res.body));
    assert.match((res.body as ErrorBody).message, pattern);
  };

  test('an empty file, only a header, garbage bytes, a broken XLSX, an old XLS, no known headers, a missing column', async () => {
    const before = await shiftCount();
    await expect400('leeg.csv', '', /empty/);
    await expect400('leeg.csv', '\r\n\r\n', /empty/);
    await expect400('kop.csv', csv('Location,Package,Date,Start,End'), /no shifts/);
    await expect400('foto.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), /not a CSV or XLSX/);
    await expect400('kapot.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]), /could not be read as an XLSX/);
    await expect400('oud.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), /old Excel file/);
    await expect400('brief.csv', 'Beste planner,\nhierbij het rooster.\n', /No header row/);
    const missing = await send(planner, 'rooster.csv', csv('Location,Date,Start,End', 'Domstad Centrum,2027-03-01,07:00,15:00'));
    assert.equal(missing.status, 400);
    assert.deepEqual((missing.body as ErrorBody).issues, [{ path: 'columns.package', message: 'missing column (Package or Pakket)' }]);
    const notBase64 = await planner.post('/api/shift-imports', { filename: 'x.csv', contentBase64: '%%%' });
    assert.equal(notBase64.status, 400);
    assert.equal(await shiftCount(), before);
  });

  test('a worker may not import shifts', async () => {
    await m.nurse('nurse-import@test.org');
    const nurse = await t.login('nurse-import@test.org');
    const res = await send(nurse, 'rooster.csv', csv('Location,Package,Date,Start,End', 'Domstad Centrum,nursing,2027-03-01,07:00,15:00'));
    assert.equal(res.status, 403);
  });
});

describe('templates', () => {
  test('the CSV and XLSX templates import as they are (dry run)', async () => {
    const csvTemplate = await planner.get('/api/shift-imports/template.csv');
    assert.equal(csvTemplate.status, 200);
    assert.match(String(csvTemplate.headers['content-type']), /text\/csv/);
    const text = String(csvTemplate.body);
    assert.match(text, /Location|Locatie/);
    const fromCsv = await send(planner, 'template.csv', text, { dryRun: true });
    assert.equal(fromCsv.status, 200, JSON.stringify(fromCsv.body));
    assert.deepEqual((fromCsv.body as TShiftImportReport).rows.map((r) => r.status), ['ok', 'ok']);

    const xlsx = await t.app.inject({ method: 'GET', url: '/api/shift-imports/template.xlsx', headers: { cookie: planner.cookie } });
    assert.equal(xlsx.statusCode, 200);
    assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
    const fromXlsx = await send(planner, 'template.xlsx', xlsx.rawPayload, { dryRun: true });
    assert.equal(fromXlsx.status, 200, JSON.stringify(fromXlsx.body));
    assert.deepEqual((fromXlsx.body as TShiftImportReport).rows.map((r) => r.status), ['ok', 'ok']);
  });
});
