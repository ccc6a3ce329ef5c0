// The development mailbox for administrators: each mail with its recipient, status, last error and
// text; filtering by status asks the server; bundling the digest now reports how many mails it queued.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TMailboxEntry } from '../../shared/notifications.schemas';
import { I18nProvider } from '../i18n/i18n';
import { fakeApi, ok } from './fake-api';
import { MailboxPage } from './mailbox';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const mail = (overrides: Partial<TMailboxEntry>): TMailboxEntry => ({
  id: '00000000-0000-4000-8000-000000000001',
  toEmail: 'sanne@example.test',
  subject: 'Meeloopdag geannuleerd: Ziekenhuis Domstad',
  text: 'Hallo Sanne,\n\nJe meeloopdag bij Ziekenhuis Domstad is geannuleerd: de afdeling is dicht',
  status: 'sent',
  attempts: 1,
  lastError: null,
  // Mon 23 Nov 2026 15:00 in Amsterdam
  createdAt: '2026-11-23T14:00:00.000Z',
  sentAt: '2026-11-23T14:00:05.000Z',
  ...overrides,
});

describe('the mailbox', () => {
  it('lists each mail with recipient, status and text; a failed one shows its last error; the filter asks the server', async () => {
    const failed = mail({ id: '00000000-0000-4000-8000-000000000002', toEmail: 'piet@example.test', subject: 'Nieuwe aanmelding', status: 'failed', attempts: 5, lastError: 'connect ECONNREFUSED', sentAt: null });
    const api = fakeApi({ 'GET /api/dev/mailbox': (_body, url) => ok(url.searchParams.get('status') === 'failed' ? [failed] : [mail({}), failed]) });
    render(
      <I18nProvider locale="nl" setLocale={() => undefined}>
        <MailboxPage />
      </I18nProvider>,
    );
    await waitFor(() => expect(screen.getAllByTestId('mail')).toHaveLength(2));
    const [sent, broken] = screen.getAllByTestId('mail');
    expect(within(sent!).getByTestId('mail-subject').textContent).toBe('Meeloopdag geannuleerd: Ziekenhuis Domstad');
    expect(within(sent!).getByTestId('mail-status').textContent).toBe('Verstuurd');
    expect(sent!.textContent).toContain('Aan sanne@example.test · ma 23 nov 15:00');
    expect(within(sent!).getByTestId('mail-text').textContent).toContain('is geannuleerd: de afdeling is dicht');
    expect(within(broken!).getByTestId('mail-error').textContent).toBe('Poging 5: connect ECONNREFUSED');

    fireEvent.change(screen.getByTestId('mailbox-status'), { target: { value: 'failed' } });
    await waitFor(() => expect(screen.getAllByTestId('mail')).toHaveLength(1));
    expect(api.to('GET /api/dev/mailbox').at(-1)!.search.get('status')).toBe('failed');
  });

  it('bundles the waiting digest now and reads the mailbox again', async () => {
    const api = fakeApi({ 'GET /api/dev/mailbox': ok([]), 'POST /api/dev/digest': ok({ mails: 3 }) });
    render(
      <I18nProvider locale="en" setLocale={() => undefined}>
        <MailboxPage />
      </I18nProvider>,
    );
    await screen.findByTestId('mailbox-empty');
    fireEvent.click(screen.getByTestId('mailbox-digest'));
    expect((await screen.findByTestId('mailbox-digest-done')).textContent).toBe('3 digest mail(s) queued.');
    await waitFor(() => expect(api.to('GET /api/dev/mailbox')).toHaveLength(2));
  });
});
