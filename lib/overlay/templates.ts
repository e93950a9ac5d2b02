import {
  DEFAULT_TEMPLATES,
  KIND_LABELS,
  TEMPLATE_KINDS,
  renderTemplate,
  searchTemplates,
  templateSchema,
  variableSpecs,
  type Template,
  type RenderedPoll,
} from '../templates';
import type { SessionData } from '../messages/protocol';
import type { Translate } from '../i18n';

/** A template as the picker lists it, with the values the group settings already provide. */
export interface TemplateView {
  id: string;
  title: string;
  kind: string;
  kindLabel: string;
  isPoll: boolean;
  pinAfterSend: boolean;
  variables: { name: string; label: string; fromSettings: boolean; value: string; type: string }[];
}

export interface RenderedForInsert {
  ok: boolean;
  text: string;
  missing: string[];
  poll?: RenderedPoll;
  settingsHint?: string;
}

export interface TemplateService {
  list(query: string, kind: string): Promise<TemplateView[]>;
  kinds(): { id: string; label: string }[];
  preview(id: string, values: Record<string, string>): Promise<{ ok: boolean; text: string; missing: string[] }>;
  render(id: string, values: Record<string, string>): Promise<RenderedForInsert>;
}

/** Defaults overridden by the user's own templates with the same id (stored by the dashboard). */
export function mergeLibrary(defaults: readonly Template[], user: readonly Template[]): Template[] {
  const byId = new Map(defaults.map((t) => [t.id, t]));
  for (const t of user) byId.set(t.id, t);
  return [...byId.values()];
}

/** Values the group settings already know ({thon}, {xa}, …), so the admin only fills the rest. */
export function groupValues(session: SessionData | null): Record<string, string> {
  const g = session?.group;
  if (!g) return {};
  const out: Record<string, string> = { thon: g.thon, xa: g.xa, tinh: g.tinh, to_truong: g.leaderName, sdt: g.leaderPhone };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v));
}

/** Settings the admin checks in Zalo's dialog (the deadline is entered for them, see fillPollDeadline). */
function pollSettingsHint(poll: RenderedPoll, t: Translate): string {
  const s = poll.settings;
  const parts = [
    s.multipleChoice && 'chọn nhiều phương án',
    s.allowAddOptions && 'cho phép thêm phương án',
    s.anonymous && 'ẩn danh',
    s.hideResults && 'ẩn kết quả',
  ].filter(Boolean);
  void t;
  return parts.join(', ');
}

export function createTemplateService(deps: {
  /** The user's own templates as stored by the dashboard (JSON validated here). */
  userRows: () => Promise<{ id: string; json: string }[]>;
  sessionData: () => SessionData | null;
  t: Translate;
}): TemplateService {
  let library: Template[] | null = null;

  async function load(): Promise<Template[]> {
    if (library) return library;
    let user: Template[] = [];
    try {
      const rows = await deps.userRows();
      user = rows.flatMap((r) => {
        try {
          const parsed = templateSchema.safeParse(JSON.parse(r.json));
          return parsed.success ? [parsed.data] : [];
        } catch {
          return [];
        }
      });
    } catch {
      // Background unavailable: the built-in library still works.
    }
    library = mergeLibrary(DEFAULT_TEMPLATES, user);
    return library;
  }

  const find = async (id: string) => (await load()).find((t) => t.id === id);

  async function render(id: string, values: Record<string, string>): Promise<RenderedForInsert> {
    const tpl = await find(id);
    if (!tpl) return { ok: false, text: '', missing: [id] };
    const merged = { ...groupValues(deps.sessionData()), ...Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '')) };
    const res = renderTemplate(tpl, merged);
    if (!res.ok) return { ok: false, text: '', missing: [...res.missing, ...res.invalid.map((i) => i.message), ...res.unknown] };
    if (res.poll) {
      const text = [res.poll.question, ...res.poll.options.map((o, i) => `${i + 1}. ${o}`)].join('\n');
      return { ok: true, text, missing: [], poll: res.poll, settingsHint: pollSettingsHint(res.poll, deps.t) };
    }
    return { ok: true, text: res.lines.join('\n'), missing: [] };
  }

  return {
    async list(query, kind) {
      const all = await load();
      const found = query.trim() || kind ? searchTemplates(all, query, kind ? (kind as Template['kind']) : undefined) : all;
      const known = groupValues(deps.sessionData());
      return found.map((tpl) => ({
        id: tpl.id,
        title: tpl.title,
        kind: tpl.kind,
        kindLabel: KIND_LABELS[tpl.kind],
        isPoll: Boolean(tpl.poll),
        pinAfterSend: tpl.pinAfterSend,
        variables: variableSpecs(tpl).map((v) => ({
          name: v.name,
          label: v.label,
          fromSettings: v.source === 'group' && Boolean(known[v.name]),
          value: known[v.name] ?? v.default ?? '',
          type: v.type,
        })),
      }));
    },
    kinds: () => TEMPLATE_KINDS.map((k) => ({ id: k, label: KIND_LABELS[k] })),
    async preview(id, values) {
      const r = await render(id, values);
      return { ok: r.ok, text: r.text, missing: r.missing };
    },
    render,
  };
}
