// The mediator cancels a booked shadow day with the reason the person sees; the organisation's
// planner lists the newcomers matched to it, records the onboarding and marks a newcomer independent.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TLocale } from '../../shared/common.schemas';
import type { TJourney, TJourneySummary, TOrientationBooking, TPackageIndependence } from '../../shared/journey.schemas';
import type { TActivityPackage } from '../../shared/packages.schemas';
import { I18nProvider } from '../i18n/i18n';
import { fakeApi, ok, refused } from '../marketplace/fake-api';
import { NewcomerPage, NewcomersPage } from './newcomers';
import { OrientationBookings } from './orientation-bookings';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const inLocale = (children: ReactNode, locale: TLocale = 'nl') => render(<I18nProvider locale={locale} setLocale={() => undefined}>{children}</I18nProvider>);

export const ids = {
  journey: '11111111-1111-4111-8111-111111111111',
  worker: '22222222-2222-4222-8222-222222222222',
  region: '33333333-3333-4333-8333-333333333333',
  mediator: '44444444-4444-4444-8444-444444444444',
  hospital: '55555555-5555-4555-8555-555555555555',
  basicCare: '66666666-6666-4666-8666-666666666666',
  shadowShift: '88888888-8888-4888-8888-888888888888',
  shadowAssignment: '99999999-9999-4999-8999-999999999999',
  support: '77777777-7777-4777-8777-777777777777',
  planner: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
};

const basicCare: TActivityPackage = {
  id: ids.basicCare,
  code: 'basic-care',
  regionId: null,
  nameNl: 'Basiszorg',
  nameEn: 'Basic care',
  descriptionNl: '',
  descriptionEn: '',
  requiresRegistration: false,
  minQualificationLevel: 2,
};
const support: TActivityPackage = { ...basicCare, id: ids.support, code: 'support', nameNl: 'Ondersteunende taken', nameEn: 'Supporting tasks' };

/** Wednesday 9 December 2026, 09:00–15:00 in Amsterdam. */
const booking = (overrides: Partial<TOrientationBooking> = {}): TOrientationBooking => ({
  shiftId: ids.shadowShift,
  assignmentId: ids.shadowAssignment,
  locationId: ids.hospital,
  locationName: 'Domstad Centrum',
  timeZone: 'Europe/Amsterdam',
  organisationId: ids.hospital,
  organisationName: 'Ziekenhuis Domstad',
  start: '2026-12-09T08:00:00.000Z',
  end: '2026-12-09T14:00:00.000Z',
  status: 'confirmed',
  cancelledAt: null,
  cancelReason: null,
  ...overrides,
});

export const journey = (overrides: Partial<TJourney> = {}): TJourney => ({
  id: ids.journey,
  workerId: ids.worker,
  regionId: ids.region,
  name: 'Sanne Bakker',
  entryKind: 'side_entrant',
  stage: 'orientation',
  ownerUserId: ids.mediator,
  ownerName: 'Mila Bemiddelaar',
  organisationId: null,
  organisationName: null,
  registeredAt: '2026-11-23T08:00:00.000Z',
  lastStep: 'welcome_call',
  lastStepAt: '2026-11-23T13:30:00.000Z',
  contact: { email: 'sanne@example.test', phone: '0612345678', postcode: '3511' },
  interestPackageIds: [ids.basicCare],
  interestOrganisationIds: [ids.hospital],
  packageIds: [],
  freeText: '',
  consentVersion: '2026-11-1',
  consentAt: '2026-11-23T08:00:00.000Z',
  steps: [{ step: 'registration', doneAt: '2026-11-23T08:00:00.000Z', doneByUserId: null, doneByName: 'Sanne Bakker', details: {} }],
  orientations: [booking()],
  contractKind: null,
  agreementStartsOn: null,
  checkIn1DueOn: null,
  checkIn3DueOn: null,
  learningPlan: null,
  closedReason: null,
  ...overrides,
});

describe('cancelling a shadow day', () => {
  const path = `/api/journeys/${ids.journey}/orientation/${ids.shadowShift}/cancel`;

  it('asks for a reason, sends it, then shows the day as cancelled with the reason and no cancel button', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-01T12:00:00Z'), toFake: ['Date'] });
    const cancelled = journey({ orientations: [booking({ status: 'cancelled', cancelledAt: '2026-12-01T12:00:00.000Z', cancelReason: 'De afdeling is die dag dicht' })] });
    const api = fakeApi({ [`POST ${path}`]: ok(cancelled) });
    const onChanged = vi.fn();
    const view = inLocale(<OrientationBookings journey={journey()} onChanged={onChanged} />);
    const day = screen.getByTestId('orientation-booking');
    expect(day.textContent).toContain('wo 9 dec 09:00 – 15:00 · Ziekenhuis Domstad, Domstad Centrum');
    expect(within(day).getByTestId('orientation-status').textContent).toBe('Ingepland');

    fireEvent.click(within(day).getByTestId('orientation-cancel'));
    const confirm = screen.getByTestId<HTMLButtonElement>('reason-confirm');
    expect(confirm.disabled).toBe(true);
    fireEvent.change(screen.getByTestId('reason'), { target: { value: 'De afdeling is die dag dicht' } });
    fireEvent.click(confirm);
    await waitFor(() => expect(onChanged).toHaveBeenCalledWith(cancelled));
    expect(api.to(`POST ${path}`).map((s) => s.body)).toEqual([{ reason: 'De afdeling is die dag dicht' }]);

    view.rerender(
      <I18nProvider locale="nl" setLocale={() => undefined}>
        <OrientationBookings journey={cancelled} onChanged={onChanged} />
      </I18nProvider>,
    );
    expect(screen.getByTestId('orientation-status').textContent).toBe('Geannuleerd');
    expect(screen.getByTestId('orientation-cancel-reason').textContent).toBe('Geannuleerd op di 1 dec 13:00: De afdeling is die dag dicht');
    expect(screen.queryByTestId('orientation-cancel')).toBeNull();
  });

  it('shows the server’s refusal, and offers no cancelling for a day that has begun', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-01T12:00:00Z'), toFake: ['Date'] });
    fakeApi({ [`POST ${path}`]: refused(409, 'CONFLICT', [{ path: 'shiftId', message: 'is already cancelled' }]) });
    inLocale(<OrientationBookings journey={journey({ orientations: [booking(), booking({ shiftId: ids.worker, start: '2026-11-30T08:00:00.000Z', end: '2026-11-30T14:00:00.000Z' })] })} onChanged={() => undefined} />, 'en');
    const [future, past] = screen.getAllByTestId('orientation-booking');
    expect(within(past!).queryByTestId('orientation-cancel')).toBeNull();
    fireEvent.click(within(future!).getByTestId('orientation-cancel'));
    fireEvent.change(screen.getByTestId('reason'), { target: { value: 'Ward closed' } });
    fireEvent.click(screen.getByTestId('reason-confirm'));
    expect((await within(future!).findByRole('alert')).textContent).toBeTruthy();
  });
});

describe('the planner and the newcomers matched to the organisation', () => {
  /** Matched with the hospital, the agreement made; she wrote her learning plan. The planner sees no contact details. */
  const matched = journey({
    stage: 'onboarding',
    contact: null,
    organisationId: ids.hospital,
    organisationName: 'Ziekenhuis Domstad',
    orientations: [],
    packageIds: [ids.basicCare, ids.support],
    learningPlan: { goals: ['Zelfstandig wassen en aankleden'], supportWishes: 'Vaste buddy de eerste weken', updatedAt: '2026-12-01T10:00:00.000Z' },
  });
  const summary: TJourneySummary = {
    id: matched.id,
    workerId: matched.workerId,
    regionId: matched.regionId,
    name: matched.name,
    entryKind: matched.entryKind,
    stage: matched.stage,
    ownerUserId: matched.ownerUserId,
    ownerName: matched.ownerName,
    organisationId: matched.organisationId,
    organisationName: matched.organisationName,
    registeredAt: matched.registeredAt,
    lastStep: 'agreement',
    lastStepAt: '2026-12-01T09:00:00.000Z',
  };

  it('lists the people matched to the organisation with their step, or says there are none', async () => {
    const api = fakeApi({ 'GET /api/journeys': ok([summary]) });
    inLocale(<NewcomersPage />);
    const person = await screen.findByTestId('newcomer');
    expect(person.textContent).toContain('Sanne Bakker');
    expect(within(person).getByTestId('newcomer-stage').textContent).toBe('Inwerken met buddy');
    expect(within(person).getByRole('link').getAttribute('href')).toBe(`/newcomers/${ids.journey}`);
    expect(api.to('GET /api/journeys')).toHaveLength(1);
    cleanup();

    fakeApi({ 'GET /api/journeys': ok([]) });
    inLocale(<NewcomersPage />, 'en');
    expect((await screen.findByTestId('newcomers-none')).textContent).toBe('No newcomers are matched to your organisation yet.');
  });

  it('records the onboarding with the fixed contact and buddy, and marks her independent in one of her packages', async () => {
    const onboarded = { ...matched, stage: 'check_in_1m' as const };
    let independent: TPackageIndependence[] = [];
    const api = fakeApi({
      [`GET /api/journeys/${ids.journey}`]: ok(matched),
      'GET /api/packages': ok([basicCare, support, { ...support, id: ids.region, code: 'nursing', nameNl: 'Verpleegkundige zorg' }]),
      [`GET /api/workers/${ids.worker}/package-independence`]: () => ok(independent),
      [`POST /api/workers/${ids.worker}/package-independence`]: (body) => {
        independent = [{ workerId: ids.worker, packageId: (body as { packageId: string }).packageId, organisationId: ids.hospital, markedByUserId: ids.planner, markedAt: '2026-12-02T10:00:00.000Z' }];
        return ok(independent[0]);
      },
      [`POST /api/journeys/${ids.journey}/steps`]: ok(onboarded),
    });
    inLocale(<NewcomerPage journeyId={ids.journey} />);
    expect((await screen.findByTestId('journey-plan')).textContent).toContain('Zelfstandig wassen en aankleden');
    expect(screen.queryByTestId('journey-phone')).toBeNull();

    const perPackage = await screen.findByTestId('newcomer-independence');
    await waitFor(() => expect(within(perPackage).getAllByTestId('mark-independent')).toHaveLength(2));
    expect(perPackage.textContent).not.toContain('Verpleegkundige zorg');
    fireEvent.click(within(perPackage).getAllByTestId('mark-independent')[0]!);
    expect(await within(perPackage).findByTestId('independent')).toBeTruthy();
    expect(api.to(`POST /api/workers/${ids.worker}/package-independence`).map((x) => x.body)).toEqual([{ packageId: ids.basicCare }]);

    fireEvent.change(screen.getByTestId('onboarding-contact'), { target: { value: 'Joke Jansen' } });
    fireEvent.change(screen.getByTestId('onboarding-buddy'), { target: { value: 'Piet de Boer' } });
    fireEvent.click(screen.getByTestId('onboarding-form-submit'));
    await waitFor(() => expect(screen.queryByTestId('newcomer-onboarding')).toBeNull());
    expect(api.to(`POST /api/journeys/${ids.journey}/steps`).map((x) => x.body)).toEqual([{ step: 'onboarding', fixedContactName: 'Joke Jansen', buddyName: 'Piet de Boer', notes: '' }]);
  });
});
