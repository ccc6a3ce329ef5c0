// Service-level queues: what waits, how long, and what is past its deadline, oldest first.
import type { TMediationQueues } from '../../shared/mediation.schemas';
import { Card, ErrorMessage, Loading, Stat } from '../components/ui';
import { formatNumber } from '../format';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { useLoad } from '../use-load';
import { formatAge } from './explain';
import { getMediationQueues } from './requests';

export type QueueItem = { key: string; title: string; detail?: string; ageHours: number; isOverdue: boolean; to: string };

/** One queue: its deadline in the title, overdue items marked and counted. */
export function QueueSection({ title, withinHours, items, testId }: { title: string; withinHours: number; items: QueueItem[]; testId: string }) {
  const { t, locale } = useI18n();
  const overdue = items.filter((i) => i.isOverdue).length;
  const sorted = [...items].sort((a, b) => b.ageHours - a.ageHours);
  return (
    <Card title={title} testId={testId} headingLevel={3} className="queue">
      <p className="muted">
        {t('mediation.queue.within', { hours: withinHours })}
        {overdue > 0 && (
          <>
            {' · '}
            <strong className="text-warning" data-testid={`${testId}-overdue`}>
              {t('mediation.queue.overdueCount', { count: formatNumber(overdue, locale) })}
            </strong>
          </>
        )}
      </p>
      {sorted.length === 0 ? (
        <p className="muted" data-testid={`${testId}-empty`}>
          {t('mediation.queue.empty')}
        </p>
      ) : (
        <ul className="queue-list">
          {sorted.map((item) => (
            <li key={item.key} className={`queue-item ${item.isOverdue ? 'queue-item-overdue' : ''}`} data-testid="queue-item" data-overdue={item.isOverdue}>
              <Link to={item.to} className="queue-title">
                {item.title}
              </Link>
              {item.detail && <span className="muted">{item.detail}</span>}
              <span className={`badge ${item.isOverdue ? 'badge-rejected' : 'badge-muted'}`} data-testid="queue-age">
                {item.isOverdue ? t('mediation.queue.overdue', { age: formatAge(item.ageHours, t) }) : t('mediation.queue.waiting', { age: formatAge(item.ageHours, t) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export function requestQueueItems(queues: TMediationQueues, t: ReturnType<typeof useI18n>['t']): { firstOffer: QueueItem[]; answer: QueueItem[] } {
  return {
    firstOffer: queues.awaitingFirstOffer.map((r) => ({
      key: r.requestId,
      title: r.organisationName,
      detail: t('mediation.queue.request'),
      ageHours: r.ageHours,
      isOverdue: r.isOverdue,
      to: `/requests/${r.requestId}`,
    })),
    answer: queues.awaitingAnswer.map((o) => ({
      key: o.offerId,
      title: o.workerName,
      detail: o.organisationName,
      ageHours: o.ageHours,
      isOverdue: o.isOverdue,
      to: `/requests/${o.requestId}`,
    })),
  };
}

/** The region's request and offer queues with their overdue count on top. */
export function MediationQueues({ regionId }: { regionId: string }) {
  const { t, locale } = useI18n();
  const loaded = useLoad(() => getMediationQueues(regionId), [regionId]);
  if (loaded.error) return <ErrorMessage error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loading />;
  const queues = loaded.data;
  const items = requestQueueItems(queues, t);
  return (
    <>
      <dl className="stats">
        <Stat label={t('mediation.queue.firstOffer')} value={formatNumber(items.firstOffer.length, locale)} testId="stat-first-offer" />
        <Stat label={t('mediation.queue.answer')} value={formatNumber(items.answer.length, locale)} testId="stat-answer" />
        <Stat label={t('mediation.queue.overdueTotal')} value={formatNumber(queues.overdueCount, locale)} tone={queues.overdueCount > 0 ? 'warning' : 'normal'} testId="stat-overdue" />
      </dl>
      <div className="grid grid-2">
        <QueueSection title={t('mediation.queue.firstOffer')} withinHours={queues.firstOfferWithinHours} items={items.firstOffer} testId="queue-first-offer" />
        <QueueSection title={t('mediation.queue.answer')} withinHours={queues.answerWithinHours} items={items.answer} testId="queue-answer" />
      </div>
    </>
  );
}
