// Service-level queues: what waits, how long, and what is past its deadline, oldest first.
import type { TMediationQueues } from '../../shared/mediation.schemas';
import { Card, ErrorMessage, Loading, Stat } from '../components/ui';
import type { TLocale } from '../../shared/common.schemas';
import { formatDate, formatNumber } from '../format';
import { useI18n, type MessageKey, type Translate } from '../i18n/i18n';
import { Link } from '../router';
import { useLoad } from '../use-load';
import { formatAge } from './explain';
import { getMediationQueues } from './requests';

export type QueueItem = { key: string; title: string; detail?: string; ageHours: number; isOverdue: boolean; to: string };

/** One queue: its deadline in the title, overdue items marked and counted. */
export function QueueSection({ title, deadline, items, testId }: { title: string; deadline: string; items: QueueItem[]; testId: string }) {
  const { t, locale } = useI18n();
  const overdue = items.filter((i) => i.isOverdue).length;
  const sorted = [...items].sort((a, b) => b.ageHours - a.ageHours);
  return (
    <Card title={title} testId={testId} headingLevel={3} className="queue">
      <p className="muted">
        {deadline}
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

export function queueItems(queues: TMediationQueues, t: Translate, locale: TLocale): Record<'welcomeCall' | 'firstOffer' | 'answer' | 'checkIn', QueueItem[]> {
  return {
    welcomeCall: queues.awaitingWelcomeCall.map((j) => ({
      key: j.journeyId,
      title: j.name,
      detail: `${t(`journey.entry.${j.entryKind}` as MessageKey)} · ${j.ownerName ?? t('journey.noOwner')}`,
      ageHours: j.ageHours,
      isOverdue: j.isOverdue,
      to: `/mediation/people/${j.journeyId}`,
    })),
    checkIn: queues.checkInsDue.map((j) => ({
      key: `${j.journeyId}-${j.step}`,
      title: j.name,
      detail: `${t(`journey.step.${j.step}`)} · ${t('journey.dueOn', { date: formatDate(j.dueOn, locale) })} · ${j.ownerName ?? t('journey.noOwner')}`,
      ageHours: j.daysPastDue * 24,
      isOverdue: j.isOverdue,
      to: `/mediation/people/${j.journeyId}`,
    })),
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
  const items = queueItems(queues, t, locale);
  return (
    <>
      <dl className="stats stats-wide">
        <Stat label={t('mediation.queue.welcomeCall')} value={formatNumber(items.welcomeCall.length, locale)} testId="stat-welcome-call" />
        <Stat label={t('mediation.queue.firstOffer')} value={formatNumber(items.firstOffer.length, locale)} testId="stat-first-offer" />
        <Stat label={t('mediation.queue.answer')} value={formatNumber(items.answer.length, locale)} testId="stat-answer" />
        <Stat label={t('mediation.queue.checkIn')} value={formatNumber(items.checkIn.length, locale)} testId="stat-check-in" />
        <Stat label={t('mediation.queue.overdueTotal')} value={formatNumber(queues.overdueCount, locale)} tone={queues.overdueCount > 0 ? 'warning' : 'normal'} testId="stat-overdue" />
      </dl>
      <div className="grid grid-2">
        <QueueSection title={t('mediation.queue.welcomeCall')} deadline={t('mediation.queue.within', { hours: queues.welcomeCallWithinHours })} items={items.welcomeCall} testId="queue-welcome-call" />
        <QueueSection title={t('mediation.queue.firstOffer')} deadline={t('mediation.queue.within', { hours: queues.firstOfferWithinHours })} items={items.firstOffer} testId="queue-first-offer" />
        <QueueSection title={t('mediation.queue.answer')} deadline={t('mediation.queue.within', { hours: queues.answerWithinHours })} items={items.answer} testId="queue-answer" />
        <QueueSection title={t('mediation.queue.checkIn')} deadline={t('mediation.queue.grace', { days: queues.checkInGraceDays })} items={items.checkIn} testId="queue-check-in" />
      </div>
    </>
  );
}
