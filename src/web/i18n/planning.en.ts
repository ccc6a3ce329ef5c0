import type { planningNl } from './planning.nl';

export const planningEn: Record<keyof typeof planningNl, string> = {
  'planning.title': 'Auto-planning',
};
