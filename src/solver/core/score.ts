/**
 * A two-level score, compared lexicographically: any hard penalty outweighs every soft one.
 * Lower is better; a score with `hard === 0` is feasible.
 */
export interface Score {
  hard: number;
  soft: number;
}

export const ZERO_SCORE: Score = Object.freeze({ hard: 0, soft: 0 });

/** Soft totals closer than this (relative) count as equal, as the planning spec prescribes. */
export const SOFT_EPSILON = 1e-9;

/** Negative when a is better than b, positive when worse, 0 when equal (soft within a relative epsilon). */
export function compareScores(a: Score, b: Score): number {
  return compareScoreParts(a.hard, a.soft, b.hard, b.soft);
}

/** compareScores on the parts, for hot loops that keep scores in plain numbers. */
export function compareScoreParts(aHard: number, aSoft: number, bHard: number, bSoft: number): number {
  if (aHard !== bHard) return aHard - bHard;
  const diff = aSoft - bSoft;
  const scale = Math.max(1, Math.abs(aSoft), Math.abs(bSoft));
  return Math.abs(diff) <= SOFT_EPSILON * scale ? 0 : diff;
}

export function isBetter(a: Score, b: Score): boolean {
  return compareScores(a, b) < 0;
}

/**
 * Whether a move's change of score makes the plan worse: more hard penalty, or as much and more soft,
 * compared exactly. Exact, unlike compareScores, because a step that is taken when no worse must never
 * let the plan drift upwards by tolerated rounding, step after step.
 */
export function isWorsening(delta: Score): boolean {
  return delta.hard > 0 || (delta.hard === 0 && delta.soft > 0);
}

export function isFeasible(score: Score): boolean {
  return score.hard <= 0;
}

export function addScores(a: Score, b: Score): Score {
  return { hard: a.hard + b.hard, soft: a.soft + b.soft };
}

export function formatScore(score: Score): string {
  return `${score.hard}hard/${score.soft.toFixed(3)}soft`;
}
