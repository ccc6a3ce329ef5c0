// Worker-thread entry of runPortfolio. Plain JavaScript so it starts without a TypeScript loader;
// it registers tsx itself because loader hooks of the parent thread do not reach workers.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { moduleUrl, exportName, input, seed, threadIndex, stop, ports } = workerData;
try {
  const module = await import(moduleUrl);
  // Imported here, after register(), like the task: the core is TypeScript.
  const { Peers } = await import(new URL('./peers.ts', import.meta.url).href);
  const peers = ports.length > 0 ? new Peers(ports) : undefined;
  const result = await module[exportName](input, {
    seed,
    threadIndex,
    shouldStop: () => Atomics.load(stop, 0) === 1,
    onProgress: (progress) => parentPort.postMessage({ type: 'progress', progress }),
    ...(peers && { peers }),
  });
  peers?.close();
  parentPort.postMessage({ type: 'result', result });
} catch (err) {
  parentPort.postMessage({ type: 'error', message: err instanceof Error ? err.stack ?? err.message : String(err) });
}
