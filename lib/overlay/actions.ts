import type { LadderStep } from '../settings/schema';
import type { LogEntry } from '../log/schema';
import type { CategoryId } from '../rules/categories';

export type RecordableAction = 'deleted' | 'removed' | 'dismissed' | 'note' | 'remind' | 'warn' | 'propose-removal';

export interface StrikeInfo {
  count: number;
  entries: Pick<LogEntry, 'time' | 'category' | 'action' | 'seq'>[];
  nextStep: 'remind' | 'warn' | 'propose-removal';
  similarity?: number;
}

export interface InsertOutcome {
  ok: boolean;
  method: 'composer' | 'clipboard' | 'none';
  message: string;
}

export interface TemplateView {
  id: string;
  title: string;
  kind: string;
  kindLabel: string;
  isPoll: boolean;
  pinAfterSend: boolean;
  variables: { name: string; label: string; fromSettings: boolean; value: string; type: string }[];
}

/** Everything the overlay UI can ask the content script to do. Implemented in lib/overlay/controller.ts. */
export interface OverlayActions {
  togglePanel(open?: boolean): void;
  openCard(cliMsgId: string | null): void;
  jumpTo(cliMsgId: string): boolean;
  /**
   * Inserts the words of a ladder step (reminder, warning, removal proposal) for the admin to send;
   * an unsent draft is kept, the words go after it.
   */
  remind(cliMsgId: string, step?: LadderStep): Promise<InsertOutcome>;
  openMessageMenu(cliMsgId: string): Promise<boolean>;
  openMembers(): Promise<boolean>;
  record(
    cliMsgId: string,
    action: RecordableAction,
    opts?: { note?: string; allowTerms?: string[]; categories?: CategoryId[] },
  ): Promise<void>;
  strikes(cliMsgId: string): Promise<StrikeInfo>;
  history(): Promise<LogEntry[]>;
  openDashboard(): void;
  togglePicker(open?: boolean): void;
  listTemplates(query: string, kind: string): Promise<TemplateView[]>;
  templateKinds(): { id: string; label: string }[];
  preview(id: string, values: Record<string, string>): Promise<{ ok: boolean; text: string; missing: string[] }>;
  insertTemplate(id: string, values: Record<string, string>): Promise<InsertOutcome>;
  pinLastSent(): Promise<InsertOutcome>;
}
