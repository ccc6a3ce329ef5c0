// Mediation components: the candidate list with its score parts and why-not counts, the queues'
// ageing and overdue marks, declining an offer (the next step is required), and the wording helpers.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TLocale } from '../../shared/common.schemas';
import type { TCandidateList, TScorePart } from '../../shared/mediation.schemas';
import { I18nProvider, translate } from '../i18n/i18n';
import { CandidateList } from './candidates';
import { formatAge, formatPeriod, partReason } from './explain';
import { OfferAnswer } from './offer-answer';
import { QueueSection } from './queues';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const inLocale = (children: ReactNode, locale: TLocale = 'nl') => render(<I18nProvider locale={locale} setLocale={() => undefined}>{children}</I18nProvider>);
const json = (body: unknown, status: number) => Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));

const part = (name: TScorePart['part'], points: number, weight: number, params: TScorePart['params']): TScorePart => ({ part: name, weight, value: points / weight, points, message: 'English', params });

const list: TCandidateList = {
  checkedCount: 42,
  candidates: [
    {
      workerId: '11111111-1111-4111-8111-111111111111',
      name: 'Anna de Vries',
      kind: 'reservist',
      distanceKm: 3.4,
      score: 71.5,
      parts: [
        part('packageFit', 30, 30, { held: 2, asked: 2 }),
        part('distance', 17.5, 20, { distanceKm: 3.4, maxTravelKm: 25 }),
        part('preference', 5, 10, { prefers: 0, hasPreferences: 0 }),
        part('reservistProgress', 19, 20, { days: 1, minDays: 20 }),
      ],
    },
    { workerId: '22222222-2222-4222-8222-222222222222', name: 'Bram Jansen', kind: 'own_staff', distanceKm: 8, score: 40, parts: [] },
  ],
  ruledOut: [
    { rule: 'package', count: 12, examples: [{ workerId: '33333333-3333-4333-8333-333333333333', name: 'Sanne Bakker', violation: null }] },
    { rule: 'travel', count: 1, examples: [] },
  ],
};

describe('the candidate list', () => {
  it('ranks the candidates with their score and kind, and words every score part from its numbers', () => {
    inLocale(<CandidateList list={list} />);
    const items = screen.getAllByTestId('candidate');
    expect(items.map((i) => within(i).getByTestId('candidate-score').textContent)).toEqual(['71,5 punten', '40 punten']);
    expect(items[0]!.textContent).toContain('1. Anna de Vries');
    expect(items[0]!.textContent).toContain('Reservist · 3,4 km');
    const rows = [...within(items[0]!).getByTestId('score-parts').querySelectorAll('li')].map((row) => [...row.children].map((c) => c.textContent));
    expect(rows).toEqual([
      ['Pakketten', '30 / 30', 'Heeft 2 van de 2 gevraagde pakketten'],
      ['Afstand', '17,5 / 20', 'Woont op 3,4 km (reist tot 25 km)'],
      ['Voorkeur', '5 / 10', 'Geen voorkeursorganisaties opgegeven'],
      ['Reservistendagen', '19 / 20', 'Reservist: 1 van minimaal 20 dagen dit jaar'],
    ]);
    expect(screen.getByTestId('candidates-checked').textContent).toBe('Getoetst aan alle regels: 42; hieronder de beste 2.');
  });

  it('groups the ruled-out workers per rule with counts and example names (English)', () => {
    inLocale(<CandidateList list={list} />, 'en');
    const ruledOut = screen.getByTestId('ruled-out');
    expect(ruledOut.querySelector('h3')!.textContent).toBe('Ruled out: 13');
    const groups = screen.getAllByTestId('ruled-out-group').map((g) => g.textContent);
    expect(groups).toEqual(['12 lack the package' + 'For example: Sanne Bakker', '1 lives too far away']);
  });

  it('lets the mediator pick candidates but not one already offered', () => {
    const onToggle = vi.fn();
    inLocale(<CandidateList list={list} selection={{ selected: new Set([list.candidates[0]!.workerId]), onToggle, disabled: new Set([list.candidates[1]!.workerId]) }} />);
    const boxes = screen.getAllByTestId<HTMLInputElement>('candidate-select');
    expect(boxes.map((b) => [b.checked, b.disabled])).toEqual([
      [true, false],
      [false, true],
    ]);
    expect(screen.getAllByTestId('candidate')[1]!.textContent).toContain('al aangeboden');
    fireEvent.click(boxes[0]!);
    expect(onToggle).toHaveBeenCalledWith(list.candidates[0]!.workerId);
  });

  it('says so when nobody meets every rule', () => {
    inLocale(<CandidateList list={{ checkedCount: 5, candidates: [], ruledOut: [{ rule: 'rest', count: 5, examples: [] }] }} />);
    expect(screen.getByTestId('candidates-none').textContent).toBe('Niemand in de regio voldoet aan alle regels.');
    expect(screen.getByTestId('ruled-out-group').textContent).toBe('5 hebben te weinig rust ertussen');
  });
});

describe('a queue', () => {
  it('lists the oldest first, marks what is past the deadline and counts it', () => {
    inLocale(
      <QueueSection
        title="Aanvragen zonder eerste aanbod"
        deadline="Termijn: 24 uur"
        testId="queue"
        items={[
          { key: 'a', title: 'Thuiszorg Vecht', ageHours: 3.2, isOverdue: false, to: '/requests/a' },
          { key: 'b', title: 'Ziekenhuis Domstad', ageHours: 51, isOverdue: true, to: '/requests/b' },
        ]}
      />,
    );
    const items = screen.getAllByTestId('queue-item');
    expect(items.map((i) => [i.querySelector('a')!.textContent, within(i).getByTestId('queue-age').textContent, i.dataset.overdue])).toEqual([
      ['Ziekenhuis Domstad', 'te laat: 2 dagen 3 uur', 'true'],
      ['Thuiszorg Vecht', 'wacht 3 uur', 'false'],
    ]);
    expect(screen.getByTestId('queue-overdue').textContent).toBe('1 te laat');
    expect(items[0]!.querySelector('a')!.getAttribute('href')).toBe('/requests/b');
  });

  it('says when it is empty', () => {
    inLocale(<QueueSection title="Q" deadline="Termijn: 48 uur" testId="queue" items={[]} />);
    expect(screen.getByTestId('queue-empty').textContent).toBe('Niets in deze wachtrij.');
    expect(screen.queryByTestId('queue-overdue')).toBeNull();
  });
});

describe('answering an offer', () => {
  const offerId = '44444444-4444-4444-8444-444444444444';

  it('accepts with one click', async () => {
    const fetchMock = vi.fn(() => json({ id: offerId, status: 'accepted' }, 200));
    vi.stubGlobal('fetch', fetchMock);
    const onAnswered = vi.fn();
    inLocale(<OfferAnswer offerId={offerId} onAnswered={onAnswered} />);
    fireEvent.click(screen.getByTestId('offer-accept'));
    await waitFor(() => expect(onAnswered).toHaveBeenCalled());
    expect(fetchMock.mock.calls.map((c) => (c as unknown[])[0])).toEqual([`/api/offers/${offerId}/accept`]);
  });

  it('will not decline without a reason and a next step, then sends both', async () => {
    const fetchMock = vi.fn((_url: string, _init?: RequestInit) => json({ id: offerId, status: 'declined' }, 200));
    vi.stubGlobal('fetch', fetchMock);
    const onAnswered = vi.fn();
    inLocale(<OfferAnswer offerId={offerId} onAnswered={onAnswered} />);
    fireEvent.click(screen.getByTestId('offer-decline'));
    fireEvent.click(screen.getByTestId('decline-submit'));
    expect(screen.getByTestId('decline-reason-error').textContent).toBe(translate('nl', 'validation.minChars', { min: 3 }));
    expect(screen.getByTestId('decline-next-step-error').textContent).toBe('Kies een volgende stap.');
    expect(fetchMock).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText('Reden'), { target: { value: 'Geen ervaring met nachtdiensten' } });
    fireEvent.click(screen.getByLabelText('scholing'));
    fireEvent.click(screen.getByTestId('decline-submit'));
    await waitFor(() => expect(onAnswered).toHaveBeenCalled());
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe(`/api/offers/${offerId}/decline`);
    expect(JSON.parse(init!.body as string)).toEqual({ reason: 'Geen ervaring met nachtdiensten', nextStep: 'training' });
  });
});

describe('wording', () => {
  const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('en', key, vars);

  it('words ages from minutes to days', () => {
    expect([0.4, 1, 23.9, 47.5, 48, 75].map((h) => formatAge(h, t))).toEqual(['24 min', '1 h', '23 h', '47 h', '2 days', '3 days 3 h']);
  });

  it('words preference and reservist parts from their flags', () => {
    expect(partReason({ part: 'preference', params: { prefers: 1, hasPreferences: 1 } }, t, 'en')).toBe('Prefers this organisation');
    expect(partReason({ part: 'preference', params: { prefers: 0, hasPreferences: 1 } }, t, 'en')).toBe('Prefers other organisations');
    expect(partReason({ part: 'reservistProgress', params: { days: 0, minDays: null } }, t, 'en')).toBe('No minimum days to reach');
    expect(partReason({ part: 'availability', params: { statedWindows: 0 } }, t, 'en')).toBe('States no availability (available unless marked otherwise)');
  });

  it('shows a period through its last day (the end is the midnight after it)', () => {
    expect(formatPeriod('2027-03-02T23:00:00.000Z', '2027-06-02T22:00:00.000Z', 'nl')).toMatch(/^3 maart\s–\s2 juni 2027$/);
  });
});
