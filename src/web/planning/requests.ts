// The auto-planning endpoints the web app uses, typed by the shared zod schemas.
import type { TPlanningPreview, TSolveStatus, TStartPlanningRequest } from '../../shared/planning.schemas';
import { api, query } from '../api';

const id = (value: string) => encodeURIComponent(value);

export type StartPlanning = Omit<TStartPlanningRequest, 'organisationId' | 'timeLimitSeconds'> & { organisationId: string | null; timeLimitSeconds: number };

export const startPlanningRun = (body: StartPlanning) => api.post<{ jobId: string; status: string }>('/api/planning-runs', body);
export const getPlanningRun = (runId: string) => api.get<TPlanningPreview>(`/api/planning-runs/${id(runId)}`);
export const listPlanningRuns = (regionId?: string) => api.get<TSolveStatus[]>(`/api/planning-runs${query({ regionId })}`);
/** Stops the search early; the run keeps the best plan found so far. */
export const stopPlanningRun = (runId: string) => api.delete<TSolveStatus>(`/api/solves/${id(runId)}`);
export const publishPlanningRun = (runId: string) => api.post<TPlanningPreview>(`/api/planning-runs/${id(runId)}/publish`);
