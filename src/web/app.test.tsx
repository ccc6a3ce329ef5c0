import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TMe } from '../shared/auth.schemas';
import { App } from './app';

const admin: TMe = {
  id: '0b0c0a52-8d3c-4d77-9f1e-8a4ee3c0b009',
  email: 'admin@harmonica.demo',
  name: 'Ada Admin',
  locale: 'nl',
  roles: [{ role: 'admin', organisationId: null, regionId: null }],
  workerId: null,
  csrfToken: 'csrf-admin',
};

type Call = { method: string; url: string; headers: Record<string, string>; body: unknown };

/** A fake server: answers by "METHOD /path" and records every request. */
function fakeServer(routes: Record<string, (body: unknown) => [number, unknown]>) {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    const method = init.method ?? 'GET';
    const body: unknown = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    calls.push({ method, url, headers: init.headers as Record<string, string>, body });
    const route = routes[`${method} ${url.split('?')[0] ?? url}`];
    const [status, payload] = route ? route(body) : [404, { code: 'NOT_FOUND', message: `No route ${method} ${url}`, issues: [] }];
    return Promise.resolve(new Response(status === 204 ? null : JSON.stringify(payload), { status }));
  });
  return calls;
}

beforeEach(() => {
  window.localStorage.clear();
  window.history.replaceState(null, '', '/');
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the app', () => {
  it('starts at the Dutch login page and keeps a language chosen before login', async () => {
    fakeServer({ 'GET /api/me': () => [401, { code: 'UNAUTHENTICATED', message: 'Sign in first', issues: [] }] });
    render(<App />);
    await screen.findByRole('heading', { name: 'Inloggen' });
    expect(document.documentElement.lang).toBe('nl');
    fireEvent.click(screen.getByTestId('language-en'));
    await screen.findByRole('heading', { name: 'Log in' });
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem('harmonica.locale')).toBe('en');
  });

  it('carries the language picked on the login page over to the account', async () => {
    const calls = fakeServer({
      'GET /api/me': () => [401, { code: 'UNAUTHENTICATED', message: 'Sign in first', issues: [] }],
      'POST /api/auth/login': () => [200, admin],
      'PATCH /api/me': (body) => [200, { ...admin, ...(body as object) }],
      'GET /api/regions': () => [200, []],
      'GET /api/users': () => [200, []],
    });
    render(<App />);
    fireEvent.click(await screen.findByTestId('language-en'));
    fireEvent.change(screen.getByLabelText('Email address'), { target: { value: admin.email } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'harmonica-demo' } });
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
    await screen.findByRole('heading', { name: 'Administration' });
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect(patch.body).toEqual({ locale: 'en' });
    expect(patch.headers['x-csrf-token']).toBe('csrf-admin');
  });

  it('saves a language switch to the signed-in user and logs out with the CSRF token', async () => {
    const calls = fakeServer({
      'GET /api/me': () => [200, admin],
      'PATCH /api/me': (body) => [200, { ...admin, ...(body as object) }],
      'GET /api/regions': () => [200, []],
      'GET /api/users': () => [200, []],
      'POST /api/auth/logout': () => [204, null],
    });
    render(<App />);
    await screen.findByRole('heading', { name: 'Beheer' });
    expect(screen.getByTestId('user-name').textContent).toBe('Ada Admin');
    expect(screen.getByTestId('user-role').textContent).toBe('Beheerder');

    fireEvent.click(screen.getByTestId('language-en'));
    await screen.findByRole('heading', { name: 'Administration' });
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ locale: 'en' });

    fireEvent.click(screen.getByTestId('logout'));
    await screen.findByRole('heading', { name: 'Log in' });
    const logout = calls.find((c) => c.url === '/api/auth/logout')!;
    expect(logout.headers['x-csrf-token']).toBe('csrf-admin');
    expect(window.location.pathname).toBe('/login');
  });
});
