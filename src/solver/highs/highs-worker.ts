// Worker-thread entry: loads HiGHS, solves the model from `workerData` and posts messages
// `{ kind: 'progress', ... }` for improving solutions and one `{ kind: 'result', result }`.
// A WebAssembly abort (the heap cap on huge models) becomes a result with status 'error'.
import { parentPort, workerData } from 'node:worker_threads';
import { getHighs, runHighs } from './run-highs.js';
import type { MipResult, RunOptions } from './run-highs.js';
import type { SparseMip } from './sparse-mip.js';

export type WorkerInput = {
  mip: SparseMip;
  options: Omit<RunOptions, 'onImprovement' | 'shouldStop'>;
  wantsProgress: boolean;
  /** Int32Array view: the main thread sets element 0 to 1 to ask for a graceful stop. */
  stopFlag: SharedArrayBuffer;
};

export type WorkerMessage =
  | { kind: 'progress'; objective: number; bound: number | null; seconds: number }
  | { kind: 'result'; result: MipResult };

const port = parentPort!;
const input = workerData as WorkerInput;
const stop = new Int32Array(input.stopFlag);
const started = performance.now();

let result: MipResult;
try {
  const highs = await getHighs();
  result = runHighs(highs, input.mip, {
    ...input.options,
    ...(input.wantsProgress && { onImprovement: (progress) => port.postMessage({ kind: 'progress', ...progress } satisfies WorkerMessage) }),
    shouldStop: () => Atomics.load(stop, 0) === 1,
  });
} catch (error) {
  result = { status: 'error', objective: null, bound: null, values: null, seconds: (performance.now() - started) / 1000, message: String(error) };
}
port.postMessage({ kind: 'result', result } satisfies WorkerMessage, result.values ? [result.values.buffer as ArrayBuffer] : []);
