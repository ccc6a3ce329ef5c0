// The development mailbox for administrators: every mail the outbox holds (sent, waiting or failed,
// with the last error), its text as the person reads it, and bundling the waiting digest now.
import { useState } from 'react';
import type { TMailboxEntry } from '../../shared/notifications.schemas';
import { ErrorMessage, Loading, SelectField } from '../components/ui';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { useLoad } from '../use-load';
import { DEFAULT_ZONE, formatMoment } from './shift-format';
import { listMailbox, sendDigestNow } from './requests';

const STATUSES = ['pending', 'sent', 'failed'] as const;
const statusKey = (status: TMailboxEntry['status']) => `mailbox.status.${status}` as MessageKey;

export function MailboxPage() {
  const { t } = useI18n();
  const [status, setStatus] = useState<TMailboxEntry['status'] | ''>('');
  const loaded = useLoad(() => listMailbox(status || undefined), [status]);
  const [digestMails, setDigestMails] = useState<number | null>(null);
  const [digestError, setDigestError] = useState<unknown>(null);
  const [isBusy, setIsBusy] = useState(false);
  const sendDigest = () => {
    setIsBusy(true);
    setDigestError(null);
    sendDigestNow()
      .then(({ mails }) => {
        setDigestMails(mails);
        loaded.reload();
      }, setDigestError)
      .finally(() => setIsBusy(false));
  };
  return (
    <section className="page" data-testid="mailbox-page">
      <h1>{t('mailbox.title')}</h1>
      <p className="lead">{t('mailbox.intro')}</p>
      <div className="toolbar">
        <SelectField label={t('mailbox.filter')} value={status} onChange={(e) => setStatus(e.target.value as TMailboxEntry['status'] | '')} testId="mailbox-status">
          <option value="">{t('mailbox.all')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(statusKey(s))}
            </option>
          ))}
        </SelectField>
        <button type="button" className="button button-secondary" disabled={isBusy} onClick={sendDigest} data-testid="mailbox-digest">
          {t('mailbox.digest')}
        </button>
      </div>
      {digestMails !== null && (
        <p className="alert alert-success" role="status" data-testid="mailbox-digest-done">
          {t('mailbox.digestDone', { count: digestMails })}
        </p>
      )}
      {digestError !== null && <ErrorMessage error={digestError} />}
      {loaded.error !== null && <ErrorMessage error={loaded.error} onRetry={loaded.reload} />}
      {loaded.isLoading && <Loading />}
      {loaded.data &&
        (loaded.data.length === 0 ? (
          <p className="muted" data-testid="mailbox-empty">
            {t('mailbox.empty')}
          </p>
        ) : (
          <ul className="location-list">
            {loaded.data.map((mail) => (
              <Mail key={mail.id} mail={mail} />
            ))}
          </ul>
        ))}
    </section>
  );
}

function Mail({ mail }: { mail: TMailboxEntry }) {
  const { t, locale } = useI18n();
  const tone = mail.status === 'sent' ? 'badge-verified' : mail.status === 'failed' ? 'badge-rejected' : 'badge-muted';
  return (
    <li className="location" data-testid="mail" data-status={mail.status}>
      <p className="shift-headline">
        <span className="location-name" data-testid="mail-subject">
          {mail.subject}
        </span>
        <span className={`badge ${tone}`} data-testid="mail-status">
          {t(statusKey(mail.status))}
        </span>
      </p>
      <p className="muted break">
        {t('mailbox.to', { email: mail.toEmail, when: formatMoment(mail.createdAt, DEFAULT_ZONE, locale) })}
        {mail.sentAt && ` · ${t('mailbox.sentAt', { when: formatMoment(mail.sentAt, DEFAULT_ZONE, locale) })}`}
      </p>
      {mail.lastError && (
        <p className="field-error" data-testid="mail-error">
          {t('mailbox.lastError', { attempts: mail.attempts, error: mail.lastError })}
        </p>
      )}
      <details>
        <summary>{t('mailbox.show')}</summary>
        <pre className="mail-text" data-testid="mail-text">
          {mail.text}
        </pre>
      </details>
    </li>
  );
}
