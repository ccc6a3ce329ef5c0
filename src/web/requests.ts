// The endpoints the web app uses, typed by the shared zod schemas.
import type { TMe, TUser } from '../shared/auth.schemas';
import type { TLocale } from '../shared/common.schemas';
import type { TCreateLocationRequest, TLocation, TOrganisation, TOrganisationDetail } from '../shared/organisations.schemas';
import type { TActivityPackage } from '../shared/packages.schemas';
import type { TRegion, TRegionRules, TRegionSummary } from '../shared/regions.schemas';
import type { TCreateCredentialRequest, TCredential, TUpdateWorkerRequest, TWorkerKind, TWorkerProfile, TWorkerSummary } from '../shared/workers.schemas';
import { api, query } from './api';

const id = (value: string) => encodeURIComponent(value);

export const logIn = (email: string, password: string) => api.post<TMe>('/api/auth/login', { email, password });
export const logOut = () => api.post<undefined>('/api/auth/logout');
export const getMe = () => api.get<TMe>('/api/me');
export const updateMyLocale = (locale: TLocale) => api.patch<TMe>('/api/me', { locale });

export const listRegions = () => api.get<TRegion[]>('/api/regions');
export const getRegion = (regionId: string) => api.get<TRegionSummary>(`/api/regions/${id(regionId)}`);
export const updateRegionRules = (regionId: string, rules: Partial<TRegionRules>) => api.patch<TRegion>(`/api/regions/${id(regionId)}/rules`, rules);

export const listOrganisations = (regionId?: string) => api.get<TOrganisation[]>(`/api/organisations${query({ regionId })}`);
export const getOrganisation = (organisationId: string) => api.get<TOrganisationDetail>(`/api/organisations/${id(organisationId)}`);

export const addLocation = (organisationId: string, location: TCreateLocationRequest) =>
  api.post<TLocation>(`/api/organisations/${id(organisationId)}/locations`, location);

export const listPackages = (regionId?: string) => api.get<TActivityPackage[]>(`/api/packages${query({ regionId })}`);

export type WorkerListQuery = { regionId?: string; kind?: TWorkerKind; q?: string; limit?: number; offset?: number };
export const listWorkers = (params: WorkerListQuery) => api.get<{ total: number; items: TWorkerSummary[] }>(`/api/workers${query(params)}`);
export const getWorker = (workerId: string) => api.get<TWorkerProfile>(`/api/workers/${id(workerId)}`);
export const updateWorker = (workerId: string, patch: TUpdateWorkerRequest) => api.patch<TWorkerProfile>(`/api/workers/${id(workerId)}`, patch);
export const listCredentials = (workerId: string) => api.get<TCredential[]>(`/api/workers/${id(workerId)}/credentials`);
export const addCredential = (workerId: string, credential: TCreateCredentialRequest) =>
  api.post<TCredential>(`/api/workers/${id(workerId)}/credentials`, credential);

export const verifyCredential = (credentialId: string, verificationStatus: 'verified' | 'rejected') =>
  api.patch<TCredential>(`/api/credentials/${id(credentialId)}/verification`, { verificationStatus });

export const listUsers = () => api.get<TUser[]>('/api/users');
