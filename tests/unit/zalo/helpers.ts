import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export type FixtureName = 'normal' | 'drift';

export function fixtureHtml(name: FixtureName): string {
  return readFileSync(resolve(process.cwd(), 'tests/unit/zalo/fixtures', `${name}.html`), 'utf8');
}

/** A standalone parsed document (no window): enough for the pure readers and the health check. */
export function parseFixture(name: FixtureName): Document {
  return new DOMParser().parseFromString(fixtureHtml(name), 'text/html');
}

/** Loads a fixture into the live test document (has a window: observers, events, timers). */
export function loadFixture(name: FixtureName, doc: Document = document): Document {
  const parsed = parseFixture(name);
  doc.body.innerHTML = parsed.body.innerHTML;
  return doc;
}

export function byFixture(doc: Document, id: string): HTMLElement {
  const el = doc.querySelector<HTMLElement>(`[data-fixture="${id}"]`);
  if (!el) throw new Error(`fixture element ${id} missing`);
  return el;
}

export function html(doc: Document, markup: string): HTMLElement {
  const t = doc.createElement('template');
  t.innerHTML = markup.trim();
  const el = t.content.firstElementChild;
  if (!el) throw new Error('empty markup');
  return el as HTMLElement;
}

/** Waits for queued microtasks, animation frames and short timers. */
export function settle(ms = 30): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
