// What the threads of one solve tell each other once the large-neighbourhood steps begin: the plan each
// reached by local search (all go on from the best of them), then every move a step applies, which the
// others make too where it still fits their plan and does not worsen it. Without this the threads ran side
// by side and the better plan won; with it they work on one plan, each on its own part of the horizon.
import { compareScores, isWorsening, type Peers, type Score } from '../core/index.js';
import type { Change, Move, RegionalModel } from './model.js';

export interface PlanMessage {
  type: 'plan';
  thread: number;
  score: Score;
  /** Worker per place (-1: open). */
  placeWorker: Int32Array;
}

export interface MoveMessage {
  type: 'move';
  /** (shift, worker before, worker after) per change; -1 for an open place. */
  changes: Int32Array;
}

export type ShareMessage = PlanMessage | MoveMessage;

function planMessage(model: RegionalModel, thread: number): PlanMessage {
  return { type: 'plan', thread, score: { ...model.score() }, placeWorker: Int32Array.from(model.placeWorker) };
}

/**
 * Whether plan `a` is better than `b`, by the rule the portfolio picks its winner by (compareScores, soft
 * ties within the spec's epsilon) with ties to the lower thread, so every thread agrees.
 */
function isBetterPlan(a: Pick<PlanMessage, 'score' | 'thread'>, b: Pick<PlanMessage, 'score' | 'thread'>): boolean {
  const order = compareScores(a.score, b.score);
  return order !== 0 ? order < 0 : a.thread < b.thread;
}

/** Makes the model's plan the given one (the same problem, so the same places and pins). */
export function adoptPlan(model: RegionalModel, placeWorker: Int32Array): void {
  const differs = (place: number): boolean => model.placeWorker[place] !== placeWorker[place] && model.placePinned[place] !== 1;
  for (let place = 0; place < placeWorker.length; place++) if (differs(place)) model.setWorker(place, -1);
  for (let place = 0; place < placeWorker.length; place++) if (differs(place)) model.setWorker(place, placeWorker[place]!);
  model.rescore();
}

/** A move as (shift, before, after) per change, read before it is applied. */
export function describeMove(model: RegionalModel, move: Move): MoveMessage {
  const changes = new Int32Array(3 * move.length);
  move.forEach(({ place, worker }, k) => {
    changes[3 * k] = model.placeShift[place]!;
    changes[3 * k + 1] = model.placeWorker[place]!;
    changes[3 * k + 2] = worker;
  });
  return { type: 'move', changes };
}

/**
 * The same changes on this model's plan, as far as they still fit it: a worker leaves the place it holds on
 * the shift, a worker joining a shift takes a place freed on it or an open one. A change whose worker has
 * left the shift already, or whose newcomer is on it already or finds no place, is left out (another
 * thread's step changed the same worker meanwhile); the caller scores what remains.
 */
export function translateMove(model: RegionalModel, message: MoveMessage): Move {
  const { changes } = message;
  const move: Change[] = [];
  const taken = new Set<number>();
  const joining: Array<[number, number]> = [];
  for (let k = 0; k < changes.length; k += 3) {
    const shift = changes[k]!;
    const before = changes[k + 1]!;
    const after = changes[k + 2]!;
    if (before === after) continue;
    if (before >= 0) {
      const place = model.placeOf(shift, before);
      if (place >= 0 && model.placePinned[place] !== 1) {
        taken.add(place);
        move.push({ place, worker: -1 });
      }
    }
    if (after >= 0) joining.push([shift, after]);
  }
  for (const [shift, worker] of joining) {
    const held = model.placeOf(shift, worker);
    if (held >= 0 && !taken.has(held)) continue;
    const freed = move.findIndex((c) => c.worker === -1 && model.placeShift[c.place] === shift);
    if (freed >= 0) {
      move[freed] = { place: move[freed]!.place, worker };
      continue;
    }
    for (let place = model.shiftFirstPlace[shift]!; place < model.shiftFirstPlace[shift + 1]!; place++) {
      if (model.placeWorker[place] === -1 && model.placePinned[place] !== 1 && !taken.has(place)) {
        taken.add(place);
        move.push({ place, worker });
        break;
      }
    }
  }
  return move;
}

/** One thread's side of the exchange (time-limited solves only: the order messages arrive in is not reproducible). */
export class PlanExchange {
  /** The best plan offered so far, this thread's or another's: every thread goes on from it. */
  private base: Pick<PlanMessage, 'score' | 'thread'> | undefined;
  /** This thread's moves since it offered its plan, to make again on a better plan it takes over. */
  private readonly ownMoves: MoveMessage[] = [];
  /** Other threads' moves made here, and those left out (no longer fitting or no longer improving). */
  applied = 0;
  rejected = 0;

  constructor(private readonly model: RegionalModel, private readonly peers: Peers, readonly thread: number) {}

  /** How many threads share the plan, this one included. */
  get threads(): number { return this.peers.count + 1; }

  /**
   * Sends this thread's plan to the others once its local search ends. Nobody waits for anybody: a thread
   * that later reads a better plan takes it over and makes its own moves since again on it (`absorb`).
   */
  offer(): void {
    const plan = planMessage(this.model, this.thread);
    this.base = plan;
    this.peers.broadcast(plan);
  }

  /**
   * Reads what the other threads sent, in order: a plan better than the best offered so far replaces this
   * thread's, and its own moves since are made again; another thread's move is made as far as it fits and
   * when it does not worsen the plan.
   */
  absorb(): void {
    for (const message of this.peers.receive() as ShareMessage[]) {
      if (message.type === 'plan') {
        if (this.base && !isBetterPlan(message, this.base)) continue;
        this.base = message;
        adoptPlan(this.model, message.placeWorker);
        for (const own of this.ownMoves) this.tryMove(own);
      } else if (this.tryMove(message)) {
        this.applied++;
      } else {
        this.rejected++;
      }
    }
  }

  /** Tells the others about a move this thread is about to apply. */
  publish(move: Move): void {
    const message = describeMove(this.model, move);
    this.ownMoves.push(message);
    this.peers.broadcast(message);
  }

  private tryMove(message: MoveMessage): boolean {
    const move = translateMove(this.model, message);
    if (move.length === 0) return false;
    const delta = this.model.deltaOf(move);
    if (isWorsening(delta)) return false;
    this.model.applyMove(move);
    return true;
  }
}
