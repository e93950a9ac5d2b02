/**
 * The xã view's verification worker (bundled by Vite through the `?worker` import in XaView): checks
 * village bundles off the page's thread. All logic is in lib/reports/verify-pool.ts.
 */
import { serveVerifyRequests, type WorkerScope } from '@/lib/reports/verify-pool';

serveVerifyRequests(self as unknown as WorkerScope);
