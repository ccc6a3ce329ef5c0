// Dutch texts of the shift marketplace (open shifts, claims, my shifts, swaps, notifications).
export const marketplaceNl = {
  'marketplace.openShifts': 'Open diensten',
} satisfies Record<string, string>;
