// For component tests: a fake server behind fetch that answers `METHOD /path` from a table and
// records every request, so a test can say what the page sent.
import { vi } from 'vitest';
import type { TActivityPackage } from '../../shared/packages.schemas';
import type { TShift } from '../../shared/shifts.schemas';

export type Reply = { status: number; body?: unknown };
type Route = Reply | ((body: unknown, url: URL) => Reply);
export type Sent = { method: string; path: string; search: URLSearchParams; body: unknown };

export const ok = (body: unknown): Reply => ({ status: 200, body });
export const refused = (status: number, code: string, issues: { path: string; message: string }[] = []): Reply => ({ status, body: { code, message: code, issues } });

export function fakeApi(routes: Record<string, Route>) {
  const sent: Sent[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((input: string, init: RequestInit = {}) => {
      const url = new URL(input, 'http://harmonica.test');
      const method = init.method ?? 'GET';
      const body: unknown = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
      sent.push({ method, path: url.pathname, search: url.searchParams, body });
      const route = routes[`${method} ${url.pathname}`];
      const reply = route === undefined ? refused(404, 'NOT_FOUND') : typeof route === 'function' ? route(body, url) : route;
      return Promise.resolve(new Response(reply.status === 204 ? null : JSON.stringify(reply.body ?? null), { status: reply.status, headers: { 'content-type': 'application/json' } }));
    }),
  );
  return {
    sent,
    /** The requests to one `METHOD /path`, in order. */
    to: (key: string) => sent.filter((s) => `${s.method} ${s.path}` === key),
  };
}

export const nursing: TActivityPackage = {
  id: '6c1f0a4e-2b3d-4e5f-8a9b-0c1d2e3f4a50',
  regionId: null,
  code: 'nursing',
  nameNl: 'Verpleegkundige zorg (BIG)',
  nameEn: 'Nursing care (BIG)',
  descriptionNl: '',
  descriptionEn: '',
  requiresRegistration: true,
  minQualificationLevel: 4,
};

export const ids = {
  organisation: '2e3d4c5b-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
  location: '3f4e5d6c-7a8b-4c9d-8e1f-2a3b4c5d6e7f',
  shift: '1d2c3b4a-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  assignment: '4a5b6c7d-8e9f-4a0b-8c1d-2e3f4a5b6c7d',
  otherAssignment: '4a5b6c7d-8e9f-4a0b-8c1d-2e3f4a5b6c7e',
  worker: '5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e',
  colleague: '5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8f',
  swap: '6c7d8e9f-0a1b-4c2d-8e3f-4a5b6c7d8e9f',
};

/** Tuesday 8 December 2026, 22:00 – Wednesday 07:00 in Amsterdam. */
export const nightShift = (overrides: Partial<TShift> = {}): TShift => ({
  id: ids.shift,
  organisationId: ids.organisation,
  organisationName: 'Ziekenhuis Domstad',
  locationId: ids.location,
  locationName: 'Domstad Centrum',
  timeZone: 'Europe/Amsterdam',
  packageId: nursing.id,
  packageCode: 'nursing',
  start: '2026-12-08T21:00:00.000Z',
  end: '2026-12-09T06:00:00.000Z',
  places: 2,
  priority: 3,
  supervisionCapacity: 1,
  notes: '',
  status: 'open',
  seriesId: null,
  cancelReason: null,
  filled: 0,
  pending: 0,
  ...overrides,
});
