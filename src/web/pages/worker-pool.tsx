// The region's pool of workers with search by name and a filter by kind, 25 at a time.
import { useEffect, useState } from 'react';
import { ZWorkerKind, type TWorkerKind } from '../../shared/workers.schemas';
import { Card, ErrorMessage, Field, Loading, SelectField } from '../components/ui';
import { formatNumber } from '../format';
import { useI18n } from '../i18n/i18n';
import { listWorkers } from '../requests';
import { Link } from '../router';
import { useLoad } from '../use-load';

const PAGE_SIZE = 25;

/** `value`, but only after it stopped changing for `ms`: one request per typed word, not per key. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function WorkerPool({ regionId }: { regionId: string }) {
  const { t, locale } = useI18n();
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<TWorkerKind | ''>('');
  const [offset, setOffset] = useState(0);
  const q = useDebounced(search.trim(), 250);
  const loaded = useLoad(
    () => listWorkers({ regionId, q: q || undefined, kind: kind || undefined, limit: PAGE_SIZE, offset }),
    [regionId, q, kind, offset],
  );
  useEffect(() => setOffset(0), [q, kind]);
  const page = loaded.data;

  return (
    <Card title={t('pool.title')} testId="worker-pool">
      <form className="toolbar" role="search" onSubmit={(event) => event.preventDefault()}>
        <Field label={t('pool.search')} type="search" value={search} onChange={(event) => setSearch(event.target.value)} testId="pool-search" autoComplete="off" />
        <SelectField label={t('pool.kind')} value={kind} onChange={(event) => setKind(event.target.value as TWorkerKind | '')} testId="pool-kind">
          <option value="">{t('pool.allKinds')}</option>
          {ZWorkerKind.options.map((option) => (
            <option key={option} value={option}>
              {t(`kind.${option}`)}
            </option>
          ))}
        </SelectField>
      </form>
      {loaded.error !== null && <ErrorMessage error={loaded.error} onRetry={loaded.reload} />}
      {loaded.isLoading && !page && <Loading />}
      {page && (
        <>
          <p className="muted" aria-live="polite" data-testid="pool-count">
            {t('pool.count', { shown: formatNumber(page.items.length, locale), total: formatNumber(page.total, locale) })}
          </p>
          {page.items.length === 0 ? (
            <p className="muted">{t('pool.empty')}</p>
          ) : (
            <div className="table-wrap">
              <table className="table" aria-busy={loaded.isLoading}>
                <thead>
                  <tr>
                    <th scope="col">{t('pool.name')}</th>
                    <th scope="col" className="wide-only">
                      {t('pool.kind')}
                    </th>
                    <th scope="col" className="num">
                      {t('pool.qualification')}
                    </th>
                    <th scope="col" className="num">
                      {t('pool.packages')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((worker) => {
                    const name = `${worker.firstName} ${worker.lastName}`;
                    return (
                      <tr key={worker.id} data-testid="pool-row">
                        <th scope="row">
                          <Link to={`/workers/${worker.id}`} aria-label={t('pool.viewProfile', { name })}>
                            {name}
                          </Link>
                          {worker.isNewcomer && <span className="badge badge-muted">{t('pool.newcomer')}</span>}
                          <span className="cell-sub">{t(`kind.${worker.kind}`)}</span>
                        </th>
                        <td className="wide-only">{t(`kind.${worker.kind}`)}</td>
                        <td className="num">{worker.qualificationLevel}</td>
                        <td className="num">{worker.packageIds.length}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          {page.total > PAGE_SIZE && (
            <div className="pager">
              <button type="button" className="button button-secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
                {t('pool.previous')}
              </button>
              <span className="muted">
                {formatNumber(offset + 1, locale)}–{formatNumber(Math.min(offset + PAGE_SIZE, page.total), locale)}
              </span>
              <button type="button" className="button button-secondary" disabled={offset + PAGE_SIZE >= page.total} onClick={() => setOffset(offset + PAGE_SIZE)}>
                {t('pool.next')}
              </button>
            </div>
          )}
        </>
      )}
    </Card>
  );
}
