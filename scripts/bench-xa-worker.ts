/** The benchmark's stand-in for the dashboard's verification worker: same handler, Node's worker_threads. */
import { parentPort } from 'node:worker_threads';
import { serveVerifyRequests } from '../lib/reports/verify-pool';

const port = parentPort;
if (port) {
  serveVerifyRequests({
    addEventListener: (_type, listener) => port.on('message', (data: unknown) => listener({ data })),
    postMessage: (m) => port.postMessage(m),
  });
}
