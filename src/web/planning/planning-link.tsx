// The way into auto-planning from a planner's or coordinator's home page.
import type { TMe } from '../../shared/auth.schemas';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { useMe } from '../session';

/** Coordinators, planners and admins run auto-planning (mediators and workers do not). */
export const mayPlan = (me: Pick<TMe, 'roles'>) => me.roles.some((b) => b.role === 'admin' || b.role === 'coordinator' || b.role === 'planner');

export function PlanningLink() {
  const { t } = useI18n();
  const me = useMe();
  if (!mayPlan(me)) return null;
  return (
    <div className="planning-entry" data-testid="planning-link">
      <Link to="/planning" className="button button-primary">
        {t('planning.link')}
      </Link>
      <span className="muted">{t('planning.linkHint')}</span>
    </div>
  );
}
