import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TPlanningPreview } from '../../shared/planning.schemas';
import type { TLocale } from '../../shared/common.schemas';
import { I18nProvider, translate } from '../i18n/i18n';
import { defaultHorizon, scoreRows, whyNobody, zonedMidnight } from './explain';
import { formatShiftTime, OpenPlaceItem, Progress, ScoreComparison } from './parts';
import { RunPage } from './run-page';

const wrap = (node: ReactNode, locale: TLocale = 'nl') => render(<I18nProvider locale={locale} setLocale={() => undefined}>{node}</I18nProvider>);
const tNl = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('nl', key, vars);

const breakdown = (overrides: Partial<NonNullable<TPlanningPreview['current']>>) => ({ uncovered: 0, travel: 0, unpreferred: 0, overDesired: 0, underMinimum: 0, cost: 0, total: 0, ...overrides });

const SHIFT = '7d7d1f6e-3b1a-4f1e-9a55-0c8f2b6a1a01';
const WORKER = '7d7d1f6e-3b1a-4f1e-9a55-0c8f2b6a1a02';
const ORG = '7d7d1f6e-3b1a-4f1e-9a55-0c8f2b6a1a03';
const RUN = '7d7d1f6e-3b1a-4f1e-9a55-0c8f2b6a1a04';

function preview(overrides: Partial<TPlanningPreview>): TPlanningPreview {
  return {
    jobId: RUN,
    kind: 'auto',
    status: 'running',
    timeLimitSeconds: 10,
    elapsedMs: 0,
    bestScore: null,
    error: null,
    solution: null,
    regionId: null,
    organisationId: null,
    horizonStart: null,
    horizonEnd: null,
    pinnedCount: 0,
    current: null,
    proposed: null,
    proposals: [],
    openPlaces: [],
    publishReport: null,
    ...overrides,
  };
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('score comparison', () => {
  it('lists the terms that are not zero with now, proposed and the difference, and the total last', () => {
    wrap(<ScoreComparison current={breakdown({ uncovered: 412000, travel: 0, total: 412000 })} proposed={breakdown({ uncovered: 57000, travel: 1234.5, total: 58234.5 })} />);
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((row) => row.getAttribute('data-testid'))).toEqual(['score-uncovered', 'score-travel', 'score-total']);
    const open = within(screen.getByTestId('score-uncovered')).getAllByRole('cell').map((cell) => cell.textContent);
    expect(screen.getByTestId('score-uncovered').querySelector('th')?.textContent).toBe('Open plaatsen (naar prioriteit)');
    expect(open).toEqual(['412.000', '57.000', '−355.000']);
    const travel = within(screen.getByTestId('score-travel')).getAllByRole('cell').map((cell) => cell.textContent);
    expect(travel).toEqual(['0', '1.234,5', '+1.234,5']);
    expect(within(screen.getByTestId('score-uncovered')).getAllByRole('cell')[2]!.className).toContain('better');
    expect(within(screen.getByTestId('score-travel')).getAllByRole('cell')[2]!.className).toContain('worse');
  });

  it('speaks English on request', () => {
    wrap(<ScoreComparison current={breakdown({ uncovered: 3000, total: 3000 })} proposed={breakdown({ total: 0 })} />, 'en');
    expect(screen.getByTestId('score-uncovered').querySelector('th')?.textContent).toBe('Open places (by priority)');
    expect(screen.getByRole('columnheader', { name: 'Difference' })).toBeTruthy();
  });

  it('keeps the total even when both sides are zero', () => {
    expect(scoreRows(breakdown({}), breakdown({})).map((r) => r.term)).toEqual(['total']);
  });
});

describe('why nobody', () => {
  it('names the blocking rules counted over the pool, most first, in Dutch', () => {
    expect(whyNobody({ travel: 12, package: 38, rest: 1 }, tNl)).toBe('38 missen het pakket, 12 wonen te ver weg en 1 heeft te weinig rust ertussen');
  });

  it('uses the singular and plural forms and English on request', () => {
    const tEn = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('en', key, vars);
    expect(whyNobody({ registration: 1 }, tEn)).toBe('1 has no valid registration');
    expect(whyNobody({ overlap: 2, availability: 2 }, tEn)).toBe('2 are not available then and 2 are already working then');
  });

  it('leaves out rules that rule nobody out and still words a rule it does not know', () => {
    expect(whyNobody({ package: 0 }, tNl)).toBe('');
    expect(whyNobody({ teleport: 3 }, tNl)).toBe('3 vallen af op regel teleport');
  });

  it('shows the sentence, the rule counts and how many would be allowed for an open place', () => {
    wrap(
      <OpenPlaceItem
        packageLabel={(code) => (code === 'nursing' ? 'Verpleegkundige zorg' : code)}
        place={{ shiftId: SHIFT, organisationName: 'Ziekenhuis Domstad', locationName: 'Domstad Centrum', packageCode: 'nursing', start: '2026-12-07T06:00:00.000Z', open: 2, priority: 5, blockedBy: { package: 38, travel: 12 }, eligible: 3 }}
      />,
    );
    expect(screen.getByTestId('why-nobody').textContent).toBe('Waarom niemand: 38 missen het pakket en 12 wonen te ver weg.');
    expect(screen.getByTestId('eligible').textContent).toBe(tNl('planning.open.eligible.other', { count: 3 }));
    expect(screen.getByTestId('open-place').textContent).toContain('2 plaatsen open');
    expect(screen.getByTestId('open-place').textContent).toContain('Verpleegkundige zorg');
  });
});

describe('progress', () => {
  it('shows elapsed against the limit, the best score so far and a Stop button', () => {
    const onStop = vi.fn();
    wrap(<Progress run={{ status: 'running', elapsedMs: 4200, timeLimitSeconds: 10, bestScore: { hard: 0, soft: -57340 } }} onStop={onStop} isStopping={false} />);
    const bar = screen.getByRole('progressbar', { name: 'Voortgang van de planning' });
    expect(bar.getAttribute('max')).toBe('10000');
    expect(bar.getAttribute('value')).toBe('4200');
    expect(screen.getByTestId('progress-elapsed').textContent).toBe('4 van 10 seconden');
    expect(screen.getByTestId('progress-soft').textContent).toBe('57.340');
    expect(screen.getByTestId('progress-hard').textContent).toBe('0');
    fireEvent.click(screen.getByRole('button', { name: 'Stop en toon het beste plan' }));
    expect(onStop).toHaveBeenCalledOnce();
  });

  it('says it waits while queued and that no plan exists yet', () => {
    wrap(<Progress run={{ status: 'queued', elapsedMs: null, timeLimitSeconds: 10, bestScore: null }} onStop={() => undefined} isStopping />);
    expect(screen.getByTestId('progress-queued').textContent).toBe('Wacht op een vrije rekenplek…');
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByText('Nog geen plan gevonden.')).toBeTruthy();
    expect(screen.getByTestId<HTMLButtonElement>('planning-stop').disabled).toBe(true);
  });

  it('polls the run until it stops, then shows the preview; Stop asks the server to stop', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const answers = [
      preview({ status: 'running', elapsedMs: 1000, bestScore: { hard: 0, soft: -5000 } }),
      preview({
        status: 'cancelled',
        elapsedMs: 2000,
        current: breakdown({ uncovered: 4000, total: 4000 }),
        proposed: breakdown({ uncovered: 1000, travel: 8, total: 1008 }),
        proposals: [{ shiftId: SHIFT, workerId: WORKER, workerName: 'Wendy Werker', organisationId: ORG, organisationName: 'Ziekenhuis Domstad', locationName: 'Domstad Centrum', packageCode: 'nursing', start: '2026-12-07T06:00:00.000Z', end: '2026-12-07T14:00:00.000Z', costs: { travel: 8 }, covers: 3000 }],
      }),
    ];
    const calls: string[] = [];
    vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
      calls.push(`${init.method ?? 'GET'} ${url}`);
      if (url.startsWith('/api/packages')) return Promise.resolve(new Response('[]', { status: 200 }));
      if (init.method === 'DELETE') return Promise.resolve(new Response(JSON.stringify(answers[0]), { status: 200 }));
      const next = answers.length > 1 ? answers.shift()! : answers[0]!;
      return Promise.resolve(new Response(JSON.stringify(next), { status: 200 }));
    });
    wrap(<RunPage runId={RUN} />);
    await screen.findByTestId('planning-progress');
    expect(screen.getByTestId('progress-soft').textContent).toBe('5.000');
    fireEvent.click(screen.getByTestId('planning-stop'));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1500);
    });
    await waitFor(() => expect(screen.getByTestId('planning-preview')).toBeTruthy());
    expect(calls).toContain(`DELETE /api/solves/${RUN}`);
    expect(screen.queryByTestId('planning-progress')).toBeNull();
    expect(screen.getByTestId('run-status').textContent).toBe('Vroeg gestopt');
    expect(screen.getByTestId('summary-proposals').textContent).toContain('1');
    fireEvent.click(screen.getByText('Wendy Werker'));
    expect(screen.getByTestId('proposal-why').textContent).toContain('Reizen: 8 km');
    fireEvent.click(screen.getByTestId('view-worker'));
    expect(screen.getByTestId('proposal-group').querySelector('h3')?.textContent).toContain('Wendy Werker');
    const polls = calls.filter((c) => c === `GET /api/planning-runs/${RUN}`).length;
    await act(async () => {
      await vi.advanceTimersByTimeAsync(3000);
    });
    expect(calls.filter((c) => c === `GET /api/planning-runs/${RUN}`).length).toBe(polls);
  });
});

describe('shift times', () => {
  it('are shown on the region’s clock, not the browser’s', () => {
    expect(formatShiftTime('2026-12-07T06:00:00.000Z', '2026-12-07T14:00:00.000Z', 'nl')).toBe('ma 7 dec 07:00–15:00');
    expect(formatShiftTime('2026-12-07T06:00:00.000Z', null, 'en', 'Europe/London')).toBe('Mon 7 Dec 06:00');
  });
});

describe('horizon', () => {
  it('starts and ends at midnight on the region’s clock, also across the change to summer time', () => {
    expect(zonedMidnight('2026-11-30', 'Europe/Amsterdam')).toBe('2026-11-29T23:00:00.000Z');
    expect(zonedMidnight('2026-12-27', 'Europe/Amsterdam', 1)).toBe('2026-12-27T23:00:00.000Z');
    expect(zonedMidnight('2027-03-28', 'Europe/Amsterdam', 1)).toBe('2027-03-28T22:00:00.000Z');
  });

  it('defaults to the four weeks from next Monday, never today, up to and including the Sunday', () => {
    expect(defaultHorizon(new Date(2026, 10, 23, 9))).toEqual({ from: '2026-11-30', to: '2026-12-27' });
    expect(defaultHorizon(new Date(2026, 10, 25, 9))).toEqual({ from: '2026-11-30', to: '2026-12-27' });
    expect(defaultHorizon(new Date(2026, 10, 29, 9))).toEqual({ from: '2026-11-30', to: '2026-12-27' });
  });
});

beforeEach(() => {
  window.history.replaceState(null, '', '/');
});
