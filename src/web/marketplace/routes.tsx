// Pages of the shift marketplace, by path; null when the path is not one of them.
import type { ReactNode } from 'react';
import type { TMe } from '../../shared/auth.schemas';

export function marketplaceRoute(_me: TMe, _path: string): ReactNode {
  return null;
}
