import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, query, setCsrfToken } from './api';

function stubFetch(response: () => Response) {
  const fetchMock = vi.fn((_url: string, _init: RequestInit) => Promise.resolve(response()));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('the API client', () => {
  it('sends the CSRF token and JSON on every change, never on a read', async () => {
    const fetchMock = stubFetch(() => new Response('{"ok":true}', { status: 200 }));
    setCsrfToken('token-1');
    await api.get('/api/me');
    await api.patch('/api/me', { locale: 'en' });
    const [, read] = fetchMock.mock.calls[0]!;
    const [, change] = fetchMock.mock.calls[1]!;
    expect(read.headers).not.toHaveProperty('x-csrf-token');
    expect(read.body).toBeUndefined();
    expect(change.headers).toMatchObject({ 'x-csrf-token': 'token-1', 'content-type': 'application/json' });
    expect(change.credentials).toBe('same-origin');
    expect(change.body).toBe('{"locale":"en"}');
  });

  it('turns the error shape into an ApiError with field errors by path', async () => {
    stubFetch(() => new Response(JSON.stringify({ code: 'VALIDATION_FAILED', message: 'maxTravelKm: too big', issues: [{ path: 'maxTravelKm', message: 'too big' }] }), { status: 400 }));
    const error = await api.patch('/api/workers/1', {}).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', message: 'maxTravelKm: too big' });
    expect((error as ApiError).fieldErrors()).toEqual({ maxTravelKm: 'too big' });
  });

  it('still gives a typed error when the body is not the error shape', async () => {
    stubFetch(() => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    await expect(api.get('/api/regions')).rejects.toMatchObject({ status: 502, code: 'HTTP_502', message: 'Bad Gateway', issues: [] });
  });

  it('returns nothing for 204 No Content and reports an unreachable server', async () => {
    stubFetch(() => new Response(null, { status: 204 }));
    expect(await api.post('/api/auth/logout')).toBeUndefined();
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(api.get('/api/me')).rejects.toMatchObject({ code: 'NETWORK', status: 0 });
  });

  it('builds query strings from the defined values only', () => {
    expect(query({ regionId: 'r1', q: '', kind: undefined, limit: 25 })).toBe('?regionId=r1&limit=25');
    expect(query({})).toBe('');
  });
});
