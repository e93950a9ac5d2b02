import type { DashKey } from '../i18n/dashboard';

/**
 * Form label of every settings field by its schema path: the one place error messages ("Lỗi ở «…»")
 * and forms take field names from.
 */
export const FIELD_LABELS: Record<string, DashKey> = {
  adminName: 'set.adminName',
  language: 'set.language',
  retentionDays: 'set.retention',
  'redaction.phones': 'set.redactPhones',
  'redaction.idNumbers': 'set.redactIds',
  'ladder.steps': 'set.ladderSteps',
  'ladder.immediateCategories': 'set.immediate',
  'ladder.strikeWindowDays': 'set.strikeWindow',
  'place.thon': 'grp.thon',
  'place.xa': 'grp.xa',
  'place.tinh': 'grp.tinh',
  name: 'grp.name',
  thon: 'grp.thon',
  xa: 'grp.xa',
  tinh: 'grp.tinh',
  leaderName: 'grp.leaderName',
  leaderPhone: 'grp.leaderPhone',
  'overrides.allowedTerms': 'grp.allowedTerms',
  'overrides.allowDomains': 'grp.allowDomains',
  'overrides.ownInvites': 'grp.ownInvites',
  'overrides.blockDomains': 'grp.blockDomains',
  'overrides.disabledCategories': 'grp.enabledCol',
  'overrides.severity': 'grp.severityCol',
  'overrides.extraTerms': 'grp.extraCol',
};

/** The label key for a field path ("overrides.blockDomains" for "overrides.blockDomains[2]"), if known. */
export function fieldLabelKey(field: string): DashKey | undefined {
  const base = Object.keys(FIELD_LABELS).find((k) => field === k || field.startsWith(`${k}.`));
  return base ? FIELD_LABELS[base] : undefined;
}
