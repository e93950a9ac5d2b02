import { validateTemplate, type Template, type TemplateKind, type ValidationIssue, type VariableSpec } from '../templates';
import { linesToList } from './settings-form';

/** The editor's flat form model; poll options are typed one per line. */
export type TemplateDraft = {
  id: string;
  title: string;
  kind: TemplateKind;
  mode: 'body' | 'poll';
  body: string;
  question: string;
  options: string;
  multipleChoice: boolean;
  allowAddOptions: boolean;
  anonymous: boolean;
  hideResults: boolean;
  deadline: string;
  pinAfterSend: boolean;
  version: number;
  variables?: VariableSpec[];
};

export function emptyDraft(): TemplateDraft {
  return {
    id: '',
    title: '',
    kind: 'khac',
    mode: 'body',
    body: '',
    question: '',
    options: '',
    multipleChoice: false,
    allowAddOptions: false,
    anonymous: false,
    hideResults: false,
    deadline: '',
    pinAfterSend: false,
    version: 1,
  };
}

export function draftFromTemplate(t: Template): TemplateDraft {
  return {
    id: t.id,
    title: t.title,
    kind: t.kind,
    mode: t.poll ? 'poll' : 'body',
    body: t.body ?? '',
    question: t.poll?.question ?? '',
    options: (t.poll?.options ?? []).join('\n'),
    multipleChoice: t.poll?.settings.multipleChoice ?? false,
    allowAddOptions: t.poll?.settings.allowAddOptions ?? false,
    anonymous: t.poll?.settings.anonymous ?? false,
    hideResults: t.poll?.settings.hideResults ?? false,
    deadline: t.poll?.settings.deadline ?? '',
    pinAfterSend: t.pinAfterSend,
    version: t.version,
    ...(t.variables ? { variables: t.variables } : {}),
  };
}

/** Draft → the object the template schema checks (body XOR poll, as the schema wants). */
export function draftToCandidate(d: TemplateDraft): Record<string, unknown> {
  const base: Record<string, unknown> = {
    id: d.id.trim(),
    title: d.title,
    kind: d.kind,
    pinAfterSend: d.pinAfterSend,
    version: d.version,
  };
  if (d.variables) base.variables = d.variables;
  if (d.mode === 'body') base.body = d.body;
  else {
    base.poll = {
      question: d.question,
      // Blank lines are dropped but a line of spaces stays, so the schema can name it ("không được để trống").
      options: d.options.split(/\r?\n/).filter((l) => l !== ''),
      settings: {
        multipleChoice: d.multipleChoice,
        allowAddOptions: d.allowAddOptions,
        anonymous: d.anonymous,
        hideResults: d.hideResults,
        ...(d.deadline.trim() ? { deadline: d.deadline.trim() } : {}),
      },
    };
  }
  return base;
}

export type DraftCheck = { ok: true; template: Template } | { ok: false; issues: ValidationIssue[] };

export function checkDraft(d: TemplateDraft): DraftCheck {
  return validateTemplate(draftToCandidate(d));
}

/** Issues grouped by editor field: "poll.options[1]" → field "poll.options" (line 2). */
export function issuesByField(issues: readonly ValidationIssue[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const i of issues) {
    const m = /^(poll\.options)\[(\d+)\]/.exec(i.path);
    const field = m ? m[1] : i.path.replace(/\[\d+\].*$/, '') || 'id';
    const msg = m ? `dòng ${Number(m[2]) + 1}: ${i.message}` : i.message;
    out.set(field, [...(out.get(field) ?? []), msg]);
  }
  return out;
}

/** Non-empty, distinct option lines (the count shown next to the textarea). */
export const optionCount = (d: TemplateDraft): number => linesToList(d.options).length;
