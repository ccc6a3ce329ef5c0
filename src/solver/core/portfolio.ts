import { Worker, type MessagePort } from 'node:worker_threads';
import { createPeerPorts, type Peers } from './peers.js';
import { compareScores, type Score } from './score.js';
import type { SearchProgress } from './search.js';

export interface PortfolioTaskContext {
  seed: number;
  threadIndex: number;
  shouldStop: () => boolean;
  onProgress: (progress: SearchProgress) => void;
  /** The other threads of the portfolio (none when it runs one thread). */
  peers?: Peers;
}

/** One independent search, run in its own thread; it rebuilds its model from the structured-cloneable input. */
export type PortfolioTask<Input, Result extends { score: Score }> = (input: Input, context: PortfolioTaskContext) => Result | Promise<Result>;

export interface PortfolioOptions<Input> {
  /** Absolute URL of a module exporting the task (e.g. `new URL('./task.js', import.meta.url).href`). */
  moduleUrl: string;
  /** Name of the exported PortfolioTask; default `runPortfolioTask`. */
  exportName?: string;
  input: Input;
  /** 1 runs in this thread (unless `isolated`); more run one worker thread each. */
  threads: number;
  /**
   * Run even a single thread in a worker thread, so the caller's event loop stays free (a server must keep
   * answering requests while it solves). The result is the same as in the calling thread.
   */
  isolated?: boolean;
  seed: number;
  signal?: AbortSignal;
  onProgress?: (threadIndex: number, progress: SearchProgress) => void;
}

export interface PortfolioResult<Result> {
  best: Result;
  bestThread: number;
  results: Result[];
}

/** Seed of thread i; thread 0 uses the seed itself, so one thread reproduces a plain run. */
export function seedOfThread(seed: number, threadIndex: number): number {
  return (seed + threadIndex * 0x9e3779b1) >>> 0;
}

/**
 * Runs the same task with a different seed in each thread and returns the best result (ties go to the
 * lowest thread index, so the outcome depends only on the seed, the thread count and each task's budget).
 */
export async function runPortfolio<Input, Result extends { score: Score }>(options: PortfolioOptions<Input>): Promise<PortfolioResult<Result>> {
  const exportName = options.exportName ?? 'runPortfolioTask';
  const threads = Math.max(1, Math.floor(options.threads));
  let results: Result[];
  if (threads === 1 && options.isolated !== true) {
    const module = await import(options.moduleUrl) as Record<string, unknown>;
    const task = module[exportName] as PortfolioTask<Input, Result>;
    const result = await task(options.input, {
      seed: seedOfThread(options.seed, 0),
      threadIndex: 0,
      shouldStop: () => options.signal?.aborted === true,
      onProgress: (p) => options.onProgress?.(0, p),
    });
    results = [result];
  } else {
    const stop = new Int32Array(new SharedArrayBuffer(4));
    const onAbort = (): void => { Atomics.store(stop, 0, 1); };
    options.signal?.addEventListener('abort', onAbort);
    const ports = createPeerPorts(threads);
    try {
      results = await Promise.all(Array.from({ length: threads }, (_, threadIndex) => runInWorker<Input, Result>({
        moduleUrl: options.moduleUrl, exportName, input: options.input, seed: seedOfThread(options.seed, threadIndex), threadIndex, stop, ports: ports[threadIndex]!,
      }, (p) => options.onProgress?.(threadIndex, p))));
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
    }
  }
  let bestThread = 0;
  for (let i = 1; i < results.length; i++) {
    if (compareScores(results[i]!.score, results[bestThread]!.score) < 0) bestThread = i;
  }
  return { best: results[bestThread]!, bestThread, results };
}

interface WorkerJob<Input> {
  moduleUrl: string;
  exportName: string;
  input: Input;
  seed: number;
  threadIndex: number;
  stop: Int32Array;
  ports: MessagePort[];
}

type WorkerMessage<Result> =
  | { type: 'progress'; progress: SearchProgress }
  | { type: 'result'; result: Result }
  | { type: 'error'; message: string };

function runInWorker<Input, Result>(job: WorkerJob<Input>, onProgress: (p: SearchProgress) => void): Promise<Result> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./portfolio-worker.mjs', import.meta.url), { workerData: job, transferList: job.ports });
    let isSettled = false;
    worker.on('message', (message: WorkerMessage<Result>) => {
      if (message.type === 'progress') onProgress(message.progress);
      else if (message.type === 'result') { isSettled = true; resolve(message.result); void worker.terminate(); }
      else { isSettled = true; reject(new Error(message.message)); void worker.terminate(); }
    });
    worker.on('error', (err) => { if (!isSettled) { isSettled = true; reject(err); } });
    worker.on('exit', (code) => { if (!isSettled) { isSettled = true; reject(new Error(`portfolio worker exited with code ${code}`)); } });
  });
}
