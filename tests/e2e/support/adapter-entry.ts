// Entry of the in-page adapter bundle: lib/zalo exposed as `window.__zgg` so e2e tests can drive
// the adapter against the replica in a real browser, without the extension's messaging around it.
import * as zalo from '../../../lib/zalo';

Object.assign(globalThis, { __zgg: zalo });
