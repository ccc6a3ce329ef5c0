// Pages of mediated matching, by path; null when the path is not one of them.
import type { ReactNode } from 'react';
import type { TMe } from '../../shared/auth.schemas';
import { useI18n } from '../i18n/i18n';
import { Link, matchPath } from '../router';
import './mediation.css';
import { mediatedRegionIds, plannedOrganisationIds, useMe } from '../session';
import { InboxPage } from './inbox';
import { RequestPage } from './request-view';
import { ShiftCandidatesPage, WorkspacePage } from './workspace';

/** Mediators and coordinators of a region (admins see every region's requests through the API, not a workspace). */
export const mayMediate = (me: Pick<TMe, 'roles'>) => mediatedRegionIds(me).length > 0;
export const hasInbox = (me: Pick<TMe, 'roles'>) => plannedOrganisationIds(me).length > 0;

export function mediationRoute(me: TMe, path: string): ReactNode {
  const request = matchPath('/requests/:id', path);
  if (request && (mayMediate(me) || hasInbox(me))) return <RequestPage key={request.id} requestId={request.id!} />;
  if (mayMediate(me)) {
    if (path === '/mediation') return <WorkspacePage me={me} />;
    const shift = matchPath('/mediation/shifts/:id', path);
    if (shift) return <ShiftCandidatesPage key={shift.id} shiftId={shift.id!} />;
  }
  if (hasInbox(me) && path === '/inbox') return <InboxPage me={me} />;
  return null;
}

/** Header links into mediation for the roles that have a page there. */
export function mediationNavLinks(me: TMe, t: (key: 'mediation.nav.workspace' | 'mediation.nav.inbox' | 'mediation.nav.journey') => string): { to: string; label: string; testId: string }[] {
  const links: { to: string; label: string; testId: string }[] = [];
  if (me.workerId) links.push({ to: '/my-journey', label: t('mediation.nav.journey'), testId: 'nav-my-journey' });
  if (mayMediate(me)) links.push({ to: '/mediation', label: t('mediation.nav.workspace'), testId: 'nav-mediation' });
  if (hasInbox(me)) links.push({ to: '/inbox', label: t('mediation.nav.inbox'), testId: 'nav-inbox' });
  return links;
}

/** The way into mediation from a coordinator's, mediator's or planner's home page. */
export function MediationLink() {
  const { t } = useI18n();
  const me = useMe();
  const link = mediationNavLinks(me, t).find((l) => l.to !== '/my-journey');
  if (!link) return null;
  return (
    <div className="planning-entry" data-testid="mediation-link">
      <Link to={link.to} className="button button-secondary">
        {link.label}
      </Link>
      <span className="muted">{t(link.to === '/inbox' ? 'mediation.link.inboxHint' : 'mediation.link.workspaceHint')}</span>
    </div>
  );
}
