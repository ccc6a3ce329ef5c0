// Pages of the shift marketplace, by path; null when the path is not one of them.
import type { ReactNode } from 'react';
import type { TMe } from '../../shared/auth.schemas';
import { matchPath } from '../router';
import { MailboxPage } from './mailbox';
import { MyShiftsPage } from './my-shifts';
import { NotificationsPage } from './notifications';
import { OpenShiftsPage } from './open-shifts';
import { PlannerShiftPage } from './planner-shift-detail';
import { PlannerShiftsPage } from './planner-shifts';

const isPlanner = (me: TMe) => me.roles.some((b) => b.role === 'planner');

export function marketplaceRoute(me: TMe, path: string): ReactNode {
  if (path === '/notifications') return <NotificationsPage />;
  if (path === '/mailbox' && me.roles.some((b) => b.role === 'admin')) return <MailboxPage />;
  if (me.workerId) {
    if (path === '/shifts') return <OpenShiftsPage />;
    if (path === '/my-shifts') return <MyShiftsPage />;
  }
  if (isPlanner(me)) {
    if (path === '/planner/shifts') return <PlannerShiftsPage me={me} />;
    const detail = matchPath('/planner/shifts/:id', path);
    if (detail) return <PlannerShiftPage shiftId={detail.id!} />;
  }
  return null;
}
