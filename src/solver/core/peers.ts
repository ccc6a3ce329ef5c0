// Messages between the threads of one portfolio, for tasks that cooperate: each thread holds a MessagePort to
// every other and reads them without yielding to its event loop (a search runs synchronously for seconds).
import { MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';

export class Peers {
  constructor(private readonly ports: readonly MessagePort[]) {}

  /** How many other threads there are. */
  get count(): number { return this.ports.length; }

  /** Sends a structured-cloneable message to every other thread. */
  broadcast(message: unknown): void {
    for (const port of this.ports) port.postMessage(message);
  }

  /** The messages that have arrived, oldest first per sender, without waiting. */
  receive(): unknown[] {
    const messages: unknown[] = [];
    for (const port of this.ports) {
      for (let m = receiveMessageOnPort(port); m !== undefined; m = receiveMessageOnPort(port)) messages.push(m.message);
    }
    return messages;
  }

  close(): void {
    for (const port of this.ports) port.close();
  }
}

/** Ports for `threads` threads, one channel per pair: `ports[i]` are thread i's ports to the others. */
export function createPeerPorts(threads: number): MessagePort[][] {
  const ports: MessagePort[][] = Array.from({ length: threads }, () => []);
  for (let i = 0; i < threads; i++) {
    for (let j = i + 1; j < threads; j++) {
      const { port1, port2 } = new MessageChannel();
      ports[i]!.push(port1);
      ports[j]!.push(port2);
    }
  }
  return ports;
}
