// The competence endpoints the web app uses: the region's catalogue, a worker's competences, a request's requirements.
import type { TCompetence, TCreateCompetence, TSetRequestCompetences, TSetWorkerCompetences, TUpdateCompetence, TWorkerCompetence } from '../../shared/competences.schemas';
import type { TMediationRequest } from '../../shared/mediation.schemas';
import type { TLocale } from '../../shared/common.schemas';
import { api, query } from '../api';

const id = (value: string) => encodeURIComponent(value);

export const listCompetences = (regionId: string) => api.get<TCompetence[]>(`/api/regions/${id(regionId)}/competences`);
/** The whole catalogue, retired entries too (for the coordinator who manages it). */
export const listCatalogue = (regionId: string) => api.get<TCompetence[]>(`/api/regions/${id(regionId)}/competences${query({ includeRetired: 'true' })}`);
export const createCompetence = (regionId: string, body: TCreateCompetence) => api.post<TCompetence>(`/api/regions/${id(regionId)}/competences`, body);
export const updateCompetence = (competenceId: string, body: TUpdateCompetence) => api.patch<TCompetence>(`/api/competences/${id(competenceId)}`, body);
export const getWorkerCompetences = (workerId: string) => api.get<TWorkerCompetence[]>(`/api/workers/${id(workerId)}/competences`);
export const setWorkerCompetences = (workerId: string, body: TSetWorkerCompetences) => api.put<TWorkerCompetence[]>(`/api/workers/${id(workerId)}/competences`, body);
export const setRequestCompetences = (requestId: string, body: TSetRequestCompetences) => api.put<TMediationRequest>(`/api/requests/${id(requestId)}/competences`, body);

/** A competence's label in the interface language. */
export const competenceLabel = (c: { labelNl: string; labelEn: string }, locale: TLocale) => (locale === 'nl' ? c.labelNl : c.labelEn);

/** Catalogue entries grouped by category, in catalogue order (entries without one last). */
export function byCategory<T extends { category: string | null }>(items: T[]): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = item.category ?? '';
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups.entries()].sort(([a], [b]) => (a === '' ? 1 : 0) - (b === '' ? 1 : 0));
}
