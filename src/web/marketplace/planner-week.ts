// Calendar dates (YYYY-MM-DD) for the planner's week view; noon UTC keeps them clear of clock changes.
const DAY_MS = 86_400_000;

export const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** Monday of the week holding `date`. */
export function mondayOf(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}
