// The intake-journey endpoints the web app uses (shapes in src/shared/journey.schemas.ts).
import type {
  TBigChecklist,
  TBookOrientation,
  TFunnel,
  TJourney,
  TJourneyStage,
  TJourneySummary,
  TLearningPlan,
  TOrientationBooking,
  TPackageIndependence,
  TRecordStep,
  TRegistration,
  TRegistrationOptions,
  TRegistrationResult,
  TUpdateBigChecklist,
} from '../../shared/journey.schemas';
import type { TPlacementResult } from '../../shared/mediation.schemas';
import { api, query } from '../api';

const id = (value: string) => encodeURIComponent(value);

export const getRegistrationOptions = () => api.get<TRegistrationOptions>('/api/registration/options');
export const register = (registration: TRegistration) => api.post<TRegistrationResult>('/api/registrations', registration);

export type JourneyListQuery = { regionId?: string; stage?: TJourneyStage; ownerUserId?: string };
export const listJourneys = (params: JourneyListQuery) => api.get<TJourneySummary[]>(`/api/journeys${query(params)}`);
export const getJourney = (journeyId: string) => api.get<TJourney>(`/api/journeys/${id(journeyId)}`);
export const getMyJourney = () => api.get<TJourney>('/api/me/journey');
export const setJourneyOwner = (journeyId: string, ownerUserId: string) => api.put<TJourney>(`/api/journeys/${id(journeyId)}/owner`, { ownerUserId });
export const recordStep = (journeyId: string, step: TRecordStep) => api.post<TJourney>(`/api/journeys/${id(journeyId)}/steps`, step);
export const bookOrientation = (journeyId: string, booking: TBookOrientation) => api.post<TOrientationBooking>(`/api/journeys/${id(journeyId)}/orientation`, booking);
export const cancelOrientation = (journeyId: string, shiftId: string, reason: string) => api.post<TJourney>(`/api/journeys/${id(journeyId)}/orientation/${id(shiftId)}/cancel`, { reason });
export const writeLearningPlan = (journeyId: string, plan: TLearningPlan) => api.put<TJourney>(`/api/journeys/${id(journeyId)}/learning-plan`, plan);
export const closeJourney = (journeyId: string, reason: string) => api.post<TJourney>(`/api/journeys/${id(journeyId)}/close`, { reason });

export const getBigChecklist = (workerId: string) => api.get<TBigChecklist>(`/api/workers/${id(workerId)}/big-checklist`);
export const updateBigChecklist = (workerId: string, credentialId: string, patch: TUpdateBigChecklist) =>
  api.patch<TBigChecklist>(`/api/workers/${id(workerId)}/big-checklist/${id(credentialId)}`, patch);

export type FunnelQuery = { from: string; to: string; organisationId?: string };
export const getFunnel = (regionId: string, params: FunnelQuery) => api.get<TFunnel>(`/api/regions/${id(regionId)}/funnel${query(params)}`);
/** The CSV is a download: a plain link, with the session cookie. */
export const funnelCsvUrl = (regionId: string, params: FunnelQuery & { locale: 'nl' | 'en' }) => `/api/regions/${id(regionId)}/funnel.csv${query(params)}`;

export const placeOnShifts = (offerId: string, shiftIds: string[]) => api.post<TPlacementResult>(`/api/offers/${id(offerId)}/shifts`, { shiftIds });

export const listIndependence = (workerId: string) => api.get<TPackageIndependence[]>(`/api/workers/${id(workerId)}/package-independence`);
export const markIndependent = (workerId: string, packageId: string) => api.post<TPackageIndependence>(`/api/workers/${id(workerId)}/package-independence`, { packageId });
