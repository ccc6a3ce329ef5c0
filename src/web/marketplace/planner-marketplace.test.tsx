// The planner's side of the marketplace without a server: posting a series, the import report,
// the organisation's settings, approving and rejecting claims and swaps, and cancelling with a reason.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TOrganisationDetail } from '../../shared/organisations.schemas';
import type { TShiftImportReport } from '../../shared/shift-import.schemas';
import type { TShiftDetail } from '../../shared/shifts.schemas';
import type { TSwapAwaitingApproval } from '../../shared/swap-approvals.schemas';
import { I18nProvider, translate } from '../i18n/i18n';
import { fakeApi, ids, nightShift, nursing, ok, refused } from './fake-api';
import { ImportPanel } from './import-panel';
import { PlannerShiftPage } from './planner-shift-detail';
import { SettingsPanel } from './settings-panel';
import { checkShiftForm, defaultShiftForm, ShiftForm } from './shift-form';
import { SwapApprovals } from './swap-approvals';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('nl', key, vars);
const inDutch = (ui: ReactNode) => render(<I18nProvider locale="nl" setLocale={() => undefined}>{ui}</I18nProvider>);
const locations = [{ id: ids.location, name: 'Domstad Centrum', timeZone: 'Europe/Amsterdam' }];

describe('checking the shift form', () => {
  const form = (patch: Partial<ReturnType<typeof defaultShiftForm>>) => ({ ...defaultShiftForm(ids.location, '2026-03-28'), packageId: nursing.id, ...patch });

  it('turns a night across the spring clock change into the right instants', () => {
    // Sat 28 Mar 2026 22:00 CET (21:00Z) – Sun 29 Mar 07:00 CEST (05:00Z): eight hours, not nine.
    const { errors, request } = checkShiftForm(form({ startTime: '22:00', endTime: '07:00' }), false, 'Europe/Amsterdam', t);
    expect(errors).toEqual({});
    expect(request).toMatchObject({ kind: 'shift', body: { start: '2026-03-28T21:00:00.000Z', end: '2026-03-29T05:00:00.000Z', places: 1, priority: 3 } });
  });

  it('builds a series of the chosen weekdays between two dates', () => {
    const { request } = checkShiftForm(form({ weekdays: [1, 3, 5], fromDate: '2026-12-07', toDate: '2027-01-03', startTime: '17:00', endTime: '23:00', places: '2' }), true, 'Europe/Amsterdam', t);
    expect(request).toEqual({
      kind: 'series',
      body: { locationId: ids.location, packageId: nursing.id, weekdays: [1, 3, 5], fromDate: '2026-12-07', toDate: '2027-01-03', startTime: '17:00', endTime: '23:00', places: 2, priority: 3, supervisionCapacity: 0, notes: '' },
    });
  });

  it('names each wrong field: no package, no day, a last date before the first, no places', () => {
    const { errors, request } = checkShiftForm(form({ packageId: '', weekdays: [], fromDate: '2026-12-07', toDate: '2026-12-01', places: '0' }), true, 'Europe/Amsterdam', t);
    expect(request).toBeNull();
    expect(errors).toEqual({
      packageId: 'Vul dit in.',
      weekdays: 'Kies minstens één dag.',
      toDate: 'Kies een laatste datum op of na de eerste, hoogstens 26 weken later.',
      places: 'Minimaal 1.',
    });
  });

  it('refuses a series longer than 26 weeks and a shift without a date', () => {
    expect(checkShiftForm(form({ fromDate: '2026-12-07', toDate: '2027-07-01' }), true, 'Europe/Amsterdam', t).errors.toDate).toBe(t('marketplace.form.toDateRange'));
    expect(checkShiftForm(form({ date: '' }), false, 'Europe/Amsterdam', t).errors).toEqual({ date: 'Vul dit in.' });
  });
});

describe('posting a series', () => {
  it('sends the series and reports how many shifts were made', async () => {
    const api = fakeApi({ 'POST /api/shift-series': { status: 201, body: { seriesId: ids.shift, shifts: [nightShift(), nightShift()] } } });
    const onPosted = vi.fn();
    inDutch(<ShiftForm isSeries locations={locations} defaultLocationId={ids.location} packages={[nursing]} defaultDate="2026-12-07" onCancel={() => undefined} onPosted={onPosted} />);
    fireEvent.change(screen.getByTestId('form-package'), { target: { value: nursing.id } });
    fireEvent.click(screen.getByTestId('form-weekday-6'));
    fireEvent.change(screen.getByTestId('form-start'), { target: { value: '22:00' } });
    fireEvent.change(screen.getByTestId('form-end'), { target: { value: '07:00' } });
    fireEvent.click(screen.getByTestId('form-submit'));
    await waitFor(() => expect(onPosted).toHaveBeenCalledWith(2, expect.objectContaining({ id: ids.shift })));
    expect(api.to('POST /api/shift-series')[0]!.body).toMatchObject({ weekdays: [1, 2, 3, 4, 5, 6], fromDate: '2026-12-07', toDate: '2027-01-03', startTime: '22:00', endTime: '07:00' });
  });

  it('shows the errors at their fields and sends nothing', () => {
    const api = fakeApi({});
    inDutch(<ShiftForm isSeries locations={locations} defaultLocationId={ids.location} packages={[nursing]} defaultDate="2026-12-07" onCancel={() => undefined} onPosted={() => undefined} />);
    for (const day of [1, 2, 3, 4, 5]) fireEvent.click(screen.getByTestId(`form-weekday-${day}`));
    fireEvent.click(screen.getByTestId('form-submit'));
    expect(screen.getByTestId('form-package-error').textContent).toBe('Vul dit in.');
    expect(screen.getByTestId('form-weekdays-error').textContent).toBe('Kies minstens één dag.');
    expect(screen.getByLabelText('Activiteitenpakket').getAttribute('aria-invalid')).toBe('true');
    expect(api.sent).toEqual([]);
  });

  it('puts the server’s refusal at the field it names', async () => {
    fakeApi({ 'POST /api/shift-series': refused(400, 'VALIDATION_FAILED', [{ path: 'toDate', message: 'a series spans at most 26 weeks' }]) });
    inDutch(<ShiftForm isSeries locations={locations} defaultLocationId={ids.location} packages={[nursing]} defaultDate="2026-12-07" onCancel={() => undefined} onPosted={() => undefined} />);
    fireEvent.change(screen.getByTestId('form-package'), { target: { value: nursing.id } });
    fireEvent.click(screen.getByTestId('form-submit'));
    expect((await screen.findByTestId('form-to-date-error')).textContent).toBe('a series spans at most 26 weeks');
  });
});

describe('importing shifts', () => {
  const report = (overrides: Partial<TShiftImportReport>): TShiftImportReport => ({
    filename: 'rooster.csv',
    mode: 'all-or-nothing',
    dryRun: true,
    totalRows: 3,
    validRows: 2,
    importedRows: 0,
    ignoredColumns: [],
    rows: [
      { row: 2, status: 'ok', issues: [] },
      { row: 3, status: 'error', issues: [{ column: 'date', header: 'Datum', message: '31-02-2027 is not a date in the calendar' }, { column: 'package', header: 'Pakket', message: 'is required' }] },
      { row: 4, status: 'ok', issues: [] },
    ],
    shifts: [],
    ...overrides,
  });
  const pick = async () => {
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [new File(['Locatie;Datum\n'], 'rooster.csv', { type: 'text/csv' })] } });
    await waitFor(() => expect(screen.getByTestId<HTMLButtonElement>('import-check').disabled).toBe(false));
    fireEvent.click(screen.getByTestId('import-check'));
  };

  it('lists each error by row and column, imports nothing by itself, and imports the valid rows only when asked', async () => {
    const api = fakeApi({
      'POST /api/shift-imports': (body) => ok((body as { dryRun: boolean }).dryRun ? report({}) : report({ dryRun: false, mode: 'valid-rows', importedRows: 2 })),
    });
    const onImported = vi.fn();
    inDutch(<ImportPanel onImported={onImported} />);
    await pick();
    const issues = await screen.findAllByTestId('import-issue');
    expect(issues.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent))).toEqual([
      ['3', 'Datum', '31-02-2027 is not a date in the calendar'],
      ['3', 'Pakket', 'is required'],
    ]);
    expect(screen.getByTestId('import-summary').textContent).toBe('2 goede regels, 1 met fouten');
    expect(screen.getByTestId('import-blocked')).toBeTruthy();
    expect(screen.queryByTestId('import-run')).toBeNull();
    expect(api.to('POST /api/shift-imports')).toHaveLength(1);
    expect(api.to('POST /api/shift-imports')[0]!.body).toMatchObject({ filename: 'rooster.csv', mode: 'all-or-nothing', dryRun: true });

    fireEvent.click(screen.getByRole('button', { name: 'Alleen de 2 goede regels importeren' }));
    await waitFor(() => expect(onImported).toHaveBeenCalledWith(2));
    expect(api.to('POST /api/shift-imports')[1]!.body).toMatchObject({ mode: 'valid-rows', dryRun: false });
  });

  it('imports everything at once when every row is right', async () => {
    const api = fakeApi({
      'POST /api/shift-imports': (body) => ok(report({ validRows: 3, rows: [2, 3, 4].map((row) => ({ row, status: 'ok' as const, issues: [] })), importedRows: (body as { dryRun: boolean }).dryRun ? 0 : 3 })),
    });
    const onImported = vi.fn();
    inDutch(<ImportPanel onImported={onImported} />);
    await pick();
    fireEvent.click(await screen.findByRole('button', { name: '3 diensten importeren' }));
    await waitFor(() => expect(onImported).toHaveBeenCalledWith(3));
    expect(screen.queryByTestId('import-valid')).toBeNull();
    expect(api.to('POST /api/shift-imports')[1]!.body).toMatchObject({ mode: 'all-or-nothing', dryRun: false });
  });

  it('names a missing column even without a header in the file', async () => {
    fakeApi({ 'POST /api/shift-imports': ok(report({ validRows: 0, rows: [{ row: 1, status: 'error', issues: [{ column: 'end', message: 'missing column (End or Einde)' }] }] })) });
    inDutch(<ImportPanel onImported={() => undefined} />);
    await pick();
    const [issue] = await screen.findAllByTestId('import-issue');
    expect(within(issue!).getAllByRole('cell').map((c) => c.textContent)).toEqual(['1', 'Einde', 'missing column (End or Einde)']);
    expect(screen.queryByTestId('import-valid')).toBeNull();
  });
});

describe('the organisation’s settings', () => {
  const organisation = { id: ids.organisation, name: 'Ziekenhuis Domstad' } as TOrganisationDetail;
  const path = `/api/organisations/${ids.organisation}/settings`;

  it('switches claims to approval, sets the cut-off and swap approval', async () => {
    const api = fakeApi({ [`GET ${path}`]: ok({ claimMode: 'instant', cancelCutoffHours: 24, swapNeedsApproval: false }), [`PATCH ${path}`]: (body) => ok(body) });
    const onSaved = vi.fn();
    inDutch(<SettingsPanel organisation={organisation} onSaved={onSaved} onCancel={() => undefined} />);
    fireEvent.click(await screen.findByLabelText('Planner keurt goed'));
    fireEvent.change(screen.getByTestId('settings-cutoff'), { target: { value: '48' } });
    fireEvent.click(screen.getByLabelText('Ruilen vraagt goedkeuring van de planner'));
    fireEvent.click(screen.getByTestId('settings-save'));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(api.to(`PATCH ${path}`)[0]!.body).toEqual({ claimMode: 'approval', cancelCutoffHours: 48, swapNeedsApproval: true });
  });

  it('refuses a cut-off beyond two weeks at its field', async () => {
    const api = fakeApi({ [`GET ${path}`]: ok({ claimMode: 'instant', cancelCutoffHours: 24, swapNeedsApproval: true }) });
    inDutch(<SettingsPanel organisation={organisation} onSaved={() => undefined} onCancel={() => undefined} />);
    fireEvent.change(await screen.findByTestId('settings-cutoff'), { target: { value: '400' } });
    fireEvent.click(screen.getByTestId('settings-save'));
    expect(screen.getByTestId('settings-cutoff-error').textContent).toBe('Maximaal 336.');
    expect(api.to(`PATCH ${path}`)).toEqual([]);
  });
});

describe('swaps waiting for the planner', () => {
  const waiting: TSwapAwaitingApproval = {
    id: ids.swap,
    assignmentId: ids.assignment,
    shiftId: ids.shift,
    fromWorkerId: ids.worker,
    fromWorkerName: 'Anna d.',
    toWorkerId: ids.colleague,
    toWorkerName: 'Bram J.',
    status: 'accepted',
    note: 'Bruiloft van mijn zus',
    reason: null,
    decidedAt: '2026-12-01T09:30:00.000Z',
    acceptedAt: '2026-12-01T09:30:00.000Z',
    shift: { ...nightShift(), id: ids.shift },
  };

  it('shows who hands which shift to whom and when; approving takes it off the list', async () => {
    let queue = [waiting];
    const api = fakeApi({
      'GET /api/swap-approvals': () => ok(queue),
      [`POST /api/swaps/${ids.swap}/approve`]: () => {
        queue = [];
        return ok({ ...waiting, status: 'approved' });
      },
    });
    const onDecided = vi.fn();
    inDutch(<SwapApprovals packages={[nursing]} onDecided={onDecided} />);
    const item = await screen.findByTestId('swap-approval');
    expect(within(item).getByTestId('swap-approval-who').textContent).toBe('Anna d. geeft de dienst aan Bram J.');
    expect(within(item).getByTestId('swap-approval-when').textContent).toBe('di 8 dec 22:00 – wo 07:00');
    expect(item.textContent).toContain('Verpleegkundige zorg (BIG) · Ziekenhuis Domstad · Domstad Centrum');
    expect(item.textContent).toContain('Bruiloft van mijn zus');
    expect(screen.getByRole('heading').textContent).toBe('Ruilverzoeken om goed te keuren (1)');
    fireEvent.click(within(item).getByTestId('swap-approve'));
    expect((await screen.findByTestId('swap-approvals-message')).textContent).toBe('Goedgekeurd: de dienst is nu van Bram J..');
    await waitFor(() => expect(screen.queryByTestId('swap-approval')).toBeNull());
    expect(onDecided).toHaveBeenCalled();
    expect(api.to(`POST /api/swaps/${ids.swap}/approve`)).toHaveLength(1);
  });

  it('rejects only with a reason of at least three characters', async () => {
    const api = fakeApi({ 'GET /api/swap-approvals': ok([waiting]), [`POST /api/swaps/${ids.swap}/reject`]: ok({ ...waiting, status: 'rejected' }) });
    inDutch(<SwapApprovals packages={[nursing]} onDecided={() => undefined} />);
    fireEvent.click(await screen.findByTestId('swap-reject'));
    fireEvent.change(screen.getByTestId('reason'), { target: { value: 'ok' } });
    expect(screen.getByTestId<HTMLButtonElement>('reason-confirm').disabled).toBe(true);
    fireEvent.change(screen.getByTestId('reason'), { target: { value: 'Bram heeft geen inwerkdag gehad' } });
    fireEvent.click(screen.getByTestId('reason-confirm'));
    await waitFor(() => expect(api.to(`POST /api/swaps/${ids.swap}/reject`)).toHaveLength(1));
    expect(api.to(`POST /api/swaps/${ids.swap}/reject`)[0]!.body).toEqual({ reason: 'Bram heeft geen inwerkdag gehad' });
  });

  it('shows nothing when no swap waits', async () => {
    const api = fakeApi({ 'GET /api/swap-approvals': ok([]) });
    inDutch(<SwapApprovals packages={[nursing]} onDecided={() => undefined} />);
    await waitFor(() => expect(api.sent).toHaveLength(1));
    expect(screen.queryByTestId('swap-approvals')).toBeNull();
  });
});

describe('one shift for its planner', () => {
  const attendee = (assignmentId: string, name: string, status: 'pending' | 'confirmed') => ({ assignmentId, workerId: ids.worker, name, kind: 'own_staff', isNewcomer: false, status, email: `${name.toLowerCase()}@e2e.test`, phone: '' });
  const detail = (): TShiftDetail => ({ ...nightShift({ pending: 1, filled: 1 }), attendees: [attendee(ids.assignment, 'Anna', 'pending'), attendee(ids.otherAssignment, 'Bram', 'confirmed')] });

  const open = () => {
    const api = fakeApi({
      [`GET /api/shifts/${ids.shift}`]: ok(detail()),
      'GET /api/packages': ok([nursing]),
      [`POST /api/assignments/${ids.assignment}/approve`]: ok({}),
      [`POST /api/assignments/${ids.assignment}/reject`]: ok({}),
      [`POST /api/assignments/${ids.otherAssignment}/cancel`]: ok({}),
      [`POST /api/shifts/${ids.shift}/cancel`]: ok({}),
    });
    inDutch(<PlannerShiftPage shiftId={ids.shift} />);
    return api;
  };
  const attendeeCard = async (name: string) => (await screen.findAllByTestId('attendee')).find((card) => card.textContent?.includes(name))!;

  it('approves a waiting claim', async () => {
    const api = open();
    fireEvent.click(within(await attendeeCard('Anna')).getByTestId('approve'));
    await waitFor(() => expect(api.to(`POST /api/assignments/${ids.assignment}/approve`)).toHaveLength(1));
    await waitFor(() => expect(api.to(`GET /api/shifts/${ids.shift}`)).toHaveLength(2));
  });

  it('rejects a waiting claim with the reason the worker will read', async () => {
    const api = open();
    fireEvent.click(within(await attendeeCard('Anna')).getByTestId('reject'));
    fireEvent.change(screen.getByTestId('reason'), { target: { value: 'Te weinig ervaring op de IC' } });
    fireEvent.click(screen.getByTestId('reason-confirm'));
    await waitFor(() => expect(api.to(`POST /api/assignments/${ids.assignment}/reject`)[0]?.body).toEqual({ reason: 'Te weinig ervaring op de IC' }));
  });

  it('cancels a confirmed assignment and the whole shift, each with a reason', async () => {
    const api = open();
    const bram = await attendeeCard('Bram');
    expect(within(bram).queryByTestId('approve')).toBeNull();
    fireEvent.click(within(bram).getByTestId('cancel-assignment'));
    fireEvent.change(screen.getByTestId('reason'), { target: { value: 'Afdeling gaat dicht' } });
    fireEvent.click(screen.getByTestId('reason-confirm'));
    await waitFor(() => expect(api.to(`POST /api/assignments/${ids.otherAssignment}/cancel`)[0]?.body).toEqual({ reason: 'Afdeling gaat dicht' }));

    fireEvent.click(await screen.findByTestId('cancel-whole-shift'));
    fireEvent.change(screen.getByTestId('reason'), { target: { value: 'Minder bedden bezet' } });
    fireEvent.click(screen.getByTestId('reason-confirm'));
    await waitFor(() => expect(api.to(`POST /api/shifts/${ids.shift}/cancel`)[0]?.body).toEqual({ reason: 'Minder bedden bezet' }));
  });

  it('shows the region’s ranked candidates only when asked, with the reasons and why the others cannot', async () => {
    const list = {
      checkedCount: 14,
      candidates: [
        {
          workerId: ids.colleague,
          name: 'Carla Smit',
          kind: 'reservist',
          distanceKm: 4,
          score: 30,
          parts: [{ part: 'packageFit', weight: 30, value: 1, points: 30, message: 'Has 1 of 1', params: { held: 1, asked: 1 } }],
        },
      ],
      ruledOut: [{ rule: 'package', count: 13, examples: [] }],
    };
    const api = fakeApi({ [`GET /api/shifts/${ids.shift}`]: ok(detail()), 'GET /api/packages': ok([nursing]), [`GET /api/shifts/${ids.shift}/candidates`]: ok(list) });
    inDutch(<PlannerShiftPage shiftId={ids.shift} />);
    await screen.findByTestId('show-candidates');
    expect(api.to(`GET /api/shifts/${ids.shift}/candidates`)).toHaveLength(0);
    fireEvent.click(screen.getByTestId('show-candidates'));
    const card = await screen.findByTestId('candidates-card');
    await within(card).findByTestId('candidate');
    expect(api.to(`GET /api/shifts/${ids.shift}/candidates`)).toHaveLength(1);
    expect(within(card).getByTestId('candidate').textContent).toContain('1. Carla Smit');
    expect(within(card).getByTestId('score-parts').textContent).toContain('Heeft 1 van de 1 gevraagde pakketten');
    expect(within(card).getByTestId('candidates-checked').textContent).toContain('14');
    expect(screen.queryByTestId('show-candidates')).toBeNull();
  });

  it('offers no candidates for a cancelled shift', async () => {
    fakeApi({ [`GET /api/shifts/${ids.shift}`]: ok({ ...detail(), status: 'cancelled', cancelReason: 'dicht' }), 'GET /api/packages': ok([nursing]) });
    inDutch(<PlannerShiftPage shiftId={ids.shift} />);
    await screen.findAllByTestId('attendee');
    expect(screen.queryByTestId('show-candidates')).toBeNull();
  });
});
