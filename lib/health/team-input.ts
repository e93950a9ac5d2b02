import type { LogEntry } from '../log/schema';
import type { Period } from '../reports/period';
import { summarize } from '../reports/summary';
import { provinceDeadline } from './cadence';
import type { GroupHealth } from './store';
import { matchRoster } from './roster';
import { provinceRuleOf } from './province';
import { buildTeamReport, type TeamReport } from './team-report';

/** The team report of one group for a period, from its log and its health record. */
export function teamReportFor(entries: readonly LogEntry[], period: Period, tinh: string, health: GroupHealth, now: Date): TeamReport {
  const rule = provinceRuleOf(tinh);
  const members = health.members?.names;
  return buildTeamReport({
    summary: summarize(entries, period),
    deadline: provinceDeadline(rule, period).label,
    members: members?.length,
    roster: health.roster && members ? matchRoster(health.roster.households, members) : undefined,
    checklist: health.checklist,
    now,
  });
}
