import { describe, expect, it } from 'vitest';
import { areaHealth, health, type SelectorHealth } from '@/lib/zalo/health';
import { parseFixture } from './helpers';

function statusOf(rows: SelectorHealth[], key: string): SelectorHealth | undefined {
  return rows.find((r) => r.key === key);
}

describe('health', () => {
  it('reports every app/chat anchor as matched on the normal snapshot', () => {
    const report = health(parseFixture('normal'));
    expect(report.appReady).toBe(true);
    expect(report.chatOpen).toBe(true);
    expect(report.selectors.filter((r) => r.status === 'failed')).toEqual([]);
    expect(report.selectors.filter((r) => r.status === 'fallback').map((r) => r.key)).toEqual([]);
    expect(areaHealth(report).map((f) => [f.area, f.status])).toEqual([
      ['app', 'ok'], ['read-messages', 'ok'], ['thread-info', 'ok'], ['composer', 'ok'],
      ['pin', 'ok'], ['poll', 'ok'], ['members', 'ok'], ['pinned-bar', 'ok'],
    ]);
  });

  it.each<[string, SelectorHealth['status'], number?]>([
    ['appReady', 'fallback', 1],
    ['messageList', 'fallback', 1],
    ['headerTitle', 'fallback', 2],
    ['bubbleText', 'fallback', 1],
    ['photo', 'fallback', 1],
    ['linkPreview', 'fallback', 1],
    ['sentMarker', 'fallback', 1],
    ['receivedMarker', 'fallback', 1],
    ['composer', 'fallback', 1],
    ['sendButton', 'fallback', 1],
    ['conversationItem', 'fallback', 1],
    ['memberPanelToggle', 'fallback', 1],
    ['moreMenuButton', 'failed'],
    ['bubble', 'matched', 0],
    ['pollDialog', 'not-applicable'],
    ['hoverMoreButton', 'not-applicable'],
  ])('drift snapshot: %s is %s', (key, status, candidate) => {
    const row = statusOf(health(parseFixture('drift')).selectors, key);
    expect(row?.status).toBe(status);
    expect(row?.candidate).toBe(candidate);
  });

  it('summarises drift per area for the status chip', () => {
    const areas = areaHealth(health(parseFixture('drift')));
    const byId = Object.fromEntries(areas.map((f) => [f.area, f]));
    expect(byId['read-messages']?.status).toBe('degraded');
    expect(byId['composer']?.status).toBe('degraded');
    expect(byId['poll']?.status).toBe('broken');
    expect(byId['poll']?.failed).toEqual(['moreMenuButton']);
    expect(byId['pinned-bar']?.status).toBe('ok');
    expect(byId['members']?.missing).toContain('memberPanelToggle');
  });

  it('before login only appReady is expected, and nothing throws', () => {
    const doc = document.implementation.createHTMLDocument('');
    doc.body.innerHTML = '<div id="app"><div class="zl-splash">Đang tải…</div></div>';
    const report = health(doc);
    expect(report.appReady).toBe(false);
    expect(report.selectors.filter((r) => r.status === 'failed').map((r) => r.key)).toEqual(['appReady']);
    const app = areaHealth(report).find((f) => f.area === 'app');
    expect(app).toMatchObject({ status: 'broken', checked: 1 });
    expect(areaHealth(report).find((f) => f.area === 'pin')).toMatchObject({ status: 'ok', checked: 0 });
  });

  it('a state-only selector becomes applicable when present', () => {
    const doc = parseFixture('normal');
    doc.body.insertAdjacentHTML('beforeend', '<div class="zl-modal"><div class="zl-modal__dialog"><input placeholder="Lựa chọn 1"></div></div>');
    const rows = health(doc).selectors;
    expect(statusOf(rows, 'pollDialog')?.status).toBe('matched');
    expect(statusOf(rows, 'pollOptionInput')?.status).toBe('matched');
  });
});
