// The planner's home leads to the newcomers matched to the organisation, beside the header link.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TMe } from '../../shared/auth.schemas';
import { I18nProvider } from '../i18n/i18n';
import { fakeApi, refused } from '../marketplace/fake-api';
import { MeContext } from '../session';
import { PlannerHome } from './planner-home';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const planner = (roles: TMe['roles']): TMe => ({ id: '00000000-0000-4000-8000-0000000000aa', email: 'piet@test', name: 'Piet Planner', locale: 'nl', roles, workerId: null, csrfToken: 'csrf' });
const home = (me: TMe) =>
  render(
    <I18nProvider locale="nl" setLocale={() => undefined}>
      <MeContext value={me}>
        <PlannerHome me={me} />
      </MeContext>
    </I18nProvider>,
  );

describe('the planner’s home', () => {
  it('links to the newcomers pages', () => {
    fakeApi({ 'GET /api/organisations/00000000-0000-4000-8000-000000000003': refused(503, 'UNAVAILABLE') });
    home(planner([{ role: 'planner', organisationId: '00000000-0000-4000-8000-000000000003', regionId: null }]));
    const link = screen.getByTestId('newcomers-link').querySelector('a')!;
    expect(link.getAttribute('href')).toBe('/newcomers');
    expect(link.textContent).toBe('Nieuwkomers');
  });

  it('has no newcomers link without an organisation', () => {
    fakeApi({});
    home(planner([{ role: 'planner', organisationId: null, regionId: null }]));
    expect(screen.queryByTestId('newcomers-link')).toBeNull();
  });
});
