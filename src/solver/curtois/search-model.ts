// The Curtois model on the shared search core: employee × day → shift or off. Every move is a set
// of replacement rows, which keeps moves uniform: the delta is the change of the registered hard
// rules on those rows plus the request and cover terms of the changed cells. Large moves come
// from the per-employee DP (row-optimizer.ts); small ones change a cell or swap or set a block.
import type { Rng } from '../core/rng.js';
import type { Score } from '../core/score.js';
import type { SearchModel } from '../core/search.js';
import { coverCellCost, countCover } from './constraints/cover.js';
import { hardEmployeeConstraints } from './constraints/index.js';
import { offRequestCost } from './constraints/shift-off-requests.js';
import { onRequestCost } from './constraints/shift-on-requests.js';
import { createRowOptimizer, type RowOptimizer, type RowPrices } from './row-optimizer.js';
import { OFF, prepareProblem, type CurtoisProblem, type Roster } from './problem.js';

export type CurtoisMoveKind = 'cell' | 'swap-block' | 'set-block' | 'reoptimize-row' | 'reoptimize-window' | 'ruin-recreate';

export interface CurtoisMove {
  /** A random move kind, or an exact repair made outside the random neighbourhoods (lns.ts). */
  kind: CurtoisMoveKind | 'exact-repair';
  employees: number[];
  rows: Int16Array[];
  /** Hard penalty of each new row, filled by deltaOf. */
  rowHard?: number[];
}

export interface CurtoisSnapshot {
  roster: Roster;
  counts: Int32Array;
  rowHard: Float64Array;
  hard: number;
  soft: number;
}

/** Relative frequency of each move kind. */
export type MoveMix = Record<CurtoisMoveKind, number>;

export const DEFAULT_MOVE_MIX: MoveMix = {
  'cell': 20,
  'swap-block': 30,
  'set-block': 10,
  'reoptimize-row': 20,
  'reoptimize-window': 10,
  'ruin-recreate': 10,
};

export interface ConstructOptions {
  /**
   * Asked before each row with the rows built so far: true switches to a much cheaper DP for the
   * rest (each employee works one shift type only), so construction fits its time share.
   */
  shouldHurry?: (rowsBuilt: number, rowCount: number) => boolean;
}

export interface CurtoisSearchModel extends SearchModel<CurtoisMove, CurtoisSnapshot> {
  /** The working roster (a view: copy it to keep it). */
  roster(): Roster;
  /** Builds a start roster: each employee's row re-optimised in turn against the cover so far. */
  construct(rng: Rng, options?: ConstructOptions): void;
}

const BLOCKED = 1e9;
// During the search a DP move that does not find a row within a few price rounds is dropped (the
// prices are kept, so the next call starts closer); construction tries harder.
const SEARCH_PRICE_ROUNDS = 4;
const CONSTRUCTION_PRICE_ROUNDS = 16;

export function createCurtoisSearchModel(problem: CurtoisProblem, start: Roster, mix: MoveMix = DEFAULT_MOVE_MIX): CurtoisSearchModel {
  const { horizon: h, shiftCount: S, employeeCount: E, instance } = problem;
  const roster = start.slice();
  const counts = countCover(problem, roster);
  const rowHard = new Float64Array(E);
  const optimizer = createRowOptimizer(problem);
  // The cheap DP of a hurried construction: the same rules on a copy of the instance with one
  // shift type, so its state is a fraction of the full one's; built per type on first use.
  const singleTypeOptimizers = new Map<number, { optimizer: RowOptimizer; prices: RowPrices[] }>();
  const singleTypeCost = new Float64Array(h * 2);
  const prices: RowPrices[] = instance.employees.map(() => optimizer.createPrices());
  const cost = new Float64Array(h * (S + 1));
  const countDelta = new Int32Array(h * S);
  const touched: number[] = [];
  const kinds = Object.keys(mix) as CurtoisMoveKind[];
  const totalWeight = kinds.reduce((sum, kind) => sum + mix[kind], 0);
  // Values an employee may ever take on a day: off, or a type with a non-zero limit off the fixed days off.
  const allowedValues: Int16Array[] = [];
  for (let e = 0; e < E; e++) {
    for (let d = 0; d < h; d++) {
      const values = [OFF];
      if (problem.isDayOff[e * h + d] === 0) for (let s = 0; s < S; s++) if (instance.employees[e]!.maxShifts[s]! > 0) values.push(s);
      allowedValues.push(Int16Array.from(values));
    }
  }

  const rowOf = (e: number) => roster.subarray(e * h, (e + 1) * h);
  const hardOfRow = (e: number, row: Int16Array) => {
    let penalty = 0;
    for (const constraint of hardEmployeeConstraints) penalty += constraint.penalizeRow(problem, e, row);
    return penalty;
  };
  const requestCost = (e: number, d: number, v: number) => onRequestCost(problem, e, d, v) + offRequestCost(problem, e, d, v);

  let hard = 0;
  let soft = 0;
  const recompute = () => {
    hard = 0;
    soft = 0;
    for (let e = 0; e < E; e++) {
      rowHard[e] = hardOfRow(e, rowOf(e));
      hard += rowHard[e]!;
      for (let d = 0; d < h; d++) soft += requestCost(e, d, roster[e * h + d]!);
    }
    counts.forEach((count, cell) => (soft += coverCellCost(problem, cell, count)));
  };
  recompute();

  /** Fills `cost` for employee e against the cover of everyone else (with `countDelta` applied). */
  const fillCost = (e: number, window?: { from: number; to: number }) => {
    for (let d = 0; d < h; d++) {
      const current = roster[e * h + d]!;
      const isFixed = window !== undefined && (d < window.from || d >= window.to);
      const base = d * (S + 1);
      cost[base] = isFixed && current !== OFF ? BLOCKED : requestCost(e, d, OFF);
      for (let s = 0; s < S; s++) {
        const cell = d * S + s;
        const others = counts[cell]! + countDelta[cell]! - (current === s ? 1 : 0);
        cost[base + s + 1] = isFixed && current !== s ? BLOCKED : requestCost(e, d, s) + coverCellCost(problem, cell, others + 1) - coverCellCost(problem, cell, others);
      }
    }
  };

  /** A new row for e from the DP, or undefined when it found none or none that keeps the window. */
  const optimizeRow = (e: number, window?: { from: number; to: number }, maxRounds = SEARCH_PRICE_ROUNDS): Int16Array | undefined => {
    fillCost(e, window);
    const out = new Int16Array(h);
    const found = optimizer.optimize(e, cost, prices[e]!, out, maxRounds);
    return found === null || found >= BLOCKED / 2 ? undefined : out;
  };

  /** A row for e in which e works only one shift type (tried from the most allowed down), or undefined. */
  const singleTypeRow = (e: number): Int16Array | undefined => {
    fillCost(e);
    const limits = instance.employees[e]!.maxShifts;
    const types = limits.map((_, t) => t).filter((t) => limits[t]! > 0).sort((a, b) => limits[b]! - limits[a]!);
    for (const t of types) {
      let single = singleTypeOptimizers.get(t);
      if (!single) {
        const shift = instance.shifts[t]!;
        const reduced = prepareProblem({
          ...instance,
          shifts: [{ id: shift.id, minutes: shift.minutes, forbiddenNext: problem.forbidden[t * S + t] === 1 ? [0] : [] }],
          employees: instance.employees.map((employee) => ({ ...employee, maxShifts: [employee.maxShifts[t]!] })),
          onRequests: [],
          offRequests: [],
          cover: [],
        });
        const singleOptimizer = createRowOptimizer(reduced);
        single = { optimizer: singleOptimizer, prices: instance.employees.map(() => singleOptimizer.createPrices()) };
        singleTypeOptimizers.set(t, single);
      }
      for (let d = 0; d < h; d++) {
        singleTypeCost[2 * d] = cost[d * (S + 1)]!;
        singleTypeCost[2 * d + 1] = cost[d * (S + 1) + t + 1]!;
      }
      const out = new Int16Array(h);
      if (single.optimizer.optimize(e, singleTypeCost, single.prices[e]!, out, SEARCH_PRICE_ROUNDS) === null) continue;
      return out.map((v) => (v === 0 ? t : OFF));
    }
    return undefined;
  };

  const pickKind = (rng: Rng): CurtoisMoveKind => {
    let r = rng.nextFloat() * totalWeight;
    for (const kind of kinds) {
      r -= mix[kind];
      if (r < 0) return kind;
    }
    return kinds[kinds.length - 1]!;
  };

  const proposeMove = (rng: Rng): CurtoisMove | undefined => {
    const kind = pickKind(rng);
    switch (kind) {
      case 'cell': {
        const e = rng.nextInt(E);
        const d = rng.nextInt(h);
        const values = allowedValues[e * h + d]!;
        const value = values[rng.nextInt(values.length)]!;
        if (value === roster[e * h + d]) return undefined;
        const row = rowOf(e).slice();
        row[d] = value;
        return { kind, employees: [e], rows: [row] };
      }
      case 'swap-block': {
        const a = rng.nextInt(E);
        const b = rng.nextInt(E);
        if (a === b) return undefined;
        const length = 1 + rng.nextInt(Math.min(h, 7));
        const from = rng.nextInt(h - length + 1);
        const rowA = rowOf(a).slice();
        const rowB = rowOf(b).slice();
        let isChanged = false;
        for (let d = from; d < from + length; d++) {
          if (rowA[d] !== rowB[d]) isChanged = true;
          [rowA[d], rowB[d]] = [rowB[d]!, rowA[d]!];
        }
        return isChanged ? { kind, employees: [a, b], rows: [rowA, rowB] } : undefined;
      }
      case 'set-block': {
        const e = rng.nextInt(E);
        const length = 2 + rng.nextInt(Math.min(h - 1, 4));
        const from = rng.nextInt(h - length + 1);
        const values = allowedValues[e * h + from]!;
        const value = values[rng.nextInt(values.length)]!;
        const row = rowOf(e).slice();
        for (let d = from; d < from + length; d++) row[d] = value;
        return { kind, employees: [e], rows: [row] };
      }
      case 'reoptimize-row': {
        const e = rng.nextInt(E);
        const row = optimizeRow(e);
        return row ? { kind, employees: [e], rows: [row] } : undefined;
      }
      case 'reoptimize-window': {
        // Two employees' rows re-optimised on the same window of days, one after the other.
        const length = Math.min(h, 7 + rng.nextInt(22));
        const day = pickUndercoveredDay(rng) ?? rng.nextInt(h);
        const window = { from: Math.max(0, Math.min(h - length, day - rng.nextInt(length))), to: 0 };
        window.to = window.from + length;
        return recreate(kind, pickDistinct(rng, Math.min(E, 2)), window);
      }
      case 'ruin-recreate':
        return recreate(kind, pickDistinct(rng, Math.min(E, 2 + rng.nextInt(2))));
    }
  };

  /** A day with a cover cell short of its requirement, found by sampling, so windows go where the big penalties are. */
  const pickUndercoveredDay = (rng: Rng): number | undefined => {
    for (let tries = 0; tries < 32; tries++) {
      const cell = rng.nextInt(h * S);
      if (counts[cell]! < problem.requirement[cell]!) return Math.floor(cell / S);
    }
    return undefined;
  };

  const pickDistinct = (rng: Rng, count: number): number[] => {
    const chosen = new Set<number>();
    while (chosen.size < count) chosen.add(rng.nextInt(E));
    return [...chosen];
  };

  /**
   * Ruin and recreate: takes the rows of `employees` out of the cover, then re-optimises them one
   * after the other, each against the cover left by the ones already rebuilt.
   */
  const recreate = (kind: CurtoisMoveKind, employees: number[], window?: { from: number; to: number }): CurtoisMove | undefined => {
    const shiftCover = (row: ArrayLike<number>, sign: number) => {
      for (let d = 0; d < h; d++) if (row[d]! >= 0) countDelta[d * S + row[d]!]! += sign;
    };
    // A row keeps its own contribution in fillCost's "others", so ruin all but the one being rebuilt.
    for (const e of employees) shiftCover(rowOf(e), -1);
    const rows: Int16Array[] = [];
    const done: number[] = [];
    for (const e of employees) {
      shiftCover(rowOf(e), 1);
      const row = optimizeRow(e, window);
      shiftCover(rowOf(e), -1);
      const kept = row ?? rowOf(e).slice();
      shiftCover(kept, 1);
      if (!row) continue;
      rows.push(row);
      done.push(e);
    }
    countDelta.fill(0);
    return rows.length > 0 ? { kind, employees: done, rows } : undefined;
  };

  const deltaOf = (move: CurtoisMove): Score => {
    let hardDelta = 0;
    let softDelta = 0;
    move.rowHard = move.rows.map((row, i) => {
      const e = move.employees[i]!;
      const penalty = hardOfRow(e, row);
      hardDelta += penalty - rowHard[e]!;
      for (let d = 0; d < h; d++) {
        const old = roster[e * h + d]!;
        const value = row[d]!;
        if (old === value) continue;
        softDelta += requestCost(e, d, value) - requestCost(e, d, old);
        if (old >= 0) {
          const cell = d * S + old;
          if (countDelta[cell] === 0) touched.push(cell);
          countDelta[cell]!--;
        }
        if (value >= 0) {
          const cell = d * S + value;
          if (countDelta[cell] === 0) touched.push(cell);
          countDelta[cell]!++;
        }
      }
      return penalty;
    });
    for (const cell of touched) {
      const count = counts[cell]!;
      softDelta += coverCellCost(problem, cell, count + countDelta[cell]!) - coverCellCost(problem, cell, count);
      countDelta[cell] = 0;
    }
    touched.length = 0;
    return { hard: hardDelta, soft: softDelta };
  };

  const applyMove = (move: CurtoisMove): void => {
    const rowHards = move.rowHard ?? move.rows.map((row, i) => hardOfRow(move.employees[i]!, row));
    move.rows.forEach((row, i) => {
      const e = move.employees[i]!;
      for (let d = 0; d < h; d++) {
        const old = roster[e * h + d]!;
        const value = row[d]!;
        if (old === value) continue;
        soft += requestCost(e, d, value) - requestCost(e, d, old);
        if (old >= 0) {
          const cell = d * S + old;
          soft -= coverCellCost(problem, cell, counts[cell]!);
          counts[cell]!--;
          soft += coverCellCost(problem, cell, counts[cell]!);
        }
        if (value >= 0) {
          const cell = d * S + value;
          soft -= coverCellCost(problem, cell, counts[cell]!);
          counts[cell]!++;
          soft += coverCellCost(problem, cell, counts[cell]!);
        }
        roster[e * h + d] = value;
      }
      hard += rowHards[i]! - rowHard[e]!;
      rowHard[e] = rowHards[i]!;
    });
  };

  return {
    score: () => ({ hard, soft }),
    proposeMove,
    deltaOf,
    applyMove,
    capture: () => ({ roster: roster.slice(), counts: counts.slice(), rowHard: rowHard.slice(), hard, soft }),
    restore(snapshot) {
      roster.set(snapshot.roster);
      counts.set(snapshot.counts);
      rowHard.set(snapshot.rowHard);
      hard = snapshot.hard;
      soft = snapshot.soft;
    },
    roster: () => roster,
    construct(rng, options = {}) {
      const order = Array.from({ length: E }, (_, e) => e);
      for (let i = E - 1; i > 0; i--) {
        const j = rng.nextInt(i + 1);
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      let isHurried = false;
      for (const [built, e] of order.entries()) {
        isHurried ||= options.shouldHurry?.(built, E) === true;
        const row = isHurried ? (singleTypeRow(e) ?? optimizeRow(e, undefined, SEARCH_PRICE_ROUNDS)) : optimizeRow(e, undefined, CONSTRUCTION_PRICE_ROUNDS);
        if (!row) continue;
        const move: CurtoisMove = { kind: 'reoptimize-row', employees: [e], rows: [row] };
        const delta = deltaOf(move);
        // Take the row if it is no worse on the hard rules; the DP row keeps them when it is found.
        if (delta.hard <= 0) applyMove(move);
      }
    },
  };
}
