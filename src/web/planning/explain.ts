// Pure helpers that turn a planning run into words and numbers: horizon defaults, the score
// comparison rows, and "why nobody" for an open place. Kept free of React so they are easy to test.
import type { TPlanningPreview } from '../../shared/planning.schemas';
import type { MessageKey, Translate } from '../i18n/i18n';

export type ScoreBreakdown = NonNullable<TPlanningPreview['current']>;
export type ScoreTerm = keyof ScoreBreakdown;

/** The order in which the score terms are shown; `total` last. */
export const SCORE_TERMS: ScoreTerm[] = ['uncovered', 'underMinimum', 'travel', 'unpreferred', 'overDesired', 'cost', 'total'];

/** The hard rules of the solver, in the order the "why nobody" sentence names them. */
export const RULES = ['package', 'registration', 'availability', 'unavailable', 'travel', 'rest', 'weeklyHours', 'overlap', 'demand', 'supervision'] as const;
export type Rule = (typeof RULES)[number];

export const isActive = (status: string) => status === 'queued' || status === 'running';
/** Stopped early, but the best plan is still being written (the server marks the stop first). */
export const isStopping = (run: { status: string; proposed: unknown }) => run.status === 'cancelled' && run.proposed === null;
export const hasPlan = (run: { status: string; proposed: unknown }) => (run.status === 'done' || run.status === 'cancelled' || run.status === 'published') && run.proposed !== null;

const pad = (n: number) => String(n).padStart(2, '0');
const isoDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** Four weeks from next Monday (never today) up to and including the fourth Sunday, as `YYYY-MM-DD`. */
export function defaultHorizon(now = new Date()): { from: string; to: string } {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const daysToMonday = ((8 - start.getDay()) % 7) || 7;
  start.setDate(start.getDate() + daysToMonday);
  const end = new Date(start);
  end.setDate(end.getDate() + 27);
  return { from: isoDate(start), to: isoDate(end) };
}

/** How far a zone's clock is ahead of UTC at an instant, in ms. */
function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
      .formatToParts(new Date(epochMs))
      .map((p) => [p.type, Number(p.value)]),
  );
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day, parts.hour, parts.minute, parts.second);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/** A `YYYY-MM-DD` (plus whole days) as the instant of midnight in the region's zone. */
export function zonedMidnight(date: string, timeZone: string, plusDays = 0): string {
  const [y, m, d] = date.split('-').map(Number);
  const wall = Date.UTC(y!, (m ?? 1) - 1, (d ?? 1) + plusDays);
  let instant = wall - zoneOffsetMs(wall, timeZone);
  instant = wall - zoneOffsetMs(instant, timeZone);
  return new Date(instant).toISOString();
}

export type ScoreRow = { term: ScoreTerm; now: number; proposed: number; difference: number };

/** One row per score term that is not zero on either side (the total always). */
export function scoreRows(current: ScoreBreakdown, proposed: ScoreBreakdown): ScoreRow[] {
  return SCORE_TERMS.filter((term) => term === 'total' || current[term] !== 0 || proposed[term] !== 0).map((term) => ({
    term,
    now: current[term],
    proposed: proposed[term],
    difference: proposed[term] - current[term],
  }));
}

/** Rules with how many workers each rules out, most first (ties in the registry's order). */
export function blockingRules(blockedBy: Record<string, number>): { rule: string; count: number }[] {
  const order = (rule: string) => {
    const index = (RULES as readonly string[]).indexOf(rule);
    return index === -1 ? RULES.length : index;
  };
  return Object.entries(blockedBy)
    .filter(([, count]) => count > 0)
    .map(([rule, count]) => ({ rule, count }))
    .sort((a, b) => b.count - a.count || order(a.rule) - order(b.rule));
}

const ruleKey = (rule: string, count: number): MessageKey | null => {
  if (!(RULES as readonly string[]).includes(rule)) return null;
  return `planning.blocked.${rule}.${count === 1 ? 'one' : 'other'}` as MessageKey;
};

/** "38 missen het pakket, 12 wonen te ver weg en 3 …" — the blocking rules counted over the pool. */
export function whyNobody(blockedBy: Record<string, number>, t: Translate, formatCount: (n: number) => string = String): string {
  const parts = blockingRules(blockedBy).map(({ rule, count }) => {
    const key = ruleKey(rule, count);
    return key ? t(key, { count: formatCount(count) }) : t('planning.blocked.unknown', { count: formatCount(count), rule });
  });
  if (parts.length === 0) return '';
  if (parts.length === 1) return parts[0]!;
  return `${parts.slice(0, -1).join(', ')} ${t('planning.and')} ${parts.at(-1)!}`;
}

/** Places still open after the plan, summed over shifts. */
export const openPlaceCount = (preview: Pick<TPlanningPreview, 'openPlaces'>) => preview.openPlaces.reduce((sum, o) => sum + o.open, 0);

/** Items grouped by a key, in order of first appearance. */
export function groupBy<T>(items: T[], key: (item: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.entries()];
}
