import type { GuardDb } from '../db/db';
import type { Place } from '../log/schema';
import { groupSettingsSchema } from '../settings/schema';

export type KnownGroup = { threadId: string; name: string; place: Place; configured: boolean; entries: number };

/**
 * Groups the dashboard can filter and report on: configured groups (db.groups) plus every chain in
 * the log (a group may have been checked before anyone opened its settings). Names and places come
 * from the settings when present, else from the chain's newest entry.
 */
export async function listKnownGroups(db: GuardDb): Promise<KnownGroup[]> {
  const [rows, heads] = await Promise.all([db.groups.toArray(), db.heads.toArray()]);
  const out = new Map<string, KnownGroup>();
  for (const row of rows) {
    const g = groupSettingsSchema.safeParse(row);
    if (!g.success) continue;
    out.set(g.data.threadId, {
      threadId: g.data.threadId,
      name: g.data.name || g.data.threadId,
      place: { thon: g.data.thon, xa: g.data.xa, tinh: g.data.tinh },
      configured: true,
      entries: 0,
    });
  }
  for (const head of heads) {
    const last = await db.log.get([head.chainId, head.seq]);
    const known = out.get(head.chainId);
    if (known) {
      known.entries = head.seq;
      // Field by field: settings prefilled from a group's name may know the thôn but not the tỉnh.
      if (last) known.place = fillPlace(known.place, last.place);
      if (known.name === known.threadId && last?.group.name) known.name = last.group.name;
      continue;
    }
    out.set(head.chainId, {
      threadId: head.chainId,
      name: last?.group.name || head.chainId,
      place: last ? { ...last.place } : { thon: '', xa: '', tinh: '' },
      configured: false,
      entries: head.seq,
    });
  }
  return [...out.values()].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

function fillPlace(own: Place, fallback: Place): Place {
  return { thon: own.thon || fallback.thon, xa: own.xa || fallback.xa, tinh: own.tinh || fallback.tinh };
}

/** "thôn Đông" for file names and headings; keeps "Thôn Đông"/"TDP 3" as typed. */
export function unitName(place: Place): string {
  const thon = place.thon.trim();
  if (thon) return /^(thôn|thon|tdp|tổ|to|khu|xóm|xom|bản|ban|ấp|ap)\b/iu.test(thon) ? thon : `thôn ${thon}`;
  const xa = place.xa.trim();
  if (xa) return /^(xã|xa|phường|phuong|thị trấn)\b/iu.test(xa) ? xa : `xã ${xa}`;
  return '';
}
