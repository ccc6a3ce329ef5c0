// The mediator's list of people in an intake journey, per stage, with who owns each.
import { useState } from 'react';
import { ZJourneyStage, type TJourneyStage } from '../../shared/journey.schemas';
import { Card, ErrorMessage, Loading, SelectField } from '../components/ui';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { DEFAULT_ZONE, formatMoment } from '../marketplace/shift-format';
import { Link } from '../router';
import { mediatedRegionIds, useMe } from '../session';
import { useLoad } from '../use-load';
import { listJourneys } from './requests';
import { stageName } from './steps';

export function PeoplePage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const [stage, setStage] = useState<TJourneyStage | ''>('');
  const [isMine, setIsMine] = useState(false);
  const regionId = mediatedRegionIds(me)[0];
  const loaded = useLoad(() => listJourneys({ regionId, stage: stage || undefined, ownerUserId: isMine ? me.id : undefined }), [regionId, stage, isMine]);
  return (
    <section className="page mediation-page" data-testid="people-page">
      <p>
        <Link to="/mediation">← {t('mediation.workspace.title')}</Link>
      </p>
      <h1>{t('journey.people.title')}</h1>
      <div className="toolbar">
        <SelectField label={t('journey.people.stage')} value={stage} onChange={(e) => setStage(e.target.value as TJourneyStage | '')} testId="people-stage">
          <option value="">{t('journey.people.allStages')}</option>
          {ZJourneyStage.options.map((s) => (
            <option key={s} value={s}>
              {t(stageName(s))}
            </option>
          ))}
        </SelectField>
        <label className="check">
          <input type="checkbox" checked={isMine} onChange={(e) => setIsMine(e.target.checked)} data-testid="people-mine" />
          {t('journey.people.mine')}
        </label>
      </div>
      {loaded.error !== null && <ErrorMessage error={loaded.error} onRetry={loaded.reload} />}
      {loaded.isLoading && !loaded.data && <Loading />}
      {loaded.data && (
        <Card title={t('journey.people.count', { count: loaded.data.length })}>
          {loaded.data.length === 0 ? (
            <p className="muted">{t('journey.people.none')}</p>
          ) : (
            <ul className="request-list">
              {loaded.data.map((j) => (
                <li key={j.id} className="request-item" data-testid="person" data-journey-id={j.id}>
                  <Link to={`/mediation/people/${j.id}`} className="request-title">
                    {j.name}
                  </Link>
                  <span className="muted">
                    {t(`journey.entry.${j.entryKind}` as MessageKey)} · {j.ownerName ?? t('journey.noOwner')} · {t('journey.people.since', { when: formatMoment(j.registeredAt, DEFAULT_ZONE, locale) })}
                  </span>
                  <span className="badge badge-muted">{t(stageName(j.stage))}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}
    </section>
  );
}
