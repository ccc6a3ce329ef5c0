import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TLocale } from '../../shared/common.schemas';
import type { TAvailabilityExceptionView } from '../../shared/workers.schemas';
import { I18nProvider } from '../i18n/i18n';
import { AvailabilityExceptionsCard, exceptionFormValues } from './availability-exceptions';

const workerId = '3f1e2d4c-5b6a-4789-8abc-def012345601';
const regionId = '3f1e2d4c-5b6a-4789-8abc-def012345602';
const holiday: TAvailabilityExceptionView = {
  id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c01',
  workerId,
  isAvailable: false,
  start: '2027-01-04T06:00:00.000Z', // Monday 4 January 07:00 CET
  end: '2027-01-04T14:00:00.000Z', // 15:00 CET
  reason: 'tentamen',
};

type Call = { url: string; method: string; body: unknown };

/** A fetch that answers the card's requests; `answer` decides POST and DELETE. */
function stubServer(existing: TAvailabilityExceptionView[], answer: (call: Call) => Response = () => new Response(null, { status: 204 })) {
  const calls: Call[] = [];
  const fetchMock = vi.fn((url: string, init: RequestInit = {}) => {
    const call = { url, method: init.method ?? 'GET', body: init.body ? (JSON.parse(init.body as string) as unknown) : undefined };
    calls.push(call);
    if (url === '/api/regions') return Promise.resolve(Response.json([{ id: regionId, timeZone: 'Europe/Amsterdam' }]));
    if (call.method === 'GET') return Promise.resolve(Response.json(existing));
    return Promise.resolve(answer(call));
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}

const wrap = (node: ReactNode, locale: TLocale = 'nl') => render(<I18nProvider locale={locale} setLocale={() => undefined}>{node}</I18nProvider>);

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const fill = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe('a worker’s exceptions', () => {
  it('lists the upcoming ones in the region’s zone', async () => {
    stubServer([holiday]);
    wrap(<AvailabilityExceptionsCard workerId={workerId} regionId={regionId} />);
    const item = await screen.findByTestId('exception-item');
    expect(item.textContent).toContain('Niet beschikbaar');
    expect(screen.getByTestId('exception-period').textContent).toBe('ma 4 jan 07:00 – ma 4 jan 15:00');
    expect(item.textContent).toContain('tentamen');
  });

  it('adds whole days of unavailability across the spring clock change, as local midnights', async () => {
    const calls = stubServer([], (call) => Response.json({ ...(call.body as object), id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c09', workerId }, { status: 201 }));
    wrap(<AvailabilityExceptionsCard workerId={workerId} regionId={regionId} />);
    expect((await screen.findByTestId('exceptions-none')).textContent).toBe('Geen uitzonderingen gepland.');
    fireEvent.click(screen.getByTestId('add-exception'));
    fill('exception-from-date', '2027-03-27');
    fill('exception-until-date', '2027-03-28');
    fill('exception-reason', 'Vakantie');
    fireEvent.click(screen.getByTestId('exception-save'));
    await screen.findByTestId('exception-added');
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.url).toBe(`/api/workers/${workerId}/availability-exceptions`);
    expect(post.body).toEqual({
      isAvailable: false,
      start: '2027-03-26T23:00:00.000Z', // Saturday 27 March 00:00 CET
      end: '2027-03-28T22:00:00.000Z', // Monday 29 March 00:00 CEST
      reason: 'Vakantie',
    });
    expect(screen.getByTestId('exception-period').textContent).toBe('za 27 mrt 00:00 – ma 29 mrt 00:00');
  });

  it('refuses an end before the start in the browser, at the field', async () => {
    const calls = stubServer([]);
    wrap(<AvailabilityExceptionsCard workerId={workerId} regionId={regionId} />);
    fireEvent.click(await screen.findByTestId('add-exception'));
    fill('exception-from-date', '2027-01-04');
    fill('exception-from-time', '15:00');
    fill('exception-until-date', '2027-01-04');
    fill('exception-until-time', '07:00');
    fireEvent.click(screen.getByTestId('exception-save'));
    expect(screen.getByTestId('exception-until-date-error').textContent).toBe('Het einde moet na het begin liggen.');
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
  });

  it('shows the server’s overlap refusal at the start, in English when chosen', async () => {
    stubServer([holiday], () =>
      Response.json(
        { code: 'VALIDATION_FAILED', message: 'start: overlaps your unavailability', issues: [{ path: 'start', message: 'overlaps your unavailability from 2027-01-04T06:00:00.000Z to 2027-01-04T14:00:00.000Z' }] },
        { status: 400 },
      ),
    );
    wrap(<AvailabilityExceptionsCard workerId={workerId} regionId={regionId} />, 'en');
    fireEvent.click(await screen.findByTestId('add-exception'));
    expect(screen.getByTestId('availability-exceptions').querySelector('h2')?.textContent).toBe('Exceptions');
    fill('exception-from-date', '2027-01-04');
    fill('exception-until-date', '2027-01-04');
    fireEvent.click(screen.getByTestId('exception-save'));
    expect((await screen.findByTestId('exception-from-date-error')).textContent).toBe('This overlaps another exception of the same kind.');
    expect(screen.getAllByTestId('exception-item')).toHaveLength(1);
  });

  it('changes one: the form opens with its local times and sends the new end', async () => {
    const calls = stubServer([holiday], (call) => Response.json({ ...holiday, ...(call.body as object) }));
    wrap(<AvailabilityExceptionsCard workerId={workerId} regionId={regionId} />);
    fireEvent.click(await screen.findByTestId('exception-change'));
    const value = (testId: string) => screen.getByTestId<HTMLInputElement>(testId).value;
    expect([value('exception-from-date'), value('exception-from-time'), value('exception-until-date'), value('exception-until-time'), value('exception-reason')]).toEqual([
      '2027-01-04',
      '07:00',
      '2027-01-04',
      '15:00',
      'tentamen',
    ]);
    fill('exception-until-time', '17:00');
    fireEvent.click(screen.getByTestId('exception-save'));
    await screen.findByTestId('exception-changed');
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.url).toBe(`/api/availability-exceptions/${holiday.id}`);
    expect(put.body).toEqual({ isAvailable: false, start: holiday.start, end: '2027-01-04T16:00:00.000Z', reason: 'tentamen' }); // 17:00 CET
    expect(screen.getByTestId('exception-period').textContent).toBe('ma 4 jan 07:00 – ma 4 jan 17:00');
  });

  it('shows whole local days as dates without times, across the spring clock change', () => {
    const days = { ...holiday, start: '2027-03-26T23:00:00.000Z', end: '2027-03-28T22:00:00.000Z' }; // 27 March 00:00 CET – 29 March 00:00 CEST
    expect(exceptionFormValues(days, 'Europe/Amsterdam')).toEqual({ kind: 'unavailable', fromDate: '2027-03-27', fromTime: '', untilDate: '2027-03-28', untilTime: '', reason: 'tentamen' });
  });

  it('deletes one', async () => {
    const calls = stubServer([holiday]);
    wrap(<AvailabilityExceptionsCard workerId={workerId} regionId={regionId} />);
    fireEvent.click(await screen.findByTestId('exception-delete'));
    await screen.findByTestId('exception-deleted');
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.url)).toEqual([`/api/availability-exceptions/${holiday.id}`]);
    expect(screen.queryByTestId('exception-item')).toBeNull();
  });
});
