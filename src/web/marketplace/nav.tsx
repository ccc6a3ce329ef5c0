// Header links into the marketplace for workers and planners, with the unread notifications badge.
import type { TMe } from '../../shared/auth.schemas';
import { useI18n } from '../i18n/i18n';
import { coordinatedRegionIds } from '../competences/routes';
import { mediationNavLinks } from '../mediation/routes';
import { Link, usePath } from '../router';
import { useUnreadCount } from './notifications';
import './marketplace.css';

export function MarketplaceNav({ me }: { me: TMe }) {
  const { t } = useI18n();
  const path = usePath();
  const unread = useUnreadCount(path);
  const isPlanner = me.roles.some((b) => b.role === 'planner');
  const links: { to: string; label: string; testId: string }[] = [];
  if (me.workerId) {
    links.push({ to: '/shifts', label: t('marketplace.openShifts'), testId: 'nav-open-shifts' });
    links.push({ to: '/my-shifts', label: t('marketplace.myShifts'), testId: 'nav-my-shifts' });
  }
  if (isPlanner) links.push({ to: '/planner/shifts', label: t('marketplace.shifts'), testId: 'nav-planner-shifts' });
  links.push(...mediationNavLinks(me, t));
  if (isPlanner) links.push({ to: '/newcomers', label: t('journey.newcomers.title'), testId: 'nav-newcomers' });
  if (coordinatedRegionIds(me).length > 0) links.push({ to: '/competences', label: t('competences.catalogue.nav'), testId: 'nav-competences' });
  return (
    <nav className="market-nav" aria-label={t('marketplace.shifts')}>
      {links.map((link) => (
        <Link key={link.to} to={link.to} className="market-nav-link" aria-current={path === link.to ? 'page' : undefined} data-testid={link.testId}>
          {link.label}
        </Link>
      ))}
      <Link to="/notifications" className="market-nav-link" aria-current={path === '/notifications' ? 'page' : undefined} data-testid="nav-notifications">
        {t('marketplace.notifications')}
        {unread > 0 && (
          <span className="unread-badge" data-testid="unread-badge" aria-label={t('marketplace.notificationsUnread', { count: unread })}>
            {unread}
          </span>
        )}
      </Link>
    </nav>
  );
}
