/**
 * uid → display name, learned from everything the page shows: sender labels on bubbles (the uid
 * comes from the bubble's data-qid), the member list and mention entries when they carry a uid.
 * Zalo prints a name only on the first bubble of a run, and that bubble is often outside the ~45
 * rendered ones, so later bubbles are named from here instead of from a neighbour (which can be
 * another person's run after recycling).
 */
export interface SenderDirectory {
  note(uid: string | undefined, name: string | undefined): void;
  nameOf(uid: string | undefined): string | undefined;
  readonly size: number;
}

/** Enough for a large village group plus turnover; oldest entries are dropped first. */
const DEFAULT_LIMIT = 5000;

export function createSenderDirectory(limit = DEFAULT_LIMIT): SenderDirectory {
  const names = new Map<string, string>();
  return {
    note(uid, name) {
      if (!uid || !name) return;
      if (names.get(uid) === name) return;
      names.delete(uid);
      names.set(uid, name);
      if (names.size > limit) names.delete(names.keys().next().value as string);
    },
    nameOf(uid) {
      return uid ? names.get(uid) : undefined;
    },
    get size() {
      return names.size;
    },
  };
}

/** A uid an element exposes directly (`data-uid`, or an id such as `member-item-<uid>`), if any. */
export function uidAttribute(el: Element): string | undefined {
  const direct = el.getAttribute('data-uid') ?? el.getAttribute('data-mention-uid');
  if (direct) return direct;
  const m = /(?:^|[-_])(?:item|uid|member)[-_](\d{6,})$/.exec(el.id);
  return m?.[1];
}
