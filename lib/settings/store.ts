import type { GuardDb } from '../db/db';
import {
  DEFAULT_GLOBAL_SETTINGS,
  defaultGroupSettings,
  globalSettingsSchema,
  groupSettingsSchema,
  type GlobalSettings,
  type GlobalSettingsInput,
  type GroupSettings,
  type GroupSettingsInput,
} from './schema';

/** Stored settings re-parsed on read, so rows from an older version pick up new defaults. */
export async function loadGlobalSettings(db: GuardDb): Promise<GlobalSettings> {
  const row = await db.settings.get('global');
  if (!row) return DEFAULT_GLOBAL_SETTINGS;
  const { id: _id, ...rest } = row;
  const parsed = globalSettingsSchema.safeParse(rest);
  return parsed.success ? parsed.data : DEFAULT_GLOBAL_SETTINGS;
}

export async function saveGlobalSettings(db: GuardDb, input: GlobalSettingsInput): Promise<GlobalSettings> {
  const value = globalSettingsSchema.parse(input);
  await db.settings.put({ ...value, id: 'global' });
  return value;
}

export async function loadGroupSettings(db: GuardDb, threadId: string): Promise<GroupSettings> {
  const row = await db.groups.get(threadId);
  const parsed = row ? groupSettingsSchema.safeParse(row) : undefined;
  return parsed?.success ? parsed.data : defaultGroupSettings(threadId);
}

export async function saveGroupSettings(db: GuardDb, input: GroupSettingsInput): Promise<GroupSettings> {
  const value = groupSettingsSchema.parse(input);
  await db.groups.put(value);
  return value;
}

export async function listGroups(db: GuardDb): Promise<GroupSettings[]> {
  return db.groups.toArray();
}
