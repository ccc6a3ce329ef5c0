// HiGHS as an exact MIP solver for the planning engines, run off the main thread.
//
// API
//   createMipBuilder(): MipBuilder            build a model column by column, row by row
//     .addColumn({ cost, lower, upper, isInteger }) -> column index
//     .addRow(lower, upper, columns, coefficients)  -> row index (use ±Infinity for open sides)
//     .build({ sense?: 'minimize' | 'maximize', offset? }) -> SparseMip
//   solveMip(mip: SparseMip, options: SolveMipOptions): Promise<MipResult>
//     options: timeLimitSeconds      HiGHS time limit
//              mipRelGap?            relative gap at which HiGHS stops (HiGHS default 1e-4)
//              highsOptions?         any other HiGHS option by snake_case name
//              onProgress?           ({ objective, bound, seconds }) on each improving solution
//              signal?               AbortSignal: stops the search, keeping the incumbent
//              graceSeconds?         extra time after the limit before the worker is killed
//     result:  { status, objective, bound, values, seconds, message? }
//              status 'optimal' | 'timeLimit' | 'limit' (nodes/solutions) | 'targetReached' | 'interrupted' | 'infeasible'
//                     | 'unbounded' | 'error'; objective/values are null when there is no
//              solution; 'error' covers WASM aborts, a worker that had to be killed and bad input.
//   The promise never rejects.
//   options.start?                      one value per column: a start HiGHS keeps as incumbent when feasible;
//                                       result.isStartUsed says whether it did (then the result is no worse);
//                                       a start of the wrong length or with a non-finite value is an 'error'
//   getHighs(), runHighs(highs, mip, options)   the same solve synchronously on the calling thread, for
//                                       callers that are already off the main thread or solve many small
//                                       models (no worker start per solve)
//   options.stopWhenBetterThanStart?    with a start: stop at the first better solution ('interrupted')
//   objectiveOf(mip, values)            the objective of column values, offset included
//
// Why a worker: HiGHS 1.15 (npm `highs`) is single-threaded WebAssembly and its solve is
// synchronous, so in the main thread it would block the event loop for the whole time limit.
// Each call gets a fresh worker, so a WASM abort or a leak cannot poison later solves.
import { Worker } from 'node:worker_threads';
import type { WorkerInput, WorkerMessage } from './highs-worker.js';
import type { MipResult, RunOptions } from './run-highs.js';
import type { SparseMip } from './sparse-mip.js';

export { createMipBuilder } from './sparse-mip.js';
export type { MipBuilder, MipColumn, SparseMip } from './sparse-mip.js';
export type { MipResult, MipStatus, HighsOptionValue, RunOptions } from './run-highs.js';
export { getHighs, objectiveOf, runHighs } from './run-highs.js';

export type SolveMipOptions = Omit<RunOptions, 'onImprovement' | 'shouldStop'> & {
  onProgress?: (progress: { objective: number; bound: number | null; seconds: number }) => void;
  signal?: AbortSignal;
  graceSeconds?: number;
};

export function solveMip(mip: SparseMip, options: SolveMipOptions): Promise<MipResult> {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  const { onProgress, signal, graceSeconds, ...runOptions } = options;
  const stopFlag = new SharedArrayBuffer(4);
  const input: WorkerInput = { mip, options: runOptions, wantsProgress: onProgress !== undefined, stopFlag };

  return new Promise<MipResult>((resolve) => {
    let worker: Worker;
    try {
      worker = startWorker(input);
    } catch (error) {
      resolve(failure(`could not start the HiGHS worker: ${String(error)}`, seconds()));
      return;
    }
    let isSettled = false;
    const settle = (result: MipResult) => {
      if (isSettled) return;
      isSettled = true;
      clearTimeout(killTimer);
      signal?.removeEventListener('abort', requestStop);
      void worker.terminate();
      resolve(result);
    };
    const requestStop = () => Atomics.store(new Int32Array(stopFlag), 0, 1);
    // HiGHS checks its clock only between nodes and LP iterations, and loading takes a moment,
    // so the worker gets a grace period before it is killed outright.
    const graceMs = 1000 * (graceSeconds ?? Math.max(10, 0.25 * options.timeLimitSeconds));
    const killTimer = setTimeout(() => settle(failure('HiGHS did not stop within its time limit; worker terminated', seconds())), 1000 * options.timeLimitSeconds + graceMs);

    if (signal?.aborted) requestStop();
    signal?.addEventListener('abort', requestStop);
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'progress') onProgress?.(message);
      else settle({ ...message.result, seconds: seconds() });
    });
    worker.on('error', (error) => settle(failure(`HiGHS worker failed: ${String(error)}`, seconds())));
    worker.on('exit', (code) => settle(failure(`HiGHS worker exited with code ${code} before reporting`, seconds())));
  });
}

function failure(message: string, seconds: number): MipResult {
  return { status: 'error', objective: null, bound: null, values: null, seconds, message };
}

function startWorker(input: WorkerInput): Worker {
  const mip = cloneMip(input.mip);
  const transfer = [mip.colCost, mip.colLower, mip.colUpper, mip.integrality, mip.rowLower, mip.rowUpper, mip.matrix.starts, mip.matrix.indices, mip.matrix.values].map((a) => a.buffer as ArrayBuffer);
  const workerData = { ...input, mip };
  const isTypeScript = import.meta.url.endsWith('.ts');
  const entry = new URL(isTypeScript ? './highs-worker.ts' : './highs-worker.js', import.meta.url);
  if (!isTypeScript) return new Worker(entry, { workerData, transferList: transfer });
  // Running from source under tsx: the worker has no TypeScript loader unless the parent was
  // started with `--import tsx`, so the worker registers tsx itself before loading the entry.
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData, transferList: transfer });
}

// The caller keeps its model (it may solve it again), so the worker gets a copy to own.
function cloneMip(mip: SparseMip): SparseMip {
  return {
    ...mip,
    colCost: mip.colCost.slice(),
    colLower: mip.colLower.slice(),
    colUpper: mip.colUpper.slice(),
    integrality: mip.integrality.slice(),
    rowLower: mip.rowLower.slice(),
    rowUpper: mip.rowUpper.slice(),
    matrix: { format: 'csr', starts: mip.matrix.starts.slice(), indices: mip.matrix.indices.slice(), values: mip.matrix.values.slice() },
  };
}
