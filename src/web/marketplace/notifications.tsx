// In-app notifications (list, mark read) and the channel per notification type.
import { useEffect, useState } from 'react';
import { notificationTypes, type TNotificationChannel, type TNotificationPreference } from '../../shared/notifications.schemas';
import { Card, ErrorMessage, Loading, SelectField } from '../components/ui';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { useLoad } from '../use-load';
import { getNotificationPreferences, listNotifications, markAllNotificationsRead, markNotificationRead, updateNotificationPreferences } from './requests';

const CHANNELS: TNotificationChannel[] = ['email', 'in_app', 'digest', 'off'];

export function NotificationsPage() {
  const { t, locale } = useI18n();
  const loaded = useLoad(listNotifications, []);
  const [error, setError] = useState<unknown>(null);
  const act = (action: () => Promise<unknown>) => {
    setError(null);
    action().then(() => {
      loaded.reload();
      window.dispatchEvent(new Event('harmonica:notifications'));
    }, setError);
  };
  const when = (iso: string) => new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  return (
    <section className="page market-page" data-testid="notifications-page">
      <h1>{t('marketplace.notifications')}</h1>
      {error !== null && <ErrorMessage error={error} />}
      {loaded.error !== null && <ErrorMessage error={loaded.error} onRetry={loaded.reload} />}
      {!loaded.data && loaded.error === null && <Loading />}
      {loaded.data && (
        <Card title={t('marketplace.notificationsUnread', { count: loaded.data.unreadCount })} testId="notification-list">
          {loaded.data.items.length === 0 ? (
            <p className="muted">{t('marketplace.noNotifications')}</p>
          ) : (
            <>
              {loaded.data.unreadCount > 0 && (
                <button type="button" className="button button-secondary" data-testid="mark-all-read" onClick={() => act(markAllNotificationsRead)}>
                  {t('marketplace.markAllRead')}
                </button>
              )}
              <ul className="notification-list">
                {loaded.data.items.map((n) => (
                  <li key={n.id} className={`notification ${n.readAt ? '' : 'notification-unread'}`} data-testid="notification">
                    <p className="notification-title">{n.title}</p>
                    <p className="notification-body">{n.body}</p>
                    <p className="notification-meta">
                      <span className="muted">{when(n.createdAt)}</span>
                      {!n.readAt && (
                        <button type="button" className="button button-ghost" data-testid="mark-read" onClick={() => act(() => markNotificationRead(n.id))}>
                          {t('marketplace.markRead')}
                        </button>
                      )}
                    </p>
                  </li>
                ))}
              </ul>
            </>
          )}
        </Card>
      )}
      <PreferencesCard />
    </section>
  );
}

function PreferencesCard() {
  const { t } = useI18n();
  const loaded = useLoad(getNotificationPreferences, []);
  const [draft, setDraft] = useState<Record<string, TNotificationChannel>>({});
  const [isSaved, setIsSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (loaded.error) return <ErrorMessage error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loading />;
  const current = Object.fromEntries(loaded.data.preferences.map((p) => [p.type, p.channel]));
  const save = () => {
    setError(null);
    const preferences: TNotificationPreference[] = notificationTypes.map((type) => ({ type, channel: draft[type] ?? current[type] ?? 'in_app' }));
    updateNotificationPreferences(preferences).then((updated) => {
      loaded.setData(updated);
      setDraft({});
      setIsSaved(true);
    }, setError);
  };
  return (
    <Card title={t('marketplace.preferences')} testId="notification-preferences">
      <div className="preference-list">
        {notificationTypes.map((type) => (
          <SelectField
            key={type}
            className="preference"
            label={t(`marketplace.type.${type}` as MessageKey)}
            value={draft[type] ?? current[type] ?? 'in_app'}
            testId={`pref-${type}`}
            onChange={(e) => {
              setDraft({ ...draft, [type]: e.target.value as TNotificationChannel });
              setIsSaved(false);
            }}
          >
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`marketplace.channel.${c}`)}
              </option>
            ))}
          </SelectField>
        ))}
      </div>
      {error !== null && <ErrorMessage error={error} />}
      {isSaved && (
        <p className="alert alert-success" role="status" data-testid="preferences-saved">
          {t('marketplace.preferencesSaved')}
        </p>
      )}
      <button type="button" className="button button-primary card-action" data-testid="preferences-save" onClick={save}>
        {t('marketplace.save')}
      </button>
    </Card>
  );
}

/** The unread count for the header badge; refreshed on navigation and after marking read. */
export function useUnreadCount(path: string): number {
  const [generation, setGeneration] = useState(0);
  const loaded = useLoad(() => listNotifications().then((list) => list.unreadCount), [path, generation]);
  useEffect(() => {
    const onChange = () => setGeneration((g) => g + 1);
    window.addEventListener('harmonica:notifications', onChange);
    return () => window.removeEventListener('harmonica:notifications', onChange);
  }, []);
  return loaded.data ?? 0;
}
