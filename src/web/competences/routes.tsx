// The competence catalogue's pages, by path (null when the path is not one of them), and the ways in.
import type { ReactNode } from 'react';
import type { TMe } from '../../shared/auth.schemas';
import { useI18n } from '../i18n/i18n';
import { Link, matchPath } from '../router';
import { canManageRegion, useMe } from '../session';
import { CataloguePage } from './catalogue-page';

/** Regions whose catalogue the user manages as coordinator (administrators reach any region's from its page). */
export const coordinatedRegionIds = (me: Pick<TMe, 'roles'>) => [...new Set(me.roles.filter((b) => b.role === 'coordinator' && b.regionId).map((b) => b.regionId!))];

export function competencesRoute(me: TMe, path: string): ReactNode {
  const regionIds = coordinatedRegionIds(me);
  if (path === '/competences' && regionIds.length > 0) return <CataloguePage regionIds={regionIds} />;
  const region = matchPath('/regions/:id/competences', path);
  if (region && canManageRegion(me, region.id!)) return <CataloguePage key={region.id} regionIds={[region.id!]} backTo={`/regions/${region.id}`} />;
  return null;
}

/** The way to a region's catalogue from its overview, for those who manage it. */
export function CatalogueLink({ regionId }: { regionId: string }) {
  const { t } = useI18n();
  const me = useMe();
  if (!canManageRegion(me, regionId)) return null;
  return (
    <div className="planning-entry" data-testid="competences-link">
      <Link to={`/regions/${regionId}/competences`} className="button button-secondary">
        {t('competences.catalogue.link')}
      </Link>
      <span className="muted">{t('competences.catalogue.linkHint')}</span>
    </div>
  );
}
