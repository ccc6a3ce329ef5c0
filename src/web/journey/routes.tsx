// Pages of the intake journey, by path; null when the path is not one of them.
import type { ReactNode } from 'react';
import type { TMe } from '../../shared/auth.schemas';
import { hasInbox, mayMediate } from '../mediation/routes';
import { matchPath } from '../router';
import { FunnelPage } from './funnel';
import { JourneyPage } from './journey-page';
import { MyJourneyPage } from './my-journey';
import { NewcomerPage, NewcomersPage } from './newcomers';
import { PeoplePage } from './people';

export function journeyRoute(me: TMe, path: string): ReactNode {
  if (me.workerId && path === '/my-journey') return <MyJourneyPage />;
  if (mayMediate(me)) {
    if (path === '/mediation/people') return <PeoplePage />;
    if (path === '/mediation/funnel') return <FunnelPage />;
    const person = matchPath('/mediation/people/:id', path);
    if (person) return <JourneyPage key={person.id} journeyId={person.id!} />;
  }
  if (hasInbox(me)) {
    if (path === '/newcomers') return <NewcomersPage />;
    const newcomer = matchPath('/newcomers/:id', path);
    if (newcomer) return <NewcomerPage key={newcomer.id} journeyId={newcomer.id!} />;
  }
  return null;
}
