import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TActivityPackage } from '../../shared/packages.schemas';
import type { TCredential, TWorkerProfile } from '../../shared/workers.schemas';
import { setCsrfToken } from '../api';
import { I18nProvider } from '../i18n/i18n';
import { WorkerProfileView } from './worker-home';
import { WorkerProfileForm } from './worker-profile-form';

const regionId = '5d7f4c7e-21a4-4a5b-9c1e-2b8f0e6a1c01';
const basicCare: TActivityPackage = {
  id: '7c6f4a1e-8b2d-4e3f-9a1c-0d2e3f4a5b01',
  regionId: null,
  code: 'basic-care',
  nameNl: 'Basiszorg en contact met zorgvragers',
  nameEn: 'Basic care and contact with clients',
  descriptionNl: '',
  descriptionEn: '',
  requiresRegistration: false,
  minQualificationLevel: 2,
};
const nursing: TActivityPackage = { ...basicCare, id: '7c6f4a1e-8b2d-4e3f-9a1c-0d2e3f4a5b02', code: 'nursing', nameNl: 'Verpleegkundige zorg (BIG)', nameEn: 'Nursing care (BIG)', requiresRegistration: true };

const profile: TWorkerProfile = {
  id: '3f1e2d4c-5b6a-4789-8abc-def012345601',
  regionId,
  kind: 'reservist',
  firstName: 'Wendy',
  lastName: 'Werker',
  qualificationLevel: 4,
  packageIds: [basicCare.id],
  isNewcomer: false,
  email: 'worker@harmonica.demo',
  phone: '06-12345678',
  homePostcode: '3511',
  homeLat: 52.09,
  homeLon: 5.12,
  homeOrganisationId: null,
  maxTravelKm: 25,
  maxMinutesPerWeek: 16 * 60,
  desiredMinutesPerWeek: 12 * 60,
  minDaysPerYear: null,
  preferredOrganisationIds: [],
  weeklyAvailability: [{ weekday: 6, startMinute: 22 * 60 + 45, endMinute: 32 * 60 + 15 }],
};

const big = (expiresOn: string | null): TCredential => ({
  id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c01',
  workerId: profile.id,
  kind: 'big',
  number: '69084900230',
  profession: 'verpleegkundige',
  expiresOn,
  verificationStatus: 'verified',
  verifiedByUserId: null,
  verifiedAt: null,
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('the worker’s profile', () => {
  it('warns when the BIG registration expires within 60 days', () => {
    render(<WorkerProfileView profile={profile} credentials={[big('2026-12-23')]} packages={[basicCare, nursing]} today="2026-11-23" />);
    const registration = screen.getByTestId('registration');
    expect(within(registration).getByText('BIG-registratie')).toBeTruthy();
    expect(within(registration).getByText('Geldig tot 23 december 2026')).toBeTruthy();
    expect(screen.getByTestId('registration-warning').textContent).toBe('Verloopt over 30 dagen: vraag tijdig verlenging aan.');
  });

  it('does not warn about a registration valid for longer, and flags an expired one', () => {
    const { unmount } = render(<WorkerProfileView profile={profile} credentials={[big('2027-06-01')]} packages={[]} today="2026-11-23" />);
    expect(screen.queryByTestId('registration-warning')).toBeNull();
    unmount();
    render(<WorkerProfileView profile={profile} credentials={[big('2026-11-01')]} packages={[]} today="2026-11-23" />);
    expect(screen.getByTestId('registration-expired').textContent).toContain('Verlopen op 1 november 2026');
  });

  it('shows kind, packages, travel radius, hours and a night window in the chosen language', () => {
    render(
      <I18nProvider locale="en" setLocale={() => undefined}>
        <WorkerProfileView profile={profile} credentials={[]} packages={[basicCare, nursing]} today="2026-11-23" />
      </I18nProvider>,
    );
    expect(screen.getByTestId('worker-kind').textContent).toContain('Reservist');
    expect(screen.getByTestId('worker-packages').textContent).toContain('Basic care and contact with clients');
    expect(screen.getByTestId('worker-packages').textContent).not.toContain('Nursing');
    expect(screen.getByTestId('worker-travel-km').textContent).toBe('25 km');
    expect(screen.getByTestId('worker-desired-hours').textContent).toBe('12 hours');
    expect(screen.getByTestId('worker-availability').textContent).toContain('Saturday 22:45–08:15');
    expect(screen.getByText('Postcode coordinates © GeoNames (CC BY 4.0)')).toBeTruthy();
  });
});

describe('the profile form', () => {
  it('validates with the shared schema before sending', () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    render(<WorkerProfileForm profile={profile} packages={[basicCare, nursing]} onSaved={() => undefined} onCancel={() => undefined} />);
    fireEvent.change(screen.getByTestId('form-travel'), { target: { value: '500' } });
    fireEvent.change(screen.getByTestId('form-max-hours'), { target: { value: '70' } });
    fireEvent.click(screen.getByTestId('form-save'));
    expect(screen.getByTestId('form-travel-error').textContent).toBe('Maximaal 300.');
    expect(screen.getByTestId('form-max-hours-error').textContent).toBe('Maximaal 60 uur.');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('sends minutes with the CSRF token and shows the server’s field errors next to the fields', async () => {
    const fetchMock = vi.fn(() =>
      Promise.resolve(
        new Response(
          JSON.stringify({
            code: 'VALIDATION_FAILED',
            message: 'packageIds[1]: is not an activity package of this region',
            issues: [{ path: 'packageIds[1]', message: 'is not an activity package of this region' }, { path: 'weeklyAvailability[0].endMinute', message: 'is too late' }],
          }),
          { status: 400 },
        ),
      ),
    );
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('csrf-token-42');
    render(<WorkerProfileForm profile={profile} packages={[basicCare, nursing]} onSaved={() => undefined} onCancel={() => undefined} />);
    fireEvent.change(screen.getByTestId('form-desired-hours'), { target: { value: '7,5' } });
    fireEvent.click(screen.getByTestId('form-package-nursing'));
    fireEvent.click(screen.getByTestId('form-save'));

    expect((await screen.findByTestId('profile-error')).textContent).toBe('Niet alle velden zijn goed ingevuld.');
    expect(screen.getByText('is not an activity package of this region')).toBeTruthy();
    expect(screen.getByTestId('form-window-0-end-error').textContent).toBe('is too late');
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(`/api/workers/${profile.id}`);
    expect(init.method).toBe('PATCH');
    expect((init.headers as Record<string, string>)['x-csrf-token']).toBe('csrf-token-42');
    expect(JSON.parse(init.body as string)).toEqual({
      maxTravelKm: 25,
      maxMinutesPerWeek: 960,
      desiredMinutesPerWeek: 450,
      packageIds: [basicCare.id, nursing.id],
      weeklyAvailability: [{ weekday: 6, startMinute: 1365, endMinute: 1935 }],
    });
  });

  const hospital = { id: '8d7c6b5a-4f3e-4d2c-9b1a-0f9e8d7c6b01', name: 'Ziekenhuis Domstad' };
  const nursingHome = { id: '8d7c6b5a-4f3e-4d2c-9b1a-0f9e8d7c6b02', name: 'Zorggroep De Linde' };

  it('shows the preferred organisations, and sends the ticked ones with their server errors at the field', async () => {
    const fetchMock = vi.fn(() =>
      Promise.resolve(
        new Response(
          JSON.stringify({
            code: 'VALIDATION_FAILED',
            message: 'preferredOrganisationIds[1]: is not an organisation of this region',
            issues: [{ path: 'preferredOrganisationIds[1]', message: 'is not an organisation of this region' }],
          }),
          { status: 400 },
        ),
      ),
    );
    vi.stubGlobal('fetch', fetchMock);
    const preferring = { ...profile, preferredOrganisationIds: [hospital.id] };
    const { unmount } = render(<WorkerProfileView profile={preferring} credentials={[]} packages={[]} organisations={[hospital, nursingHome]} today="2026-11-23" />);
    expect(screen.getByTestId('worker-preferred').textContent).toBe('Ziekenhuis Domstad');
    unmount();

    render(<WorkerProfileForm profile={preferring} packages={[basicCare]} organisations={[hospital, nursingHome]} onSaved={() => undefined} onCancel={() => undefined} />);
    const fieldset = screen.getByTestId('form-preferred');
    expect(within(fieldset).getByTestId<HTMLInputElement>(`form-preferred-${hospital.id}`).checked).toBe(true);
    expect(within(fieldset).getByTestId<HTMLInputElement>(`form-preferred-${nursingHome.id}`).checked).toBe(false);
    fireEvent.click(within(fieldset).getByTestId(`form-preferred-${nursingHome.id}`));
    fireEvent.click(screen.getByTestId('form-save'));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect((JSON.parse(init.body as string) as { preferredOrganisationIds: string[] }).preferredOrganisationIds).toEqual([hospital.id, nursingHome.id]);
    expect((await within(fieldset).findByRole('alert')).textContent).toBe('is not an organisation of this region');
  });

  it('leaves the preferences alone when it has no organisations to offer', async () => {
    const fetchMock = vi.fn(() => Promise.resolve(new Response(JSON.stringify(profile), { status: 200 })));
    vi.stubGlobal('fetch', fetchMock);
    render(<WorkerProfileForm profile={{ ...profile, preferredOrganisationIds: [hospital.id] }} packages={[basicCare]} onSaved={() => undefined} onCancel={() => undefined} />);
    expect(screen.queryByTestId('form-preferred')).toBeNull();
    fireEvent.click(screen.getByTestId('form-save'));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(JSON.parse(init.body as string)).not.toHaveProperty('preferredOrganisationIds');
  });

  it('sends a changed postcode and phone; a malformed postcode is refused in the browser, an unknown one at the field by the server', async () => {
    const fetchMock = vi.fn(() =>
      Promise.resolve(
        new Response(JSON.stringify({ code: 'VALIDATION_FAILED', message: 'homePostcode: is not a known postcode', issues: [{ path: 'homePostcode', message: 'is not a known postcode' }] }), { status: 400 }),
      ),
    );
    vi.stubGlobal('fetch', fetchMock);
    render(<WorkerProfileForm profile={profile} packages={[basicCare]} onSaved={() => undefined} onCancel={() => undefined} />);
    expect(screen.getByTestId<HTMLInputElement>('form-postcode').value).toBe('3511');
    fireEvent.change(screen.getByTestId('form-postcode'), { target: { value: 'abc' } });
    fireEvent.click(screen.getByTestId('form-save'));
    expect(screen.getByTestId('form-postcode-error').textContent).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();

    fireEvent.change(screen.getByTestId('form-postcode'), { target: { value: '9999 ZZ' } });
    fireEvent.change(screen.getByTestId('form-phone'), { target: { value: '06-87654321' } });
    fireEvent.click(screen.getByTestId('form-save'));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(JSON.parse(init.body as string)).toMatchObject({ homePostcode: '9999 ZZ', phone: '06-87654321' });
    expect((await screen.findByTestId('form-postcode-error')).textContent).toBe('Deze postcode kennen we niet.');
  });

  it('lets a reservist set their minimum days a year (checked in the browser, sent when changed); others do not see it', async () => {
    const fetchMock = vi.fn(() => Promise.resolve(new Response(JSON.stringify({ ...profile, minDaysPerYear: 6 }), { status: 200 })));
    vi.stubGlobal('fetch', fetchMock);
    const onSaved = vi.fn();
    const { unmount } = render(<WorkerProfileForm profile={profile} packages={[basicCare]} onSaved={onSaved} onCancel={() => undefined} />);
    expect(screen.getByTestId<HTMLInputElement>('form-min-days').value).toBe('');
    fireEvent.change(screen.getByTestId('form-min-days'), { target: { value: '400' } });
    fireEvent.click(screen.getByTestId('form-save'));
    expect(screen.getByTestId('form-min-days-error').textContent).toBe('Maximaal 366.');
    expect(fetchMock).not.toHaveBeenCalled();
    fireEvent.change(screen.getByTestId('form-min-days'), { target: { value: '6' } });
    fireEvent.click(screen.getByTestId('form-save'));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(JSON.parse(init.body as string)).toMatchObject({ minDaysPerYear: 6 });
    unmount();

    render(<WorkerProfileForm profile={{ ...profile, kind: 'flex' }} packages={[basicCare]} onSaved={() => undefined} onCancel={() => undefined} />);
    expect(screen.queryByTestId('form-min-days')).toBeNull();
  });
});
