// Newcomers count against a shift's supervision places until the organisation marks them
// independent for a package. The planner does that here for the request's packages.
import { useState } from 'react';
import type { TActivityPackage } from '../../shared/packages.schemas';
import { ErrorMessage } from '../components/ui';
import { packageName } from '../format';
import { useI18n } from '../i18n/i18n';
import { useLoad } from '../use-load';
import { listIndependence, markIndependent } from '../journey/requests';

export function Independence({ workerId, packages }: { workerId: string; packages: TActivityPackage[] }) {
  const { t, locale } = useI18n();
  const loaded = useLoad(() => listIndependence(workerId), [workerId]);
  const [error, setError] = useState<unknown>(null);
  if (loaded.error) return null;
  const independent = new Set((loaded.data ?? []).map((i) => i.packageId));
  return (
    <div className="independence" data-testid="independence">
      <p className="muted">{t('mediation.independence.hint')}</p>
      <ul className="list">
        {packages.map((p) => (
          <li key={p.id} data-package={p.code}>
            {packageName(p, locale)}:{' '}
            {independent.has(p.id) ? (
              <strong data-testid="independent">{t('mediation.independence.yes')}</strong>
            ) : (
              <button
                type="button"
                className="button button-ghost"
                data-testid="mark-independent"
                onClick={() => {
                  setError(null);
                  markIndependent(workerId, p.id).then(loaded.reload, setError);
                }}
              >
                {t('mediation.independence.mark')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {error !== null && <ErrorMessage error={error} />}
    </div>
  );
}
