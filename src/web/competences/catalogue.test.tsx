// The competence catalogue for coordinators: the list by category with retired entries marked; adding
// an entry (checked in the browser first; a key the region has is refused by the server on the key
// field, in the interface's words); relabelling sends only what changed; retiring and using again;
// the way in from the coordinator's navigation, and no way in for a mediator.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TMe } from '../../shared/auth.schemas';
import type { TLocale } from '../../shared/common.schemas';
import type { TCompetence } from '../../shared/competences.schemas';
import { App } from '../app';
import { I18nProvider } from '../i18n/i18n';
import { fakeApi, ok, refused } from '../marketplace/fake-api';
import { MeContext } from '../session';
import { RegionCatalogue } from './catalogue-page';
import { competencesRoute } from './routes';

const regionId = '00000000-0000-4000-8000-000000000001';
const catalogueUrl = `/api/regions/${regionId}/competences`;

const entry = (key: string, labelNl: string, labelEn: string, category: string | null, sortOrder: number, retired = false): TCompetence => ({ id: `10000000-0000-4000-8000-${String(sortOrder).padStart(12, '0')}`, regionId, key, labelNl, labelEn, category, sortOrder, retired });
const catalogue = () => [
  entry('sondevoeding', 'Sondevoeding', 'Tube feeding', 'clinical', 10),
  entry('dementiezorg', 'Dementiezorg', 'Dementia care', 'target_group', 110),
  entry('stomazorg', 'Stomazorg', 'Stoma care', 'clinical', 60, true),
];

const me = (role: 'coordinator' | 'mediator'): TMe => ({ id: '00000000-0000-4000-8000-0000000000aa', email: `${role}@test`, name: 'Cora Coördinator', locale: 'nl', roles: [{ role, organisationId: null, regionId }], workerId: null, csrfToken: 'csrf' });

const inLocale = (children: ReactNode, locale: TLocale = 'nl') =>
  render(
    <I18nProvider locale={locale} setLocale={() => undefined}>
      <MeContext value={me('coordinator')}>{children}</MeContext>
    </I18nProvider>,
  );

const entries = () => screen.getAllByTestId('catalogue-entry');
const entryOf = (key: string) => entries().find((li) => li.getAttribute('data-key') === key)!;

beforeEach(() => window.history.replaceState(null, '', '/'));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the competence catalogue', () => {
  it('lists every entry by category in catalogue order, retired ones marked, with both labels and the key', async () => {
    const api = fakeApi({ [`GET /api/regions/${regionId}`]: ok({ id: regionId, name: 'Regio Utrecht' }), [`GET ${catalogueUrl}`]: ok(catalogue()) });
    inLocale(<RegionCatalogue regionId={regionId} />);
    await screen.findByText('Regio Utrecht');
    expect(api.to(`GET ${catalogueUrl}`)[0]!.search.get('includeRetired')).toBe('true');
    expect(screen.getAllByTestId('catalogue-group').map((g) => g.querySelector('h3')!.textContent)).toEqual(['Verpleegtechnisch', 'Doelgroepen']);
    expect(entries().map((li) => li.getAttribute('data-key'))).toEqual(['sondevoeding', 'stomazorg', 'dementiezorg']);
    expect(screen.getByTestId('catalogue-count').textContent).toBe('2 in gebruik, 1 ingetrokken');
    expect(within(entryOf('stomazorg')).getByTestId('catalogue-retired').textContent).toBe('Ingetrokken');
    expect(within(entryOf('sondevoeding')).queryByTestId('catalogue-retired')).toBeNull();
    expect(entryOf('sondevoeding').textContent).toContain('sondevoeding · Tube feeding · Volgorde 10');
    expect(within(entryOf('stomazorg')).getByTestId('catalogue-retire').textContent).toBe('Weer in gebruik nemen');
  });

  it('checks the key in the browser; a key the region has comes back as 409 on the key field; a new one is added', async () => {
    const added = entry('tracheacanule', 'Tracheacanule', 'Tracheostomy care', 'clinical', 70);
    const api = fakeApi({
      [`GET /api/regions/${regionId}`]: ok({ id: regionId, name: 'Regio Utrecht' }),
      [`GET ${catalogueUrl}`]: ok(catalogue()),
      [`POST ${catalogueUrl}`]: (body) =>
        (body as { key: string }).key === 'sondevoeding' ? refused(409, 'CONFLICT', [{ path: 'key', message: 'is already in the catalogue' }]) : { status: 201, body: added },
    });
    inLocale(<RegionCatalogue regionId={regionId} />);
    fireEvent.click(await screen.findByTestId('catalogue-add'));
    const form = screen.getByTestId('catalogue-add-form');
    fireEvent.change(within(form).getByTestId('catalogue-key'), { target: { value: 'Sonde Voeding' } });
    fireEvent.change(within(form).getByTestId('catalogue-label-nl'), { target: { value: 'Sondevoeding' } });
    fireEvent.change(within(form).getByTestId('catalogue-label-en'), { target: { value: 'Tube feeding' } });
    fireEvent.click(within(form).getByTestId('catalogue-add-form-save'));
    expect(within(form).getByTestId('catalogue-key-error')).toBeTruthy();
    expect(api.to(`POST ${catalogueUrl}`)).toHaveLength(0);

    fireEvent.change(within(form).getByTestId('catalogue-key'), { target: { value: 'sondevoeding' } });
    fireEvent.click(within(form).getByTestId('catalogue-add-form-save'));
    await waitFor(() => expect(within(form).getByTestId('catalogue-key-error').textContent).toBe('Deze sleutel staat al in de catalogus.'));
    expect(entries()).toHaveLength(3);

    fireEvent.change(within(form).getByTestId('catalogue-key'), { target: { value: 'tracheacanule' } });
    fireEvent.change(within(form).getByTestId('catalogue-label-nl'), { target: { value: 'Tracheacanule' } });
    fireEvent.change(within(form).getByTestId('catalogue-label-en'), { target: { value: 'Tracheostomy care' } });
    fireEvent.change(within(form).getByTestId('catalogue-sort-order'), { target: { value: '70' } });
    fireEvent.click(within(form).getByTestId('catalogue-add-form-save'));
    await screen.findByText('Tracheacanule is toegevoegd.');
    expect(api.to(`POST ${catalogueUrl}`)[1]!.body).toEqual({ key: 'tracheacanule', labelNl: 'Tracheacanule', labelEn: 'Tracheostomy care', category: 'clinical', sortOrder: 70 });
    expect(entries().map((li) => li.getAttribute('data-key'))).toEqual(['sondevoeding', 'stomazorg', 'tracheacanule', 'dementiezorg']);
    expect(screen.queryByTestId('catalogue-add-form')).toBeNull();
  });

  it('relabelling sends only what changed and keeps the key; retiring and using again flip the entry', async () => {
    let stored = catalogue()[1]!;
    const api = fakeApi({
      [`GET /api/regions/${regionId}`]: ok({ id: regionId, name: 'Regio Utrecht' }),
      [`GET ${catalogueUrl}`]: ok(catalogue()),
      'PATCH /api/competences/10000000-0000-4000-8000-000000000110': (body) => {
        stored = { ...stored, ...(body as Partial<TCompetence>) };
        return ok(stored);
      },
    });
    inLocale(<RegionCatalogue regionId={regionId} />, 'en');
    await screen.findByText('Regio Utrecht');
    fireEvent.click(within(entryOf('dementiezorg')).getByTestId('catalogue-edit'));
    const form = screen.getByTestId('catalogue-edit-form');
    expect(within(form).queryByTestId('catalogue-key')).toBeNull();
    fireEvent.change(within(form).getByTestId('catalogue-label-en'), { target: { value: 'Care for people with dementia' } });
    fireEvent.click(within(form).getByTestId('catalogue-edit-form-save'));
    await screen.findByText('Care for people with dementia was saved.');
    expect(api.to('PATCH /api/competences/10000000-0000-4000-8000-000000000110')[0]!.body).toEqual({ labelEn: 'Care for people with dementia' });
    expect(within(entryOf('dementiezorg')).getByTestId('catalogue-label').textContent).toBe('Care for people with dementia');

    fireEvent.click(within(entryOf('dementiezorg')).getByTestId('catalogue-retire'));
    await screen.findByText('Care for people with dementia was retired.');
    expect(api.to('PATCH /api/competences/10000000-0000-4000-8000-000000000110')[1]!.body).toEqual({ retired: true });
    expect(entryOf('dementiezorg').getAttribute('data-retired')).toBe('true');
    expect(screen.getByTestId('catalogue-count').textContent).toBe('1 in use, 2 retired');
    fireEvent.click(within(entryOf('dementiezorg')).getByTestId('catalogue-retire'));
    await screen.findByText('Care for people with dementia is in use again.');
    expect(api.to('PATCH /api/competences/10000000-0000-4000-8000-000000000110')[2]!.body).toEqual({ retired: false });
  });

  it('a coordinator reaches it from the navigation; a mediator has no catalogue page', async () => {
    const coordinator = me('coordinator');
    expect(competencesRoute(me('mediator'), '/competences')).toBeNull();
    expect(competencesRoute(me('mediator'), `/regions/${regionId}/competences`)).toBeNull();
    expect(competencesRoute(coordinator, `/regions/00000000-0000-4000-8000-000000000099/competences`)).toBeNull();
    fakeApi({
      'GET /api/me': ok(coordinator),
      'GET /api/notifications': ok({ items: [], unreadCount: 0 }),
      [`GET /api/regions/${regionId}`]: ok({ id: regionId, name: 'Regio Utrecht' }),
      [`GET ${catalogueUrl}`]: ok(catalogue()),
    });
    window.history.replaceState(null, '', '/competences');
    render(<App />);
    await screen.findByTestId('competence-catalogue-page');
    const link = screen.getByTestId('nav-competences');
    expect(link.getAttribute('href')).toBe('/competences');
    expect(link.getAttribute('aria-current')).toBe('page');
    expect(link.textContent).toBe('Competenties');
    await screen.findByText('Regio Utrecht');
  });
});
