// The open-shift card: what a worker sees, why not, and a refused claim showing the rule.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TOpenShiftForMe } from '../../shared/assignments.schemas';
import type { TLocale } from '../../shared/common.schemas';
import { nursing } from './fake-api';
import { I18nProvider } from '../i18n/i18n';
import { OpenShiftCard } from './open-shifts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});


const shift = (overrides: Partial<TOpenShiftForMe> = {}): TOpenShiftForMe => ({
  id: '1d2c3b4a-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  organisationId: '2e3d4c5b-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
  organisationName: 'Ziekenhuis Domstad',
  locationId: '3f4e5d6c-7a8b-4c9d-8e1f-2a3b4c5d6e7f',
  locationName: 'Domstad Centrum',
  timeZone: 'Europe/Amsterdam',
  packageId: nursing.id,
  packageCode: 'nursing',
  start: '2026-12-08T21:00:00Z',
  end: '2026-12-09T06:00:00Z',
  places: 2,
  priority: 3,
  supervisionCapacity: 1,
  notes: 'Meld je bij Marieke, buddy: Joost',
  status: 'open',
  seriesId: null,
  cancelReason: null,
  filled: 1,
  pending: 0,
  distanceKm: 3.34,
  isPreferred: false,
  isEligible: true,
  violations: [],
  ...overrides,
});

const renderCard = (value: TOpenShiftForMe, locale: TLocale = 'nl') =>
  render(
    <I18nProvider locale={locale} setLocale={() => undefined}>
      <ul>
        <OpenShiftCard shift={value} packages={[nursing]} />
      </ul>
    </I18nProvider>,
  );

const json = (body: unknown, status: number) => Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));

describe('the open-shift card', () => {
  it('shows the night in the location’s zone, the package, place, distance, places left and notes, with a claim button', () => {
    renderCard(shift());
    const card = screen.getByTestId('open-shift');
    expect(screen.getByTestId('shift-times').textContent).toBe('di 22:00 – wo 07:00');
    expect(card.textContent).toContain('di 8 dec');
    expect(card.textContent).toContain('Verpleegkundige zorg (BIG)');
    expect(card.textContent).toContain('Ziekenhuis Domstad · Domstad Centrum');
    expect(card.textContent).toContain('3,3 km');
    expect(card.textContent).toContain('Nog 1 plek(ken) vrij');
    expect(card.textContent).toContain('Meld je bij Marieke, buddy: Joost');
    expect(screen.getByTestId('claim').textContent).toBe('Aanmelden');
    expect(screen.queryByTestId('why-not-toggle')).toBeNull();
  });

  it('hides why not until opened, then lists each reason (English)', () => {
    renderCard(
      shift({
        isEligible: false,
        violations: [
          { rule: 'package', message: '', params: {} },
          { rule: 'travel', message: '', params: { distanceKm: 41.2, maxTravelKm: 25 } },
        ],
      }),
      'en',
    );
    expect(screen.queryByTestId('claim')).toBeNull();
    expect(screen.queryByTestId('why-not')).toBeNull();
    fireEvent.click(screen.getByTestId('why-not-toggle'));
    const items = [...screen.getByTestId('why-not').querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual(['You do not have the activity package Nursing care (BIG).', 'The location is 41.2 km away; your maximum is 25 km.']);
  });

  it('confirms a claim', async () => {
    vi.stubGlobal('fetch', vi.fn(() => json({ id: 'a', status: 'confirmed' }, 201)));
    renderCard(shift());
    fireEvent.click(screen.getByTestId('claim'));
    await waitFor(() => expect(screen.getByTestId('claim-result').textContent).toBe('Je staat ingeroosterd. Je vindt de dienst bij Mijn diensten.'));
    expect(screen.queryByTestId('claim')).toBeNull();
  });

  it('shows a refused claim with the rule, worded from the why-not numbers', async () => {
    const fetchMock = vi.fn((url: string) =>
      url.endsWith('/claims')
        ? json({ code: 'NOT_ELIGIBLE', message: 'You may not take this shift', issues: [{ path: 'rest', message: 'Your rest …' }] }, 409)
        : json([{ rule: 'rest', message: '', params: { restMinutes: 480, minRestMinutes: 660, otherShiftId: 'x' } }], 200),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderCard(shift());
    fireEvent.click(screen.getByTestId('claim'));
    await waitFor(() => expect(screen.getByTestId('claim-error').textContent).toBe('Aanmelden lukt niet:Je rust naast een andere dienst zou 8 u zijn; minimaal 11 u is nodig.'));
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual([`/api/shifts/${shift().id}/claims`, `/api/shifts/${shift().id}/why-not`]);
  });

  it('falls back to the rules in the error when why-not cannot be read (someone else took the last place)', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string) =>
        url.endsWith('/claims')
          ? json({ code: 'NOT_ELIGIBLE', message: 'You may not take this shift', issues: [{ path: 'demand', message: 'All places on this shift are taken' }] }, 409)
          : json({ code: 'INTERNAL', message: 'oops', issues: [] }, 500),
      ),
    );
    renderCard(shift(), 'en');
    fireEvent.click(screen.getByTestId('claim'));
    await waitFor(() => expect(screen.getByTestId('claim-why-not').textContent).toBe('All places on this shift are taken.'));
  });
});
