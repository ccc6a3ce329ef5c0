// Re-optimises one employee's whole row by dynamic programming: the cheapest row against given
// per-day costs that keeps every hard rule of that employee. The sequence rules (2, 5, 6, 7, 9 and
// zero type limits) are exact in the DP state (last shift, run length, whether the run touches
// day 0), and so is working time, as the offset from an even pace within a window. Per-type limits
// and weekends couple the days more loosely: they enter as Lagrangian prices, raised until the row
// keeps them. The search still checks every row against the constraint registry.
import { OFF, type CurtoisProblem } from './problem.js';

/** Lagrangian prices of one employee, kept between calls as a warm start. */
export interface RowPrices {
  /** Price per shift of each type worked. */
  type: Float64Array;
  /** Price per weekend worked. */
  weekend: number;
}

export interface RowOptimizer {
  createPrices(): RowPrices;
  /**
   * Writes into `out` the cheapest feasible row found for `employee` given `cost`, where
   * `cost[d * (shiftCount + 1)]` is the cost of a day off and `cost[d * (shiftCount + 1) + s + 1]`
   * of working shift s on day d. Returns that row's cost, or null when no feasible row was found.
   */
  optimize(employee: number, cost: Float64Array, prices: RowPrices, out: Int16Array, maxRounds?: number): number | null;
}

/** How far (in shifts of the longest type) the minutes worked may stray from an even pace, by default. */
const PACE_WINDOW_SHIFTS = 4;

export interface RowOptimizerOptions {
  /**
   * How far (in shifts of the longest type) the minutes worked may stray from an even pace. A
   * narrower window makes the DP cheaper (the state shrinks in proportion) but finds fewer rows.
   */
  paceWindowShifts?: number;
}
/** Largest DP state count per day for which weekends worked, or one type's count, are tracked exactly. */
const MAX_EXACT_STATES = 2500;

export function createRowOptimizer(problem: CurtoisProblem, options: RowOptimizerOptions = {}): RowOptimizer {
  const paceWindowShifts = options.paceWindowShifts ?? PACE_WINDOW_SHIFTS;
  const { horizon: h, shiftCount: S, instance, forbidden, shiftMinutes } = problem;
  // Shifts that forbid the same successors behave alike as "the last shift worked", so the DP
  // state keeps only that class; the shift itself is chosen per transition.
  const classKeys = new Map<string, number>();
  const classOf = new Int32Array(S);
  for (let s = 0; s < S; s++) {
    const key = Array.from(forbidden.subarray(s * S, (s + 1) * S)).join('');
    if (!classKeys.has(key)) classKeys.set(key, classKeys.size);
    classOf[s] = classKeys.get(key)!;
  }
  const K = classKeys.size;
  const representative = new Int32Array(K);
  for (let s = S - 1; s >= 0; s--) representative[classOf[s]!] = s;
  // Working time is tracked exactly in units of the gcd of the shift lengths, as an offset from an
  // even pace through the horizon; the offset window bounds the state (it covers short horizons whole).
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  const unit = shiftMinutes.reduce((a, b) => gcd(a, b), 0);
  const units = Int32Array.from(shiftMinutes, (m) => m / unit);
  const maxUnits = Math.max(...units);
  const window = (e: (typeof instance.employees)[number]) => Math.min(Math.floor(e.maxMinutes / unit), paceWindowShifts * maxUnits);
  const weekendsInHorizon = Math.floor(h / 7);
  const baseStates = (e: (typeof instance.employees)[number]) => (K * Math.max(1, e.maxConsecutive) * 2 + Math.max(1, e.minConsecutiveOff)) * (2 * window(e) + 1);
  // Weekends worked are counted exactly in the state when that stays small; otherwise (long
  // horizons) they are priced. A limit the horizon cannot reach needs neither.
  const weekendLayers = (e: (typeof instance.employees)[number]) => (e.maxWeekends >= weekendsInHorizon ? 1 : baseStates(e) * (e.maxWeekends + 1) <= MAX_EXACT_STATES ? e.maxWeekends + 1 : 1);
  const isWeekendPriced = (e: (typeof instance.employees)[number]) => e.maxWeekends < weekendsInHorizon && weekendLayers(e) === 1;
  // Likewise the tightest per-type limit that can bind is counted exactly when the state stays small.
  const exactTypeOf = instance.employees.map((e) => {
    let best = -1;
    e.maxShifts.forEach((limit, t) => {
      if (limit > 0 && limit < h - e.daysOff.length && (best < 0 || limit < e.maxShifts[best]!)) best = t;
    });
    return best >= 0 && baseStates(e) * weekendLayers(e) * (e.maxShifts[best]! + 1) <= MAX_EXACT_STATES ? best : -1;
  });
  const typeLayers = (employee: number) => (exactTypeOf[employee]! < 0 ? 1 : instance.employees[employee]!.maxShifts[exactTypeOf[employee]!]! + 1);
  const maxStates = Math.max(...instance.employees.map((e, i) => baseStates(e) * weekendLayers(e) * typeLayers(i)));
  const value = new Float64Array(h * maxStates);
  const parent = new Int32Array(h * maxStates);
  const choice = new Int16Array(h * maxStates);
  // Per day: cheapest shift of class c' that may follow class c (index c * K + c'), or from a day off (index K * K + c'),
  // kept per length in units because the lengths move the working-time offset differently.
  const lengths = [...new Set(units)];
  // Slots also keep the exactly counted type apart, since it may be at its limit when the others are not.
  const L = 2 * lengths.length;
  const lengthIndex = Int32Array.from(units, (u) => 2 * lengths.indexOf(u));
  const bestShift = new Int32Array((K + 1) * K * L);
  const dayCost = new Float64Array(h * (S + 1));
  const pace = new Int32Array(h + 1);
  const row = new Int16Array(h);

  /** One DP pass on `dayCost` (true costs plus prices); leaves the row in `row`. */
  function solveDp(employee: number, weekendPrice: number): boolean {
    const employeeData = instance.employees[employee]!;
    const { maxConsecutive: maxC, minConsecutive: minC, minConsecutiveOff, maxShifts } = employeeData;
    const minU = Math.ceil(employeeData.minMinutes / unit);
    const maxU = Math.floor(employeeData.maxMinutes / unit);
    if (maxC < 1) {
      row.fill(OFF);
      return minU <= 0;
    }
    const W = window(employeeData);
    const M = 2 * W + 1;
    const exactType = exactTypeOf[employee]!;
    const TL = typeLayers(employee);
    const WL = weekendLayers(employeeData);
    const layers = WL * TL;
    const ML = M * layers;
    const cap = Math.max(1, minConsecutiveOff);
    const workStates = K * maxC * 2;
    const n = (workStates + cap) * ML;
    const work = (c: number, r: number, f: number) => ((c * maxC + (r - 1)) * 2 + f) * ML;
    const off = (r: number) => (workStates + r - 1) * ML;
    // pace[d]: expected units worked after days 0..d-1, spread over the days the employee may work,
    // so a block of fixed days off (a holiday) does not push every row out of the window.
    const dayOffBase = employee * h;
    const workable = h - employeeData.daysOff.length;
    let seen = 0;
    for (let d = 0; d <= h; d++) {
      pace[d] = Math.round(((minU + maxU) / 2) * (workable === 0 ? 0 : seen / workable));
      if (d < h && problem.isDayOff[dayOffBase + d] === 0) seen++;
    }
    const weekendCost = (d: number) => (d % 7 === 5 ? weekendPrice : 0);
    // Index within a base state: weekend layer * M + (offset + W).
    const fillBestShifts = (d: number) => {
      bestShift.fill(-1);
      if (problem.isDayOff[dayOffBase + d] === 1) return;
      const base = d * (S + 1) + 1;
      for (let t = 0; t < S; t++) {
        if (maxShifts[t] === 0) continue;
        const costT = dayCost[base + t]!;
        for (let c = 0; c <= K; c++) {
          if (c < K && forbidden[representative[c]! * S + t] === 1) continue;
          const slot = (c * K + classOf[t]!) * L + lengthIndex[t]! + (t === exactType ? 1 : 0);
          const current = bestShift[slot]!;
          if (current < 0 || costT < dayCost[base + current]!) bestShift[slot] = t;
        }
      }
    };

    value.fill(Infinity, 0, h * n);
    fillBestShifts(0);
    {
      const o = 0 - pace[1]! + W;
      if (o >= 0 && o < M) {
        value[off(cap) + o] = dayCost[0]!;
        choice[off(cap) + o] = OFF;
      }
      for (let c = 0; c < K; c++) {
        for (let l = 0; l < L; l++) {
          const t = bestShift[(K * K + c) * L + l]!;
          if (t < 0) continue;
          const o2 = units[t]! - pace[1]! + W;
          if (o2 < 0 || o2 >= M) continue;
          const layer = t === exactType && TL > 1 ? M : 0;
          if (t === exactType && TL === 1) continue;
          value[work(c, 1, 1) + layer + o2] = dayCost[t + 1]! + weekendCost(0);
          choice[work(c, 1, 1) + layer + o2] = t;
        }
      }
    }
    for (let d = 1; d < h; d++) {
      fillBestShifts(d);
      const prev = (d - 1) * n;
      const next = d * n;
      const drift = pace[d]! - pace[d + 1]!;
      const costBase = d * (S + 1) + 1;
      const offCost = dayCost[d * (S + 1)]!;
      const workExtra = weekendCost(d);
      const isSaturday = d % 7 === 5;
      const isSunday = d % 7 === 6;
      const sundayFromOff = isSunday ? weekendPrice : 0;
      // From each base state: to a day off, or to each reachable (class, length) work state.
      const step = (fromBase: number, toOffBase: number, canRest: boolean, workTarget: (c2: number) => number, slotBase: number, extra: number, isFromOff: boolean) => {
        // Layer = weekends worked * TL + shifts of the exact type so far. Working on a Saturday, or
        // on a Sunday after a Saturday off, starts a worked weekend.
        const weekendStep = WL > 1 && (isSaturday || (isSunday && isFromOff)) ? TL : 0;
        for (let layer = 0; layer < layers; layer++) {
          const canWork = slotBase >= 0 && layer + weekendStep < layers;
          const isTypeFull = layer % TL === TL - 1;
          for (let o = 0; o < M; o++) {
            const from = fromBase + layer * M + o;
            const v = value[prev + from]!;
            if (v === Infinity) continue;
            if (canRest) {
              const o2 = o + drift;
              if (o2 >= 0 && o2 < M) {
                const idx = next + toOffBase + layer * M + o2;
                const candidate = v + offCost;
                if (candidate < value[idx]!) {
                  value[idx] = candidate;
                  parent[idx] = from;
                  choice[idx] = OFF;
                }
              }
            }
            if (!canWork) continue;
            const layerBase = (layer + weekendStep) * M;
            for (let c2 = 0; c2 < K; c2++) {
              const target = workTarget(c2);
              if (target < 0) continue;
              for (let l = 0; l < L; l++) {
                const t = bestShift[(slotBase + c2) * L + l]!;
                if (t < 0) continue;
                const isExact = t === exactType;
                if (isExact && isTypeFull) continue;
                const o2 = o + drift + units[t]!;
                if (o2 < 0 || o2 >= M) continue;
                const idx = next + target + layerBase + (isExact ? M : 0) + o2;
                const candidate = v + dayCost[costBase + t]! + workExtra + extra;
                if (candidate < value[idx]!) {
                  value[idx] = candidate;
                  parent[idx] = from;
                  choice[idx] = t;
                }
              }
            }
          }
        }
      };
      for (let c = 0; c < K; c++) {
        for (let r = 1; r <= maxC; r++) {
          for (let f = 0; f < 2; f++) {
            step(work(c, r, f), off(1), r >= minC || f === 1, (c2) => (r === maxC ? -1 : work(c2, r + 1, f)), r === maxC ? -1 : c * K, 0, false);
          }
        }
      }
      for (let r = 1; r <= cap; r++) step(off(r), off(Math.min(r + 1, cap)), true, (c2) => work(c2, 1, 0), r < cap ? -1 : K * K, sundayFromOff, true);
    }
    let state = -1;
    let best = Infinity;
    const last = (h - 1) * n;
    for (let i = 0; i < n; i++) {
      const total = ((i % ML) % M) - W + pace[h]!;
      if (total < minU || total > maxU) continue;
      if (value[last + i]! < best) {
        best = value[last + i]!;
        state = i;
      }
    }
    if (state < 0) return false;
    for (let d = h - 1; d >= 0; d--) {
      row[d] = choice[d * n + state]!;
      state = parent[d * n + state]!;
    }
    return true;
  }

  return {
    createPrices: () => ({ type: new Float64Array(S), weekend: 0 }),
    optimize(employee, cost, prices, out, maxRounds = 12) {
      const employeeData = instance.employees[employee]!;
      const counts = new Int32Array(S);
      for (let round = 0; round < maxRounds; round++) {
        for (let d = 0; d < h; d++) {
          const base = d * (S + 1);
          dayCost[base] = cost[base]!;
          for (let s = 0; s < S; s++) dayCost[base + s + 1] = cost[base + s + 1]! + prices.type[s]!;
        }
        if (!solveDp(employee, isWeekendPriced(employeeData) ? prices.weekend : 0)) return null;
        let weekends = 0;
        let trueCost = 0;
        counts.fill(0);
        for (let d = 0; d < h; d++) {
          const v = row[d]!;
          trueCost += cost[d * (S + 1) + v + 1]!;
          if (v >= 0) counts[v]!++;
        }
        for (let saturday = 5; saturday < h; saturday += 7) if (row[saturday]! >= 0 || row[saturday + 1]! >= 0) weekends++;
        let isFeasible = weekends <= employeeData.maxWeekends;
        for (let s = 0; s < S; s++) if (counts[s]! > employeeData.maxShifts[s]!) isFeasible = false;
        if (isFeasible) {
          out.set(row);
          // Let the prices fade while they are not needed, so they do not bias later calls for good.
          prices.weekend *= 0.8;
          for (let s = 0; s < S; s++) prices.type[s]! *= 0.8;
          return trueCost;
        }
        // Raise the price of each limit the row breaks, faster the longer it keeps breaking it.
        const step = 2 * 2 ** Math.min(round, 6);
        if (weekends > employeeData.maxWeekends) prices.weekend += step * (weekends - employeeData.maxWeekends);
        for (let s = 0; s < S; s++) if (counts[s]! > employeeData.maxShifts[s]!) prices.type[s]! += step * (counts[s]! - employeeData.maxShifts[s]!);
      }
      return null;
    },
  };
}
