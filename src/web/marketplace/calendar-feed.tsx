// The personal calendar feed. Only the secret's hash is stored, so the link is shown once, right
// after it is made; later the card says since when a link works, when a calendar app last fetched it
// (so the worker sees the subscription works) and offers a new one or revoking.
import { useState } from 'react';
import type { TCalendarFeed } from '../../shared/notifications.schemas';
import { Card, ErrorMessage, Field, Loading } from '../components/ui';
import { intlLocale, useI18n } from '../i18n/i18n';
import { useLoad } from '../use-load';
import { createCalendarFeed, getCalendarFeedStatus, revokeCalendarFeed } from './requests';

export function CalendarFeedCard() {
  const { t, locale } = useI18n();
  const status = useLoad(getCalendarFeedStatus, []);
  const [created, setCreated] = useState<TCalendarFeed | null>(null);
  const [isRevoked, setIsRevoked] = useState(false);
  const [isCopied, setIsCopied] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const act = async (action: () => Promise<void>) => {
    setError(null);
    setIsCopied(false);
    setIsBusy(true);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setIsBusy(false);
    }
  };
  const create = () =>
    act(async () => {
      const feed = await createCalendarFeed();
      setCreated(feed);
      setIsRevoked(false);
      status.setData({ isActive: true, createdAt: feed.createdAt, lastFetchedAt: null });
    });
  const revoke = () =>
    act(async () => {
      await revokeCalendarFeed();
      setCreated(null);
      setIsRevoked(true);
      status.setData({ isActive: false, createdAt: null, lastFetchedAt: null });
    });
  const copy = (url: string) => {
    navigator.clipboard?.writeText(url).then(
      () => setIsCopied(true),
      () => undefined,
    );
  };
  const since = (iso: string) => new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
  const isActive = status.data?.isActive ?? false;
  return (
    <Card title={t('marketplace.calendar')} testId="calendar-feed">
      <p>{t('marketplace.calendarIntro')}</p>
      {status.error !== null && <ErrorMessage error={status.error} onRetry={status.reload} />}
      {!status.data && status.error === null && <Loading />}
      {error !== null && <ErrorMessage error={error} />}
      {isRevoked && (
        <p className="alert alert-success" role="status" data-testid="calendar-revoked">
          {t('marketplace.calendarRevoked')}
        </p>
      )}
      {created ? (
        <>
          <Field label={t('marketplace.calendarUrl')} hint={t('marketplace.calendarSecret')} value={created.url} readOnly testId="calendar-url" onFocus={(e) => e.target.select()} />
          <p className="muted">{t('marketplace.calendarOnce')}</p>
          <div className="form-actions">
            <button type="button" className="button button-primary" data-testid="calendar-copy" onClick={() => copy(created.url)}>
              {isCopied ? t('marketplace.copied') : t('marketplace.copy')}
            </button>
          </div>
        </>
      ) : (
        isActive &&
        status.data?.createdAt && (
          <p data-testid="calendar-status">{t('marketplace.calendarActiveSince', { date: since(status.data.createdAt) })}</p>
        )
      )}
      {isActive && (
        <p className={status.data?.lastFetchedAt ? 'muted' : 'alert alert-info'} data-testid="calendar-fetched">
          {status.data?.lastFetchedAt ? t('marketplace.calendarFetchedAt', { date: since(status.data.lastFetchedAt) }) : t('marketplace.calendarNotFetched')}
        </p>
      )}
      {status.data && (
        <div className="form-actions card-action">
          <button type="button" className={`button ${isActive ? 'button-secondary' : 'button-primary'}`} disabled={isBusy} data-testid="calendar-create" onClick={() => void create()}>
            {isActive ? t('marketplace.calendarRenew') : t('marketplace.calendarCreate')}
          </button>
          {isActive && (
            <button type="button" className="button button-ghost" disabled={isBusy} data-testid="calendar-revoke" onClick={() => void revoke()}>
              {t('marketplace.calendarRevoke')}
            </button>
          )}
        </div>
      )}
    </Card>
  );
}
