// Administrators: every region with its counts, and every account with its roles; the way to the mail outbox.
import { useState } from 'react';
import type { TRoleBinding, TUser } from '../../shared/auth.schemas';
import type { TRegionSummary } from '../../shared/regions.schemas';
import { Card, ErrorMessage, Field, Loading } from '../components/ui';
import { formatNumber } from '../format';
import { useI18n } from '../i18n/i18n';
import { getRegion, listRegions, listUsers } from '../requests';
import { Link } from '../router';
import { useLoad } from '../use-load';

const FIRST_USERS = 50;

async function loadRegionSummaries(): Promise<TRegionSummary[]> {
  const regions = await listRegions();
  return Promise.all(regions.map((region) => getRegion(region.id)));
}

export function AdminHome() {
  const { t } = useI18n();
  return (
    <section className="page" data-testid="admin-home">
      <h1>{t('admin.title')}</h1>
      <div className="planning-entry" data-testid="mailbox-link">
        <Link to="/mailbox" className="button button-secondary">
          {t('mailbox.title')}
        </Link>
        <span className="muted">{t('mailbox.linkHint')}</span>
      </div>
      <RegionTable />
      <UserTable />
    </section>
  );
}

function RegionTable() {
  const { t, locale } = useI18n();
  const loaded = useLoad(loadRegionSummaries, []);
  const n = (value: number) => formatNumber(value, locale);
  return (
    <Card title={t('admin.regions')} testId="admin-regions">
      {loaded.error !== null && <ErrorMessage error={loaded.error} onRetry={loaded.reload} />}
      {loaded.isLoading && <Loading />}
      {loaded.data && (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('admin.region')}</th>
                <th scope="col" className="wide-only">
                  {t('admin.country')}
                </th>
                <th scope="col" className="num">{t('region.organisations')}</th>
                <th scope="col" className="num">{t('region.locations')}</th>
                <th scope="col" className="num">{t('admin.workers')}</th>
                <th scope="col" className="num">{t('region.openShifts')}</th>
                <th scope="col" className="num">{t('admin.expiring')}</th>
              </tr>
            </thead>
            <tbody>
              {loaded.data.map((region) => (
                <tr key={region.id} data-testid="admin-region-row">
                  <th scope="row">
                    <Link to={`/regions/${region.id}`}>{region.name}</Link>
                    <span className="cell-sub">{t(`region.country.${region.country}`)}</span>
                  </th>
                  <td className="wide-only">{t(`region.country.${region.country}`)}</td>
                  <td className="num">{n(region.organisationCount)}</td>
                  <td className="num">{n(region.locationCount)}</td>
                  <td className="num">{n(region.workerCount)}</td>
                  <td className="num">{n(region.openShiftCount)}</td>
                  <td className={`num ${region.expiringRegistrations > 0 ? 'text-warning' : ''}`}>{n(region.expiringRegistrations)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

function UserTable() {
  const { t, locale } = useI18n();
  const loaded = useLoad(listUsers, []);
  const [filter, setFilter] = useState('');
  const [isShowingAll, setIsShowingAll] = useState(false);
  const needle = filter.trim().toLowerCase();
  const matching = (loaded.data ?? []).filter((user) => !needle || user.name.toLowerCase().includes(needle) || user.email.toLowerCase().includes(needle));
  const shown = isShowingAll ? matching : matching.slice(0, FIRST_USERS);
  const roleText = (roles: TRoleBinding[]) =>
    roles.length === 0 ? t('admin.noRoles') : [...new Set(roles.map((binding) => t(`role.${binding.role}`)))].join(', ');
  return (
    <Card title={t('admin.users')} testId="admin-users">
      {loaded.error !== null && <ErrorMessage error={loaded.error} onRetry={loaded.reload} />}
      {loaded.isLoading && <Loading />}
      {loaded.data && (
        <>
          <div className="toolbar">
            <Field label={t('admin.search')} type="search" value={filter} onChange={(event) => setFilter(event.target.value)} testId="user-search" autoComplete="off" />
          </div>
          <p className="muted" aria-live="polite">
            {t('admin.userCount', { count: formatNumber(matching.length, locale) })}
          </p>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('admin.name')}</th>
                  <th scope="col" className="wide-only">
                    {t('admin.email')}
                  </th>
                  <th scope="col">{t('admin.roles')}</th>
                  <th scope="col" className="wide-only">
                    {t('admin.language')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.map((user: TUser) => (
                  <tr key={user.id} data-testid="admin-user-row">
                    <th scope="row">
                      {user.name}
                      <span className="cell-sub break">{user.email}</span>
                    </th>
                    <td className="wide-only break">{user.email}</td>
                    <td>{roleText(user.roles)}</td>
                    <td className="wide-only">{user.locale.toUpperCase()}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {matching.length > FIRST_USERS && (
            <button type="button" className="button button-secondary" onClick={() => setIsShowingAll((value) => !value)} aria-expanded={isShowingAll}>
              {isShowingAll ? t('region.showLess') : t('region.showAll', { count: matching.length })}
            </button>
          )}
        </>
      )}
    </Card>
  );
}
