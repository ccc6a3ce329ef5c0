// The worker's side of the marketplace without a server: My shifts (reservist progress, cancelling
// until the cut-off, a shift the organisation cancelled with its reason, offering and answering a
// swap), the calendar feed card, and notifications with the channel per type.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TMyShift, TSwap } from '../../shared/assignments.schemas';
import type { TMe } from '../../shared/auth.schemas';
import { notificationTypes } from '../../shared/notifications.schemas';
import type { TLocale } from '../../shared/common.schemas';
import { I18nProvider } from '../i18n/i18n';
import { MeContext } from '../session';
import { CalendarFeedCard } from './calendar-feed';
import { fakeApi, ids, nightShift, nursing, ok } from './fake-api';
import { MyShiftsPage } from './my-shifts';
import { NotificationsPage } from './notifications';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const me: TMe = { id: ids.worker, email: 'anna@e2e.test', name: 'Anna de Vries', locale: 'nl', roles: [{ role: 'worker', regionId: ids.organisation, organisationId: null }], workerId: ids.worker, csrfToken: 'csrf-token' };

const asWorker = (ui: ReactNode, locale: TLocale = 'nl') =>
  render(
    <I18nProvider locale={locale} setLocale={() => undefined}>
      <MeContext value={me}>{ui}</MeContext>
    </I18nProvider>,
  );

const mine = (overrides: Partial<TMyShift> = {}, shift = nightShift()): TMyShift => ({
  id: ids.assignment,
  shiftId: shift.id,
  workerId: ids.worker,
  status: 'confirmed',
  source: 'claim',
  isNewcomer: false,
  reason: null,
  createdAt: '2026-11-20T10:00:00.000Z',
  shift,
  canCancelUntil: '2026-12-07T21:00:00.000Z',
  ...overrides,
});

const swap = (overrides: Partial<TSwap> = {}): TSwap => ({
  id: ids.swap,
  assignmentId: ids.otherAssignment,
  shiftId: ids.shift,
  fromWorkerId: ids.colleague,
  fromWorkerName: 'Bram J.',
  toWorkerId: ids.worker,
  toWorkerName: 'Anna d.',
  status: 'requested',
  note: 'Kun jij mijn nacht overnemen?',
  reason: null,
  decidedAt: null,
  shift: nightShift(),
  ...overrides,
});

const myShiftsApi = (shifts: TMyShift[], swaps: TSwap[] = [], extra: Parameters<typeof fakeApi>[0] = {}) =>
  fakeApi({
    'GET /api/me/shifts': ok(shifts),
    'GET /api/me/swaps': ok(swaps),
    'GET /api/packages': ok([nursing]),
    'GET /api/me/progress': ok({ year: 2026, daysWorked: 3, daysPlanned: 2, minDaysPerYear: 6 }),
    'GET /api/me/calendar-feed': ok({ isActive: false, createdAt: null, lastFetchedAt: null }),
    ...extra,
  });

describe('My shifts', () => {
  it('shows a reservist’s days against the yearly minimum', async () => {
    myShiftsApi([]);
    asWorker(<MyShiftsPage />);
    expect((await screen.findByTestId('progress-text')).textContent).toBe('3 van 6 dagen dit jaar');
    expect(screen.getByRole('progressbar').getAttribute('value')).toBe('3');
    expect(screen.getByTestId('progress').textContent).toContain('Ingepland: 2 dag(en)');
  });

  it('reads "3 of 6 days this year" in English and only days for a worker without a minimum', async () => {
    myShiftsApi([], [], { 'GET /api/me/progress': ok({ year: 2026, daysWorked: 3, daysPlanned: 0, minDaysPerYear: 6 }) });
    asWorker(<MyShiftsPage />, 'en');
    expect((await screen.findByTestId('progress-text')).textContent).toBe('3 of 6 days this year');
    cleanup();
    myShiftsApi([], [], { 'GET /api/me/progress': ok({ year: 2026, daysWorked: 4, daysPlanned: 0, minDaysPerYear: null }) });
    asWorker(<MyShiftsPage />);
    expect((await screen.findByTestId('progress-text')).textContent).toBe('4 dagen gewerkt dit jaar');
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('asks for all assignments and shows a shift the organisation cancelled, with its reason, apart from the live ones', async () => {
    const cancelledShift = nightShift({ id: ids.otherAssignment, status: 'cancelled', cancelReason: 'Minder bedden bezet' });
    const api = myShiftsApi([mine(), mine({ id: ids.otherAssignment, status: 'cancelled', reason: 'Minder bedden bezet' }, cancelledShift)]);
    asWorker(<MyShiftsPage />);
    expect(await screen.findAllByTestId('my-shift')).toHaveLength(1);
    const ended = screen.getByTestId('ended-shift');
    expect(ended.textContent).toContain('di 8 dec 22:00 – wo 07:00');
    expect(within(ended).getByTestId('ended-reason').textContent).toBe('Reden: Minder bedden bezet');
    expect(ended.textContent).toContain('Geannuleerd');
    expect(api.to('GET /api/me/shifts')[0]!.search.get('status')).toBe('all');
  });

  it('cancels before the cut-off with an optional reason; after it, points to the planner', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-01T12:00:00Z'), toFake: ['Date'] });
    const api = myShiftsApi([mine()], [], { [`POST /api/assignments/${ids.assignment}/cancel`]: ok({}) });
    asWorker(<MyShiftsPage />);
    fireEvent.click(await screen.findByTestId('cancel-shift'));
    fireEvent.change(screen.getByTestId('reason'), { target: { value: 'Ziek' } });
    fireEvent.click(screen.getByTestId('reason-confirm'));
    await waitFor(() => expect(api.to(`POST /api/assignments/${ids.assignment}/cancel`)[0]?.body).toEqual({ reason: 'Ziek' }));

    cleanup();
    vi.setSystemTime(new Date('2026-12-08T12:00:00Z'));
    myShiftsApi([mine()]);
    asWorker(<MyShiftsPage />);
    expect((await screen.findByTestId('cancel-too-late')).textContent).toBe('Afzeggen kan niet meer via de app. Neem contact op met de planner.');
    expect(screen.queryByTestId('cancel-shift')).toBeNull();
  });

  it('offers a confirmed shift to a colleague the server says may take it', async () => {
    const api = myShiftsApi([mine()], [], {
      [`GET /api/assignments/${ids.assignment}/swap-candidates`]: ok([{ workerId: ids.colleague, name: 'Bram J.' }]),
      [`POST /api/assignments/${ids.assignment}/swaps`]: { status: 201, body: swap({ status: 'requested' }) },
    });
    asWorker(<MyShiftsPage />);
    fireEvent.click(await screen.findByTestId('swap-shift'));
    const send = await screen.findByTestId<HTMLButtonElement>('swap-send');
    expect(send.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Collega'), { target: { value: ids.colleague } });
    fireEvent.change(screen.getByTestId('swap-note'), { target: { value: 'Verjaardag van mijn moeder' } });
    fireEvent.click(send);
    await waitFor(() => expect(api.to(`POST /api/assignments/${ids.assignment}/swaps`)[0]?.body).toEqual({ toWorkerId: ids.colleague, note: 'Verjaardag van mijn moeder' }));
    await waitFor(() => expect(api.to('GET /api/me/shifts')).toHaveLength(2));
  });

  it('says so when no colleague may take the shift', async () => {
    myShiftsApi([mine()], [], { [`GET /api/assignments/${ids.assignment}/swap-candidates`]: ok([]) });
    asWorker(<MyShiftsPage />);
    fireEvent.click(await screen.findByTestId('swap-shift'));
    expect((await screen.findByTestId('swap-none')).textContent).toContain('Er is geen collega die deze dienst mag overnemen.');
  });

  it('lets the asked colleague accept a swap; the one who asked can only withdraw it', async () => {
    const api = myShiftsApi([], [swap(), swap({ id: ids.assignment, fromWorkerId: ids.worker, fromWorkerName: 'Anna d.', toWorkerId: ids.colleague, toWorkerName: 'Bram J.', status: 'accepted' })], {
      [`POST /api/swaps/${ids.swap}/accept`]: ok(swap({ status: 'accepted' })),
    });
    asWorker(<MyShiftsPage />);
    const [toMe, fromMe] = await screen.findAllByTestId('swap');
    expect(toMe!.textContent).toContain('Bram J. → Anna d. · Gevraagd');
    expect(within(fromMe!).queryByTestId('swap-accept')).toBeNull();
    expect(fromMe!.textContent).toContain('Geaccepteerd, wacht op planner');
    expect(within(fromMe!).getByTestId('swap-withdraw')).toBeTruthy();
    fireEvent.click(within(toMe!).getByTestId('swap-accept'));
    await waitFor(() => expect(api.to(`POST /api/swaps/${ids.swap}/accept`)).toHaveLength(1));
  });

  it('tells both workers that the planner rejected their swap, with the reason, until the shift has ended', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-01T12:00:00Z'), toFake: ['Date'] });
    const rejected = { status: 'rejected' as const, reason: 'Bram heeft nog geen inwerkdag gehad', decidedAt: '2026-12-01T09:00:00.000Z' };
    const ended = swap({ ...rejected, id: ids.otherAssignment, shift: { ...nightShift(), start: '2026-11-20T21:00:00.000Z', end: '2026-11-21T06:00:00.000Z' } });
    myShiftsApi([], [swap({ ...rejected, fromWorkerId: ids.worker, fromWorkerName: 'Anna d.', toWorkerId: ids.colleague, toWorkerName: 'Bram J.' }), ended]);
    asWorker(<MyShiftsPage />);
    const [mine] = await screen.findAllByTestId('swap');
    expect(screen.getAllByTestId('swap')).toHaveLength(1);
    expect(within(mine!).getByTestId('swap-status').textContent).toBe('Afgewezen door planner');
    expect(within(mine!).getByTestId('swap-shift-when').textContent).toBe('di 8 dec 22:00 – wo 07:00 · Verpleegkundige zorg (BIG) · Ziekenhuis Domstad');
    expect(within(mine!).getByTestId('swap-rejected').textContent).toBe('Reden van de planner: Bram heeft nog geen inwerkdag gehad De dienst blijft van jou.');
    expect(within(mine!).queryByTestId('swap-withdraw')).toBeNull();
    cleanup();

    myShiftsApi([], [swap(rejected)]);
    asWorker(<MyShiftsPage />, 'en');
    const colleague = await screen.findByTestId('swap');
    expect(within(colleague).getByTestId('swap-status').textContent).toBe('Rejected by planner');
    expect(within(colleague).getByTestId('swap-rejected').textContent).toBe('The planner’s reason: Bram heeft nog geen inwerkdag gehad You do not take over this shift.');
    expect(within(colleague).queryByTestId('swap-accept')).toBeNull();
  });
});

describe('the calendar feed card', () => {
  it('shows a new link once, with copy, then says since when it works and offers a new one or revoking', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    const url = 'http://localhost:3000/calendar/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG.ics';
    const api = fakeApi({
      'GET /api/me/calendar-feed': ok({ isActive: false, createdAt: null, lastFetchedAt: null }),
      'POST /api/me/calendar-feed': { status: 201, body: { url, createdAt: '2026-11-23T09:15:00.000Z' } },
      'DELETE /api/me/calendar-feed': { status: 204 },
    });
    asWorker(<CalendarFeedCard />);
    fireEvent.click(await screen.findByRole('button', { name: 'Agendalink maken' }));
    expect(await screen.findByDisplayValue(url)).toBeTruthy();
    fireEvent.click(screen.getByTestId('calendar-copy'));
    await waitFor(() => expect(screen.getByTestId('calendar-copy').textContent).toBe('Gekopieerd'));
    expect(writeText).toHaveBeenCalledWith(url);
    expect(screen.getByTestId('calendar-create').textContent).toBe('Nieuwe link maken (de oude stopt)');
    expect(screen.getByTestId('calendar-fetched').textContent).toMatch(/^Nog geen agenda-app heeft deze link opgehaald\./);

    fireEvent.click(screen.getByTestId('calendar-revoke'));
    expect((await screen.findByTestId('calendar-revoked')).textContent).toBe('De agendalink werkt niet meer.');
    expect(screen.queryByTestId('calendar-url')).toBeNull();
    expect(screen.queryByTestId('calendar-revoke')).toBeNull();
    expect(api.to('DELETE /api/me/calendar-feed')).toHaveLength(1);
  });

  it('after a reload shows only that a link works, since when — never a URL', async () => {
    fakeApi({ 'GET /api/me/calendar-feed': ok({ isActive: true, createdAt: '2026-11-23T09:15:00.000Z', lastFetchedAt: null }) });
    asWorker(<CalendarFeedCard />);
    expect((await screen.findByTestId('calendar-status')).textContent).toMatch(/^Je agendalink werkt sinds 23 november 2026 om \d\d:15\./);
    expect(screen.queryByTestId('calendar-url')).toBeNull();
    expect(screen.getByTestId('calendar-create').textContent).toBe('Nieuwe link maken (de oude stopt)');
    expect(screen.getByTestId('calendar-revoke')).toBeTruthy();
  });

  it('says when the calendar app last fetched the feed, so the worker sees the subscription works', async () => {
    fakeApi({ 'GET /api/me/calendar-feed': ok({ isActive: true, createdAt: '2026-11-20T09:15:00.000Z', lastFetchedAt: '2026-11-23T07:40:00.000Z' }) });
    asWorker(<CalendarFeedCard />, 'en');
    expect((await screen.findByTestId('calendar-fetched')).textContent).toMatch(/^Your calendar app last fetched your shifts: 23 November 2026 at \d\d:40\.$/);
  });
});

describe('notifications', () => {
  const preferences = notificationTypes.map((type) => ({ type, channel: type === 'shift.posted' ? ('digest' as const) : ('email' as const), isDefault: true }));
  const item = (id: string, readAt: string | null) => ({ id, type: 'claim.confirmed', channel: 'email', title: 'Je dienst is bevestigd', body: 'di 8 dec 22:00 – wo 07:00, Domstad Centrum', payload: {}, createdAt: '2026-11-23T09:15:00.000Z', readAt });

  it('lists notifications and marks one read', async () => {
    let readAt: string | null = null;
    const api = fakeApi({
      'GET /api/notifications': () => ok({ items: [item(ids.swap, readAt)], unreadCount: readAt ? 0 : 1 }),
      'GET /api/me/notification-preferences': ok({ preferences }),
      [`POST /api/notifications/${ids.swap}/read`]: () => {
        readAt = '2026-11-23T10:00:00.000Z';
        return ok({});
      },
    });
    asWorker(<NotificationsPage />);
    const note = await screen.findByTestId('notification');
    expect(note.textContent).toContain('Je dienst is bevestigd');
    expect(screen.getByRole('heading', { name: '1 ongelezen' })).toBeTruthy();
    fireEvent.click(within(note).getByTestId('mark-read'));
    await waitFor(() => expect(screen.queryByTestId('mark-read')).toBeNull());
    expect(api.to(`POST /api/notifications/${ids.swap}/read`)).toHaveLength(1);
  });

  it('saves the channel per type: every type sent, the changed one with its new channel', async () => {
    const api = fakeApi({
      'GET /api/notifications': ok({ items: [], unreadCount: 0 }),
      'GET /api/me/notification-preferences': ok({ preferences }),
      'PUT /api/me/notification-preferences': (body) => ok({ preferences: (body as { preferences: object[] }).preferences.map((p) => ({ ...p, isDefault: false })) }),
    });
    asWorker(<NotificationsPage />);
    const select = await screen.findByLabelText('Nieuwe dienst die bij je past');
    expect((select as HTMLSelectElement).value).toBe('digest');
    expect([...(select as HTMLSelectElement).options].map((o) => o.textContent)).toEqual(['E-mail', 'Alleen in de app', 'Dagoverzicht', 'Uit']);
    fireEvent.change(screen.getByLabelText('Ruilverzoek'), { target: { value: 'off' } });
    fireEvent.click(screen.getByTestId('preferences-save'));
    expect((await screen.findByTestId('preferences-saved')).textContent).toBe('Voorkeuren opgeslagen.');
    const [put] = api.to('PUT /api/me/notification-preferences');
    const sent = (put!.body as { preferences: { type: string; channel: string }[] }).preferences;
    expect(sent).toHaveLength(notificationTypes.length);
    expect(sent.find((p) => p.type === 'swap.requested')?.channel).toBe('off');
    expect(sent.find((p) => p.type === 'shift.posted')?.channel).toBe('digest');
    expect(sent.find((p) => p.type === 'claim.confirmed')?.channel).toBe('email');
  });
});
