// The mediation endpoints the web app uses: requests, ranked candidates, offers and the queues.
import type {
  TCandidateList,
  TCreateMediationRequest,
  TCreateOffers,
  TDeclineOffer,
  TMediationQueues,
  TMediationRequest,
  TOffer,
} from '../../shared/mediation.schemas';
import { api, query } from '../api';

const id = (value: string) => encodeURIComponent(value);

export type TRequestWithOffers = TMediationRequest & { offers: TOffer[] };

export const listMediationRequests = (status?: TMediationRequest['status']) => api.get<TMediationRequest[]>(`/api/requests${query({ status })}`);
export const getMediationRequest = (requestId: string) => api.get<TRequestWithOffers>(`/api/requests/${id(requestId)}`);
export const createMediationRequest = (request: TCreateMediationRequest) => api.post<TMediationRequest>('/api/requests', request);

export const requestCandidates = (requestId: string, limit = 20) => api.get<TCandidateList>(`/api/requests/${id(requestId)}/candidates${query({ limit })}`);
export const shiftCandidates = (shiftId: string, limit = 20) => api.get<TCandidateList>(`/api/shifts/${id(shiftId)}/candidates${query({ limit })}`);

export const createOffers = (requestId: string, offers: TCreateOffers) => api.post<TOffer[]>(`/api/requests/${id(requestId)}/offers`, offers);
export const acceptOffer = (offerId: string) => api.post<TOffer>(`/api/offers/${id(offerId)}/accept`);
export const declineOffer = (offerId: string, decline: TDeclineOffer) => api.post<TOffer>(`/api/offers/${id(offerId)}/decline`, decline);

export const getMediationQueues = (regionId: string) => api.get<TMediationQueues>(`/api/regions/${id(regionId)}/mediation-queues`);
