// The marketplace endpoints the web app uses, typed by the shared zod schemas.
import type { TAssignment, TMyShift, TOpenShiftForMe, TRuleViolation, TSwap } from '../../shared/assignments.schemas';
import type { TCalendarFeed, TCalendarFeedStatus, TMailboxEntry, TNotificationList, TNotificationPreference, TNotificationPreferences } from '../../shared/notifications.schemas';
import type { TShiftImportReport } from '../../shared/shift-import.schemas';
import type { TSwapAwaitingApproval } from '../../shared/swap-approvals.schemas';
import type { TCreateShiftRequest, TCreateShiftSeriesRequest, TOrganisationSettings, TShift, TShiftDetail } from '../../shared/shifts.schemas';
import { api, query } from '../api';

const id = (value: string) => encodeURIComponent(value);

export type OpenShiftsQuery = {
  includeIneligible?: boolean;
  sort?: 'suggested' | 'soonest' | 'nearest';
  packageId?: string;
  organisationId?: string;
  maxDistanceKm?: number;
  from?: string;
  to?: string;
};
export const listOpenShiftsForMe = (params: OpenShiftsQuery) =>
  api.get<TOpenShiftForMe[]>(`/api/me/open-shifts${query({ ...params, includeIneligible: params.includeIneligible ? 'true' : 'false', limit: 100 })}`);
export const whyNot = (shiftId: string) => api.get<TRuleViolation[]>(`/api/shifts/${id(shiftId)}/why-not`);
export const claimShift = (shiftId: string) => api.post<TAssignment>(`/api/shifts/${id(shiftId)}/claims`);
export const listMyShifts = (status: 'live' | 'all' = 'live') => api.get<TMyShift[]>(`/api/me/shifts${query({ status })}`);
export type TProgress = { year: number; daysWorked: number; daysPlanned: number; minDaysPerYear: number | null };
export const getMyProgress = () => api.get<TProgress>('/api/me/progress');

export const withdrawClaim = (assignmentId: string) => api.post<TAssignment>(`/api/assignments/${id(assignmentId)}/withdraw`);
export const cancelAssignment = (assignmentId: string, reason: string) => api.post<TAssignment>(`/api/assignments/${id(assignmentId)}/cancel`, { reason });
export const approveClaim = (assignmentId: string) => api.post<TAssignment>(`/api/assignments/${id(assignmentId)}/approve`);
export const rejectClaim = (assignmentId: string, reason: string) => api.post<TAssignment>(`/api/assignments/${id(assignmentId)}/reject`, { reason });

export const listSwapCandidates = (assignmentId: string) => api.get<{ workerId: string; name: string }[]>(`/api/assignments/${id(assignmentId)}/swap-candidates`);
export const offerSwap = (assignmentId: string, toWorkerId: string, note: string) => api.post<TSwap>(`/api/assignments/${id(assignmentId)}/swaps`, { toWorkerId, note });
export const listMySwaps = () => api.get<TSwap[]>('/api/me/swaps');
export const decideSwap = (swapId: string, action: 'accept' | 'decline' | 'withdraw' | 'approve') => api.post<TSwap>(`/api/swaps/${id(swapId)}/${action}`);
export const rejectSwap = (swapId: string, reason: string) => api.post<TSwap>(`/api/swaps/${id(swapId)}/reject`, { reason });
export const listSwapApprovals = () => api.get<TSwapAwaitingApproval[]>('/api/swap-approvals');

export type ShiftListQuery = { organisationId?: string; locationId?: string; from?: string; to?: string; status?: 'open' | 'cancelled'; limit?: number };
/** Shifts by start time (the server orders them). */
export const listShifts = (params: ShiftListQuery) => api.get<TShift[]>(`/api/shifts${query({ limit: 500, ...params })}`);
export const getShift = (shiftId: string) => api.get<TShiftDetail>(`/api/shifts/${id(shiftId)}`);
export const createShift = (shift: TCreateShiftRequest) => api.post<TShift>('/api/shifts', shift);
export const createShiftSeries = (series: TCreateShiftSeriesRequest) => api.post<{ seriesId: string | null; shifts: TShift[] }>('/api/shift-series', series);
export const cancelShift = (shiftId: string, reason: string) => api.post<TShift>(`/api/shifts/${id(shiftId)}/cancel`, { reason });
export const getOrganisationSettings = (organisationId: string) => api.get<TOrganisationSettings>(`/api/organisations/${id(organisationId)}/settings`);
export const updateOrganisationSettings = (organisationId: string, patch: Partial<TOrganisationSettings>) =>
  api.patch<TOrganisationSettings>(`/api/organisations/${id(organisationId)}/settings`, patch);

export const listNotifications = () => api.get<TNotificationList>('/api/notifications?limit=50');
/** The outbox as the development mailbox shows it (administrators). */
export const listMailbox = (status?: TMailboxEntry['status']) => api.get<TMailboxEntry[]>(`/api/dev/mailbox${query({ status, limit: 200 })}`);
export const sendDigestNow = () => api.post<{ mails: number }>('/api/dev/digest');
export const markNotificationRead = (notificationId: string) => api.post<unknown>(`/api/notifications/${id(notificationId)}/read`);
export const markAllNotificationsRead = () => api.post<unknown>('/api/notifications/read-all');
export const getNotificationPreferences = () => api.get<TNotificationPreferences>('/api/me/notification-preferences');
export const updateNotificationPreferences = (preferences: TNotificationPreference[]) => api.put<TNotificationPreferences>('/api/me/notification-preferences', { preferences });

export const getCalendarFeedStatus = () => api.get<TCalendarFeedStatus>('/api/me/calendar-feed');
export const createCalendarFeed = () => api.post<TCalendarFeed>('/api/me/calendar-feed');
export const revokeCalendarFeed = () => api.delete<undefined>('/api/me/calendar-feed');

export type ShiftImportQuery = { filename: string; contentBase64: string; mode: 'all-or-nothing' | 'valid-rows'; dryRun: boolean };
export const importShifts = (request: ShiftImportQuery) => api.post<TShiftImportReport>('/api/shift-imports', request);
