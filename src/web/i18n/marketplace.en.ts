import type { marketplaceNl } from './marketplace.nl';

export const marketplaceEn: Record<keyof typeof marketplaceNl, string> = {
  'marketplace.openShifts': 'Open shifts',
};
