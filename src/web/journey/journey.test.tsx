// Journey components: the steps with dates, facts and the next step; the learning plan (at least
// one goal); the public registration (consent required, then signed in); the welcome-call form with competences;
// the funnel figures; refusals per shift when placing a person.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TLocale } from '../../shared/common.schemas';
import type { TCompetence, TWorkerCompetence } from '../../shared/competences.schemas';
import type { TFunnel, TJourney } from '../../shared/journey.schemas';
import type { TActivityPackage } from '../../shared/packages.schemas';
import { ApiError } from '../api';
import { I18nProvider } from '../i18n/i18n';
import { fakeApi, ok, refused } from '../marketplace/fake-api';
import { refusalsByShift } from '../mediation/place-on-shifts';
import { BigChecklist } from './big-checklist';
import { FunnelFigures, share } from './funnel';
import { LearningPlan } from './learning-plan';
import { RegisterPage } from './register-page';
import { StepAction } from './step-forms';
import { JourneyStatus, StepTimeline } from './steps';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

const inLocale = (children: ReactNode, locale: TLocale = 'nl') => render(<I18nProvider locale={locale} setLocale={() => undefined}>{children}</I18nProvider>);
const json = (body: unknown, status = 200) => Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
type Call = [string, RequestInit?];
const bodyOf = (call: Call | undefined): unknown => JSON.parse(call![1]!.body as string);

const ids = {
  journey: '11111111-1111-4111-8111-111111111111',
  worker: '22222222-2222-4222-8222-222222222222',
  region: '33333333-3333-4333-8333-333333333333',
  mediator: '44444444-4444-4444-8444-444444444444',
  hospital: '55555555-5555-4555-8555-555555555555',
  basicCare: '66666666-6666-4666-8666-666666666666',
  support: '77777777-7777-4777-8777-777777777777',
};

const basicCare: TActivityPackage = {
  id: ids.basicCare,
  regionId: null,
  code: 'basic-care',
  nameNl: 'Basiszorg en contact met zorgvragers',
  nameEn: 'Basic care and contact with care recipients',
  descriptionNl: '',
  descriptionEn: '',
  requiresRegistration: false,
  minQualificationLevel: 1,
};
const support: TActivityPackage = { ...basicCare, id: ids.support, code: 'support', nameNl: 'Ondersteunende taken', nameEn: 'Supporting tasks' };

const journey = (overrides: Partial<TJourney> = {}): TJourney => ({
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
  steps: [
    { step: 'registration', doneAt: '2026-11-23T08:00:00.000Z', doneByUserId: null, doneByName: 'Sanne Bakker', details: {} },
    { step: 'welcome_call', doneAt: '2026-11-23T13:30:00.000Z', doneByUserId: ids.mediator, doneByName: 'Mila Bemiddelaar', details: { notes: 'Was kapper.', constraints: 'Geen nachten' } },
  ],
  orientations: [],
  contractKind: null,
  agreementStartsOn: null,
  checkIn1DueOn: null,
  checkIn3DueOn: null,
  learningPlan: null,
  closedReason: null,
  ...overrides,
});

describe('the journey steps', () => {
  it('shows what is done with its date, who and the facts, what is due, and what comes later', () => {
    inLocale(<StepTimeline journey={journey()} />);
    const steps = screen.getAllByTestId('journey-step');
    expect(steps.map((s) => `${s.dataset.step}:${s.dataset.state}`)).toEqual([
      'registration:done',
      'welcome_call:done',
      'orientation:due',
      'matching:later',
      'agreement:later',
      'onboarding:later',
      'check_in_1m:later',
      'check_in_3m:later',
    ]);
    const call = steps[1]!;
    expect(within(call).getByTestId('step-done').textContent).toBe('ma 23 nov 14:30 · Mila Bemiddelaar');
    expect(call.textContent).toContain('Was kapper.');
    expect(call.textContent).toContain('Let op: Geen nachten');
  });

  it('names the next step with its due date and the guide (English), or that it is complete or stopped', () => {
    inLocale(<JourneyStatus journey={journey({ stage: 'check_in_1m', checkIn1DueOn: '2027-01-04' })} />, 'en');
    expect(screen.getByTestId('journey-status').textContent).toBe('Next step: Check-in after 1 month · due 4 January 2027 · guided by Mila Bemiddelaar');
    cleanup();
    inLocale(<JourneyStatus journey={journey({ stage: 'welcome_call', ownerUserId: null, ownerName: null })} />);
    expect(screen.getByTestId('journey-status').textContent).toBe('Volgende stap: Welkomstgesprek · uiterlijk di 24 nov 09:00 · nog geen begeleider');
    cleanup();
    inLocale(<JourneyStatus journey={journey({ stage: 'closed', closedReason: 'Andere baan gevonden' })} />);
    expect(screen.getByTestId('journey-status').textContent).toBe('Dit traject is gestopt: Andere baan gevonden');
  });

  it('words the agreement and onboarding facts', () => {
    inLocale(
      <StepTimeline
        journey={journey({
          stage: 'check_in_1m',
          steps: [
            ...journey().steps,
            { step: 'agreement', doneAt: '2026-11-30T09:00:00.000Z', doneByUserId: null, doneByName: null, details: { contractKind: 'reservist_agreement', startsOn: '2026-12-01' } },
            { step: 'onboarding', doneAt: '2026-12-01T09:00:00.000Z', doneByUserId: null, doneByName: null, details: { fixedContactName: 'Marieke', buddyName: 'Joost' } },
          ],
        })}
      />,
    );
    const facts = (step: string) => [...document.querySelectorAll(`[data-step="${step}"] .step-fact`)].map((p) => p.textContent);
    expect(facts('agreement')).toEqual(['Reservistenovereenkomst', 'Begint op 1 december 2026']);
    expect(facts('onboarding')).toEqual(['Vast aanspreekpunt: Marieke', 'Buddy: Joost']);
  });
});

describe('the learning plan', () => {
  it('asks for at least one goal, then saves the goals and support wishes', async () => {
    const fetchMock = vi.fn((_url: string, _init?: RequestInit) => json(journey({ learningPlan: { goals: ['Zelfstandig wassen'], supportWishes: 'Buddy', updatedAt: '2026-11-24T10:00:00.000Z' } })));
    vi.stubGlobal('fetch', fetchMock);
    const onSaved = vi.fn();
    inLocale(<LearningPlan journey={journey()} isEditable onSaved={onSaved} />);
    expect(screen.getByTestId('plan-empty').textContent).toBe('Nog geen leerplan.');
    fireEvent.click(screen.getByTestId('plan-edit'));
    fireEvent.click(screen.getByTestId('plan-save'));
    expect(screen.getByTestId('plan-goal-0-error').textContent).toBe('Schrijf minstens één doel.');
    expect(fetchMock).not.toHaveBeenCalled();

    fireEvent.change(screen.getByTestId('plan-goal-0'), { target: { value: 'Zelfstandig wassen' } });
    fireEvent.click(screen.getByTestId('plan-add-goal'));
    fireEvent.change(screen.getByTestId('plan-support-input'), { target: { value: 'Buddy' } });
    fireEvent.click(screen.getByTestId('plan-save'));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(fetchMock.mock.calls[0]![0]).toBe(`/api/journeys/${ids.journey}/learning-plan`);
    expect(fetchMock.mock.calls[0]![1]!.method).toBe('PUT');
    expect(bodyOf(fetchMock.mock.calls[0])).toEqual({ goals: ['Zelfstandig wassen'], supportWishes: 'Buddy' });
  });
});

describe('the registration form', () => {
  const options = {
    consentVersion: '2026-11-1',
    regions: [{ id: ids.region, name: 'Regio Utrecht', organisations: [{ id: ids.hospital, name: 'Ziekenhuis Domstad' }], packages: [{ id: ids.basicCare, code: 'basic-care', nameNl: basicCare.nameNl, nameEn: basicCare.nameEn }] }],
  };

  it('needs consent, then registers with the consent version, signs in and opens my journey', async () => {
    const fetchMock = vi.fn((url: string, _init?: RequestInit) => {
      if (url === '/api/registration/options') return json(options);
      if (url === '/api/registrations') return json({ journeyId: ids.journey, workerId: ids.worker, userId: ids.mediator, email: 'sanne@example.test' }, 201);
      return json({ id: ids.mediator, email: 'sanne@example.test', name: 'Sanne Bakker', locale: 'nl', roles: [], workerId: ids.worker, csrfToken: 'x' });
    });
    vi.stubGlobal('fetch', fetchMock);
    const onLoggedIn = vi.fn();
    inLocale(<RegisterPage onLoggedIn={onLoggedIn} />);
    await screen.findByTestId('register-page');
    fireEvent.click(screen.getByLabelText(/^Zij-instromer/));
    fireEvent.change(screen.getByTestId('register-first-name'), { target: { value: 'Sanne' } });
    fireEvent.change(screen.getByTestId('register-last-name'), { target: { value: 'Bakker' } });
    fireEvent.change(screen.getByTestId('register-email'), { target: { value: 'sanne@example.test' } });
    fireEvent.change(screen.getByTestId('register-phone'), { target: { value: '0612345678' } });
    fireEvent.change(screen.getByTestId('register-postcode'), { target: { value: '3511' } });
    fireEvent.change(screen.getByTestId('register-password'), { target: { value: 'lang-genoeg-wachtwoord' } });
    fireEvent.click(screen.getByTestId('register-package-basic-care'));
    fireEvent.click(screen.getByTestId('register-submit'));
    expect(screen.getByTestId('register-consent-error').textContent).toBe('Zonder toestemming kunnen we je niet bemiddelen.');
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual(['/api/registration/options']);

    fireEvent.click(screen.getByTestId('register-consent-input'));
    fireEvent.click(screen.getByTestId('register-submit'));
    await waitFor(() => expect(onLoggedIn).toHaveBeenCalled());
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual(['/api/registration/options', '/api/registrations', '/api/auth/login']);
    expect(bodyOf(fetchMock.mock.calls[1])).toMatchObject({
      regionId: ids.region,
      entryKind: 'side_entrant',
      interestPackageIds: [ids.basicCare],
      consent: { isGiven: true, version: '2026-11-1' },
      locale: 'nl',
    });
    expect(window.location.pathname).toBe('/my-journey');
  });
});

describe('the welcome-call form', () => {
  const urls = { catalogue: `/api/regions/${ids.region}/competences`, held: `/api/workers/${ids.worker}/competences`, steps: `/api/journeys/${ids.journey}/steps` };
  const competence = (key: string, labelNl: string, category: string, sortOrder: number): TCompetence => ({ id: `id-${key}`, regionId: ids.region, key, labelNl, labelEn: labelNl, category, sortOrder, retired: false });
  const catalogue = [competence('sondevoeding', 'Sondevoeding', 'clinical', 10), competence('dementiezorg', 'Dementiezorg', 'target_group', 110), competence('ic-ervaring', 'IC-ervaring', 'setting', 210)];
  const declared: TWorkerCompetence = { key: 'dementiezorg', labelNl: 'Dementiezorg', labelEn: 'Dementia care', category: 'target_group', source: 'self_declared', declaredAt: '2026-11-23T08:00:00.000Z', confirmedAt: null, confirmedByName: null };
  const callForm = (onRecorded: (journey: TJourney) => void) =>
    inLocale(<StepAction journey={journey({ stage: 'welcome_call', steps: journey().steps.slice(0, 1) })} lookups={{ packages: [basicCare, support], organisations: [] }} onRecorded={onRecorded} onReload={() => undefined} />);

  it('needs notes, then records the call with the packages established (her interests to start with); untouched competences are not sent', async () => {
    const api = fakeApi({ [`GET ${urls.catalogue}`]: ok(catalogue), [`GET ${urls.held}`]: ok([declared]), [`POST ${urls.steps}`]: ok(journey({ stage: 'orientation' })) });
    const onRecorded = vi.fn();
    callForm(onRecorded);
    fireEvent.click(await screen.findByTestId('welcome-call-form-submit'));
    expect(screen.getByTestId('call-notes-error').textContent).toBe('Vul minstens 3 tekens in.');
    expect(api.to(`POST ${urls.steps}`)).toHaveLength(0);

    fireEvent.change(screen.getByTestId('call-notes'), { target: { value: 'Was kapper, wil de ouderenzorg in.' } });
    fireEvent.click(screen.getByLabelText('Ondersteunende taken'));
    fireEvent.change(screen.getByTestId('call-level'), { target: { value: '3' } });
    fireEvent.click(screen.getByTestId('welcome-call-form-submit'));
    await waitFor(() => expect(onRecorded).toHaveBeenCalled());
    expect(api.to(`POST ${urls.steps}`)[0]!.body).toEqual({
      step: 'welcome_call',
      notes: 'Was kapper, wil de ouderenzorg in.',
      constraints: '',
      packageIds: [ids.basicCare, ids.support],
      interestPackageIds: [ids.basicCare, ids.support],
      interestOrganisationIds: [ids.hospital],
      qualificationLevel: 3,
    });
  });

  it('records the competences established in the call: what she declared is ticked, the mediator confirms it and adds one', async () => {
    const api = fakeApi({ [`GET ${urls.catalogue}`]: ok(catalogue), [`GET ${urls.held}`]: ok([declared]), [`POST ${urls.steps}`]: ok(journey({ stage: 'orientation' })) });
    const onRecorded = vi.fn();
    callForm(onRecorded);
    const fieldset = await screen.findByTestId('call-competences');
    expect(within(fieldset).getByText('Vink aan wat de persoon kan en bevestig wat je in het gesprek hebt nagevraagd. Dit vervangt de competenties die de persoon zelf opgaf.')).toBeTruthy();
    expect(within(fieldset).getByTestId<HTMLInputElement>('competence-dementiezorg').checked).toBe(true);
    expect(within(fieldset).getByTestId<HTMLInputElement>('competence-confirm-dementiezorg').checked).toBe(false);
    fireEvent.click(within(fieldset).getByTestId('competence-confirm-dementiezorg'));
    fireEvent.click(within(fieldset).getByTestId('competence-sondevoeding'));
    fireEvent.change(screen.getByTestId('call-notes'), { target: { value: 'Zorgde jaren voor haar moeder met dementie.' } });
    fireEvent.click(screen.getByTestId('welcome-call-form-submit'));
    await waitFor(() => expect(onRecorded).toHaveBeenCalled());
    expect((api.to(`POST ${urls.steps}`)[0]!.body as { competences: unknown }).competences).toEqual([
      { key: 'sondevoeding', confirmed: false },
      { key: 'dementiezorg', confirmed: true },
    ]);
  });

  it('a refusal naming competences[0].key shows at that competence, and the step is not reported recorded', async () => {
    fakeApi({
      [`GET ${urls.catalogue}`]: ok(catalogue),
      [`GET ${urls.held}`]: ok([]),
      [`POST ${urls.steps}`]: refused(400, 'VALIDATION_FAILED', [{ path: 'competences[0].key', message: 'is retired from the catalogue' }]),
    });
    const onRecorded = vi.fn();
    callForm(onRecorded);
    fireEvent.click(await screen.findByTestId('competence-ic-ervaring'));
    fireEvent.change(screen.getByTestId('call-notes'), { target: { value: 'Werkte op de IC in België.' } });
    fireEvent.click(screen.getByTestId('welcome-call-form-submit'));
    const error = await screen.findByText('is retired from the catalogue');
    expect(error.closest('.competence-choice')!.querySelector('[data-testid="competence-ic-ervaring"]')).toBeTruthy();
    expect(onRecorded).not.toHaveBeenCalled();
  });
});

describe('the funnel figures', () => {
  const funnel: TFunnel = {
    regionId: ids.region,
    organisationId: null,
    from: '2026-09-01',
    to: '2026-12-01',
    now: '2026-11-23T08:00:00.000Z',
    registrations: 40,
    welcomeCalls: 36,
    offeredPeople: 20,
    offers: 31,
    acceptedPeople: 12,
    started: 10,
    threeMonthsDue: 4,
    activeAfter3Months: 3,
    medians: [
      { from: 'registration', to: 'welcome_call', medianHours: 20.5, count: 36 },
      { from: 'welcome_call', to: 'first_offer', medianHours: null, count: 0 },
    ],
  };

  it('shows each step with its share of the registrations, the 3-month retention and the median times', () => {
    inLocale(<FunnelFigures funnel={funnel} />);
    const value = (testId: string) => within(screen.getByTestId(testId)).getByRole('definition').textContent;
    expect(value('funnel-registrations')).toBe('40');
    expect(value('funnel-welcome-calls')).toBe('36 (90%)');
    expect(value('funnel-accepted')).toBe('12 (30%)');
    expect(value('funnel-active')).toBe('3 / 4');
    const rows = screen.getAllByTestId('funnel-median').map((r) => [...r.children].map((c) => c.textContent));
    expect(rows).toEqual([
      ['Aanmelding → Welkomstgesprek', '20 uur', '36 mensen'],
      ['Welkomstgesprek → Eerste aanbod', '—', '0 mensen'],
    ]);
  });

  it('has no share without registrations', () => {
    expect(share(0, 0, 'nl')).toBe('—');
  });
});

describe('placing a person on shifts', () => {
  it('reads the refusals per shift from the issue paths', () => {
    const error = new ApiError(409, {
      code: 'NOT_ELIGIBLE',
      message: 'refused',
      issues: [
        { path: 'shiftIds[1]', message: 'Rest too short' },
        { path: 'shiftIds[1]', message: 'Over the weekly hours' },
        { path: 'other', message: 'ignored' },
      ],
    });
    expect([...refusalsByShift(error, ['a', 'b'])]).toEqual([['b', ['Rest too short', 'Over the weekly hours']]]);
    expect(refusalsByShift(new Error('x'), ['a']).size).toBe(0);
  });
});

describe('the BIG re-registration checklist', () => {
  const item = {
    credentialId: '88888888-8888-4888-8888-888888888888',
    profession: 'Verpleegkundige',
    expiresOn: '2027-03-01',
    daysToExpiry: 98,
    hoursInHarmonica: 312.4,
    declaredHours: 1200,
    requiredHours: 2080,
    hasEnoughHours: false,
    isTrainingDone: false,
    accreditationNote: '',
    status: 'attention' as const,
  };

  it('shows expiry, hours against the 2,080 and training, and saves the hours worked elsewhere', async () => {
    const fetchMock = vi.fn((_url: string, init?: RequestInit) =>
      json({ workerId: ids.worker, items: [init?.method === 'PATCH' ? { ...item, declaredHours: 1800, hasEnoughHours: true, status: 'ok' } : item] }),
    );
    vi.stubGlobal('fetch', fetchMock);
    inLocale(<BigChecklist workerId={ids.worker} />);
    const big = await screen.findByTestId('big-item');
    expect(within(big).getByTestId('big-status').textContent).toBe('Actie nodig');
    expect(big.textContent).toContain('Verloopt op 1 maart 2027 (over 98 dagen)');
    expect(within(big).getByTestId('big-hours').textContent).toBe('○ 1.512 van 2.080 uur (312 via Harmonica, 1.200 elders)');
    expect(within(big).getByTestId('big-training').textContent).toBe('○ Scholing nog niet gedaan');

    fireEvent.click(screen.getByTestId('big-edit'));
    fireEvent.change(screen.getByTestId('big-declared'), { target: { value: '1800' } });
    fireEvent.click(screen.getByTestId('big-save'));
    await waitFor(() => expect(screen.getByTestId('big-status').textContent).toBe('In orde'));
    const patch = fetchMock.mock.calls.find((c) => c[1]?.method === 'PATCH')!;
    expect(patch[0]).toBe(`/api/workers/${ids.worker}/big-checklist/${item.credentialId}`);
    expect(bodyOf(patch)).toEqual({ declaredHours: 1800, isTrainingDone: false, accreditationNote: '' });
  });
});
