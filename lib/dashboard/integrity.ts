import type { ChainReport, LogProblem } from '../log/verify';

export type IntegrityProblem = { chainId: string; group: string; seq: number; reason: LogProblem['reason'] };
export type IntegritySummary =
  | { ok: true; chains: number; entries: number; purgedTexts: number }
  | { ok: false; chains: number; entries: number; problems: IntegrityProblem[] };

/** verifyLog reports → what the page says; the first problem of each chain is the one to look at. */
export function summarizeIntegrity(reports: readonly ChainReport[], names: ReadonlyMap<string, string>): IntegritySummary {
  const entries = reports.reduce((n, r) => n + r.entries, 0);
  const problems: IntegrityProblem[] = [];
  for (const r of reports) {
    if (r.ok || !r.problems.length) continue;
    const first = [...r.problems].sort((a, b) => a.seq - b.seq)[0];
    problems.push({ chainId: r.chainId, group: names.get(r.chainId) ?? r.chainId, seq: first.seq, reason: first.reason });
  }
  if (!problems.length) {
    return { ok: true, chains: reports.length, entries, purgedTexts: reports.reduce((n, r) => n + r.purgedTexts, 0) };
  }
  return { ok: false, chains: reports.length, entries, problems };
}
