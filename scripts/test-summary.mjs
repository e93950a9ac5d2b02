// Prints one closing line "N passed, M failed" summing the Vitest and Playwright JSON reports.
// A missing or unreadable report counts as a failure: CI must never go green on no tests.
import { readFileSync } from 'node:fs';

function read(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

/** Playwright's per-test outcome counts for each project (the Chromium and the firefox-esr suites). */
function e2eByProject(report) {
  const counts = {};
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        const c = (counts[t.projectName || 'default'] ??= { expected: 0, unexpected: 0, flaky: 0, skipped: 0 });
        if (t.status in c) c[t.status] += 1;
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites ?? []) walk(suite);
  return counts;
}

let passed = 0;
let failed = 0;
let skipped = 0;
let broken = false;

const unit = read('test-results/unit.json');
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  skipped += unit.numPendingTests + (unit.numTodoTests ?? 0);
  console.log(`unit: ${unit.numPassedTests} passed, ${unit.numFailedTests} failed`);
  if (unit.numFailedTestSuites > 0 && unit.numFailedTests === 0) {
    console.log(`unit: ${unit.numFailedTestSuites} test file(s) failed to load`);
    failed += unit.numFailedTestSuites;
  }
} else {
  console.log('unit: report missing');
  broken = true;
}

const e2e = read('test-results/e2e.json');
if (e2e) {
  const s = e2e.stats;
  passed += s.expected;
  failed += s.unexpected + s.flaky;
  skipped += s.skipped;
  console.log(`e2e: ${s.expected} passed, ${s.unexpected + s.flaky} failed`);
  for (const [project, c] of Object.entries(e2eByProject(e2e))) {
    console.log(`  ${project}: ${c.expected} passed, ${c.unexpected + c.flaky} failed`);
  }
  if (e2e.errors?.length) {
    console.log(`e2e: ${e2e.errors.length} error(s) outside tests`);
    failed += e2e.errors.length;
  }
} else {
  console.log('e2e: report missing');
  broken = true;
}

if (broken) failed += 1;
// The last line is exactly "N passed, M failed" (CI reads it); skipped tests are reported just above.
if (skipped) console.log(`skipped: ${skipped} (tests whose input is not on this machine, e.g. ../shared/corpus)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
