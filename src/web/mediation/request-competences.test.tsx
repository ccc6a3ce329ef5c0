// A request's competences after it was posted: the organisation's planner (and the region's mediator)
// changes them on the request's page while it is open; the form starts from what the request asks
// (a retired competence drops out), sends the whole list, shows a refusal at the competence or the
// list it names, and nobody else gets the button.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TMe } from '../../shared/auth.schemas';
import type { TLocale } from '../../shared/common.schemas';
import type { TCompetence } from '../../shared/competences.schemas';
import type { TMediationRequest } from '../../shared/mediation.schemas';
import { I18nProvider } from '../i18n/i18n';
import { fakeApi, ok, refused } from '../marketplace/fake-api';
import { MeContext } from '../session';
import { RequestCompetences } from './request-competences';
import { RequestPage } from './request-view';

const ids = {
  request: '00000000-0000-4000-8000-000000000001',
  region: '00000000-0000-4000-8000-000000000002',
  hospital: '00000000-0000-4000-8000-000000000003',
  otherHospital: '00000000-0000-4000-8000-000000000004',
  location: '00000000-0000-4000-8000-000000000005',
};
const putUrl = `/api/requests/${ids.request}/competences`;

const entry = (key: string, labelNl: string, labelEn: string, category: string, sortOrder: number): TCompetence => ({ id: `id-${key}`, regionId: ids.region, key, labelNl, labelEn, category, sortOrder, retired: false });
const catalogue = [entry('sondevoeding', 'Sondevoeding', 'Tube feeding', 'clinical', 10), entry('dementiezorg', 'Dementiezorg', 'Dementia care', 'target_group', 110), entry('ic-ervaring', 'IC-ervaring', 'ICU experience', 'setting', 210)];

const request = (overrides: Partial<TMediationRequest> = {}): TMediationRequest => ({
  id: ids.request,
  organisationId: ids.hospital,
  organisationName: 'Ziekenhuis Domstad',
  regionId: ids.region,
  locationId: ids.location,
  packageIds: [],
  periodStart: '2026-12-01T00:00:00.000Z',
  periodEnd: '2027-03-01T00:00:00.000Z',
  shiftsPerWeek: 2,
  supervisionCapacity: 1,
  description: 'Twee avonddiensten per week',
  status: 'open',
  createdAt: '2026-11-23T09:00:00.000Z',
  firstOfferAt: null,
  competences: [
    { key: 'dementiezorg', labelNl: 'Dementiezorg', labelEn: 'Dementia care', level: 'required' },
    // Retired from the catalogue since the request was posted.
    { key: 'stomazorg', labelNl: 'Stomazorg', labelEn: 'Stoma care', level: 'wished' },
  ],
  ...overrides,
});

const planner = (organisationId: string): TMe => ({ id: '00000000-0000-4000-8000-0000000000aa', email: 'piet@test', name: 'Piet Planner', locale: 'nl', roles: [{ role: 'planner', organisationId, regionId: null }], workerId: null, csrfToken: 'csrf' });
const inLocale = (children: ReactNode, me: TMe = planner(ids.hospital), locale: TLocale = 'nl') =>
  render(
    <I18nProvider locale={locale} setLocale={() => undefined}>
      <MeContext value={me}>{children}</MeContext>
    </I18nProvider>,
  );

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('changing a request’s competences', () => {
  it('starts from what the request asks, sends the whole new list and passes the saved request on', async () => {
    const saved = request({ competences: [{ key: 'dementiezorg', labelNl: 'Dementiezorg', labelEn: 'Dementia care', level: 'required' }, { key: 'sondevoeding', labelNl: 'Sondevoeding', labelEn: 'Tube feeding', level: 'wished' }] });
    const api = fakeApi({ [`GET /api/regions/${ids.region}/competences`]: ok(catalogue), [`PUT ${putUrl}`]: ok(saved) });
    const onSaved = vi.fn();
    inLocale(<RequestCompetences request={request()} onSaved={onSaved} />);
    fireEvent.click(screen.getByTestId('request-competences-edit'));
    const form = await screen.findByTestId('request-competences-form');
    expect(within(form).getByTestId<HTMLSelectElement>('requirement-dementiezorg').value).toBe('required');
    expect(within(form).getByTestId<HTMLSelectElement>('requirement-sondevoeding').value).toBe('');
    expect(within(form).queryByTestId('requirement-stomazorg')).toBeNull();
    fireEvent.change(within(form).getByTestId('requirement-sondevoeding'), { target: { value: 'wished' } });
    fireEvent.click(within(form).getByTestId('request-competences-save'));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved));
    expect(api.to(`PUT ${putUrl}`)[0]!.body).toEqual({ competences: [{ key: 'dementiezorg', level: 'required' }, { key: 'sondevoeding', level: 'wished' }] });
    expect(screen.getByTestId('request-competences-saved').textContent).toBe('De competenties van de aanvraag zijn opgeslagen.');
    expect(screen.queryByTestId('request-competences-form')).toBeNull();
  });

  it('a refusal shows at the competence it names, or under the list when the request is no longer open; nothing is passed on', async () => {
    let answer = refused(400, 'VALIDATION_FAILED', [{ path: 'competences[1].key', message: 'is retired from the catalogue' }]);
    fakeApi({ [`GET /api/regions/${ids.region}/competences`]: ok(catalogue), [`PUT ${putUrl}`]: () => answer });
    const onSaved = vi.fn();
    inLocale(<RequestCompetences request={request()} onSaved={onSaved} />, planner(ids.hospital), 'en');
    fireEvent.click(screen.getByTestId('request-competences-edit'));
    const form = await screen.findByTestId('request-competences-form');
    fireEvent.change(within(form).getByTestId('requirement-ic-ervaring'), { target: { value: 'required' } });
    fireEvent.click(within(form).getByTestId('request-competences-save'));
    const error = await within(form).findByText('is retired from the catalogue');
    expect(error.closest('.requirement-row')!.querySelector('[data-testid="requirement-ic-ervaring"]')).toBeTruthy();

    answer = refused(409, 'CONFLICT', [{ path: 'competences', message: 'only an open request changes' }]);
    fireEvent.click(within(form).getByTestId('request-competences-save'));
    await waitFor(() => expect(within(form).getByTestId('request-competences-error').textContent).toBe('only an open request changes'));
    expect(onSaved).not.toHaveBeenCalled();
  });
});

describe('who may change them on the request page', () => {
  const page = (me: TMe, overrides: Partial<TMediationRequest> = {}) => {
    fakeApi({ [`GET /api/requests/${ids.request}`]: ok({ ...request(overrides), offers: [] }), 'GET /api/packages': ok([]) });
    inLocale(<RequestPage requestId={ids.request} />, me);
    return screen.findByTestId('request-page');
  };

  it('the organisation’s planner, while the request is open', async () => {
    await page(planner(ids.hospital));
    expect(screen.getByTestId('request-competences-edit').textContent).toBe('Competenties wijzigen');
  });

  it('not a planner of another organisation, and nobody once the request is filled', async () => {
    await page(planner(ids.otherHospital));
    expect(screen.queryByTestId('request-competences-edit')).toBeNull();
    cleanup();
    await page(planner(ids.hospital), { status: 'filled' });
    expect(screen.queryByTestId('request-competences-edit')).toBeNull();
  });
});

describe('the planner and the candidates for their request', () => {
  const list = {
    checkedCount: 9,
    candidates: [
      {
        workerId: '00000000-0000-4000-8000-0000000000c1',
        name: 'Carla Smit',
        kind: 'side_entrant',
        distanceKm: 2,
        score: 20,
        parts: [{ part: 'competences', weight: 20, value: 1, points: 20, message: 'x', params: { required: 1, requiredHeld: 1, wished: 0, wishedHeld: 0, confirmed: 1 } }],
      },
    ],
    ruledOut: [{ rule: 'competence', count: 8, examples: [], byCompetence: [{ key: 'dementiezorg', count: 8 }] }],
  };

  it('sees them when asked, read-only, with the request’s competences named; not once it is filled', async () => {
    const api = fakeApi({ [`GET /api/requests/${ids.request}`]: ok({ ...request(), offers: [] }), 'GET /api/packages': ok([]), [`GET /api/requests/${ids.request}/candidates`]: ok(list) });
    inLocale(<RequestPage requestId={ids.request} />);
    fireEvent.click(await screen.findByTestId('show-candidates'));
    const card = await screen.findByTestId('candidates-card');
    await within(card).findByTestId('candidate');
    expect(api.to(`GET /api/requests/${ids.request}/candidates`)).toHaveLength(1);
    expect(within(card).getByTestId('candidate').textContent).toContain('Carla Smit');
    expect(within(card).queryByTestId('candidate-select')).toBeNull();
    expect(card.textContent).toContain('Dementiezorg');
    cleanup();
    fakeApi({ [`GET /api/requests/${ids.request}`]: ok({ ...request({ status: 'filled' }), offers: [] }), 'GET /api/packages': ok([]) });
    inLocale(<RequestPage requestId={ids.request} />);
    await screen.findByTestId('request-page');
    expect(screen.queryByTestId('show-candidates')).toBeNull();
  });
});
