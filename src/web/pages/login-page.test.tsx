import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TMe } from '../../shared/auth.schemas';
import { I18nProvider } from '../i18n/i18n';
import { LoginPage } from './login-page';

const me: TMe = { id: '0b0c0a52-8d3c-4d77-9f1e-8a4ee3c0b001', email: 'worker@harmonica.demo', name: 'Wendy Werker', locale: 'nl', roles: [{ role: 'worker', organisationId: null, regionId: null }], workerId: null, csrfToken: 'csrf-1' };

function answer(status: number, body: unknown) {
  const fetchMock = vi.fn(() => Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function fillIn(email: string, password: string) {
  fireEvent.change(screen.getByLabelText('E-mailadres'), { target: { value: email } });
  fireEvent.change(screen.getByLabelText('Wachtwoord'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Inloggen' }));
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the login form', () => {
  it('shows the wrong-password error in Dutch', async () => {
    answer(401, { code: 'INVALID_CREDENTIALS', message: 'Email address or password is wrong', issues: [] });
    render(<LoginPage onLoggedIn={() => undefined} />);
    fillIn('worker@harmonica.demo', 'not-the-password');
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'Het e-mailadres of het wachtwoord klopt niet.');
  });

  it('tells the user to wait after too many attempts', async () => {
    answer(429, { code: 'RATE_LIMITED', message: 'Too many attempts; try again later', issues: [] });
    render(<LoginPage onLoggedIn={() => undefined} />);
    fillIn('worker@harmonica.demo', 'guess');
    expect((await screen.findByTestId('login-error')).textContent).toBe('Te veel pogingen. Wacht even en probeer het dan opnieuw.');
  });

  it('shows the server’s own message for an error it has no words for, and field errors by path', async () => {
    answer(400, { code: 'ACCOUNT_LOCKED', message: 'This account is locked; ask your coordinator', issues: [{ path: 'email', message: 'is locked' }] });
    render(<LoginPage onLoggedIn={() => undefined} />);
    fillIn('worker@harmonica.demo', 'secret');
    expect((await screen.findByTestId('login-error')).textContent).toBe('This account is locked; ask your coordinator');
    expect(screen.getByTestId('login-email-error').textContent).toBe('is locked');
    expect(screen.getByLabelText('E-mailadres').getAttribute('aria-invalid')).toBe('true');
  });

  it('checks the fields with the shared schema before asking the server', () => {
    const fetchMock = answer(200, me);
    render(<LoginPage onLoggedIn={() => undefined} />);
    fillIn('not-an-email', '');
    expect(screen.getByTestId('login-email-error').textContent).toBe('Vul een geldig e-mailadres in.');
    expect(screen.getByTestId('login-password-error').textContent).toBe('Vul dit veld in.');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('posts the credentials as JSON and hands the signed-in user over', async () => {
    const fetchMock = answer(200, me);
    const onLoggedIn = vi.fn();
    render(
      <I18nProvider locale="en" setLocale={() => undefined}>
        <LoginPage onLoggedIn={onLoggedIn} />
      </I18nProvider>,
    );
    fireEvent.change(screen.getByLabelText('Email address'), { target: { value: ' worker@harmonica.demo ' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'harmonica-demo' } });
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
    await waitFor(() => expect(onLoggedIn).toHaveBeenCalledWith(me));
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/auth/login');
    expect(init.method).toBe('POST');
    expect(JSON.parse(init.body as string)).toEqual({ email: 'worker@harmonica.demo', password: 'harmonica-demo' });
    expect((init.headers as Record<string, string>)['content-type']).toBe('application/json');
  });
});
