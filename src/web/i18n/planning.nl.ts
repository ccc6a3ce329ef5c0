// Dutch texts of auto-planning (run, progress, preview, publish).
export const planningNl = {
  'planning.title': 'Automatisch plannen',
} satisfies Record<string, string>;
