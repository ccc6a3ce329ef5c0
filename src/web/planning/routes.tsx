// Pages of auto-planning, by path; null when the path is not one of them.
import type { ReactNode } from 'react';
import type { TMe } from '../../shared/auth.schemas';
import { matchPath } from '../router';
import { PlanningPage } from './planning-page';
import { RunPage } from './run-page';
import { mayPlan } from './planning-link';

export function planningRoute(me: TMe, path: string): ReactNode {
  if (!mayPlan(me)) return null;
  if (path === '/planning') return <PlanningPage me={me} />;
  const run = matchPath('/planning/runs/:id', path);
  if (run) return <RunPage key={run.id} runId={run.id!} />;
  return null;
}
