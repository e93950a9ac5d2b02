import { Dexie, type Table } from 'dexie';
import type { LogEntry } from '../log/schema';
import type { GroupSettings } from '../settings/schema';
import type {
  BlocklistRow,
  HeadRow,
  RulePackRow,
  SampleRow,
  SettingsRow,
  SnapshotRow,
  TemplateRow,
} from './types';

export const DEFAULT_DB_NAME = 'zalo-group-guard';

/**
 * Schema history. Add a new `this.version(n)` block below the last one; never edit an old block
 * (Dexie diffs the declared versions to migrate users' existing databases). Indexes only: other
 * fields need no declaration. If a version reshapes rows, give it `.upgrade(tx => ...)`; log
 * rows must never be rewritten (that breaks their hashes), so migrate log data by adding side
 * tables or derived indexes, not by changing entries.
 *
 * v1 — log: primary key [chainId+seq] (one hash chain per group), plus the dashboard's filters:
 *      time (period, newest first), [chainId+time] (group + period), kind, category, action,
 *      member.uid, ref (actions/corrections pointing at an entry), key (idempotent appends).
 *      A whole chain is the primary-key range [chainId, minKey]..[chainId, maxKey].
 *      snapshots: text kept outside the chain, purged by retention via `time`.
 */
export class GuardDb extends Dexie {
  log!: Table<LogEntry, [string, number]>;
  heads!: Table<HeadRow, string>;
  snapshots!: Table<SnapshotRow, [string, number]>;
  groups!: Table<GroupSettings, string>;
  settings!: Table<SettingsRow, string>;
  samples!: Table<SampleRow, string>;
  blocklist!: Table<BlocklistRow, string>;
  templates!: Table<TemplateRow, string>;
  rulePacks!: Table<RulePackRow, string>;

  constructor(name: string = DEFAULT_DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      log: '[chainId+seq], time, [chainId+time], kind, category, action, member.uid, ref, key',
      heads: 'chainId',
      snapshots: '[chainId+seq], time',
      groups: 'threadId',
      settings: 'id',
      samples: 'id, groupId, [groupId+kind], createdAt',
      blocklist: 'id, importedAt',
      templates: 'id, updatedAt',
      rulePacks: 'id, groupId, updatedAt',
    });
    // v2 — log: messageTime and [chainId+messageTime], so periods go by when a message was sent.
    this.version(2).stores({
      log: '[chainId+seq], time, [chainId+time], kind, category, action, member.uid, ref, key, messageTime, [chainId+messageTime]',
    });
  }
}

/** One shared instance per JS context (service worker, dashboard page); tests construct their own. */
let shared: GuardDb | undefined;
export function getDb(): GuardDb {
  shared ??= new GuardDb();
  return shared;
}
