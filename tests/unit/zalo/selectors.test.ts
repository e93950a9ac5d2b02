import { describe, expect, it } from 'vitest';
import { AREA_IDS, SELECTORS, SELECTOR_KEYS, validateSelectorTable, type SelectorTable } from '@/lib/zalo/selectors';

describe('SELECTORS table', () => {
  it('has no invalid, empty, numbered-tag or inline-style candidates', () => {
    expect(validateSelectorTable(SELECTORS, document)).toEqual([]);
  });

  it.each([
    'appReady', 'conversationList', 'conversationItem', 'selectedConversation', 'chatView', 'header', 'headerTitle',
    'memberCount', 'messageList', 'bubble', 'bubbleText', 'quoteBlock', 'textSpan', 'textLink', 'linkPreview', 'photo',
    'file', 'sticker', 'senderName', 'sendTime', 'receivedMarker', 'sentMarker', 'composer', 'sendButton',
    'moreMenuButton', 'pollMenuItem', 'pollDialog', 'pollQuestion', 'pollOptionInput', 'pollAddOption', 'pollCreate',
    'hoverMoreButton', 'menuItem', 'pinnedBar', 'pinnedItem', 'pinnedMore', 'memberPanelToggle', 'memberListEntry',
    'memberRow', 'systemLine', 'pollNotice',
  ])('defines %s with a known area and at least one candidate', (key) => {
    expect(SELECTOR_KEYS).toContain(key);
    const entry = (SELECTORS as SelectorTable)[key]!;
    expect(AREA_IDS).toContain(entry.area);
    expect(entry.candidates.length).toBeGreaterThan(0);
    expect(entry.description.length).toBeGreaterThan(5);
  });

  it('puts the stable anchors (ids, data-id, icon) first for the high-confidence parts', () => {
    expect(SELECTORS.appReady.candidates[0]).toBe('#app-page');
    expect(SELECTORS.messageList.candidates[0]).toBe('#messageViewScroll');
    expect(SELECTORS.bubble.candidates[0]).toBe('[id^="bb_msg_id_"]');
    expect(SELECTORS.bubbleText.candidates[0]).toBe('[data-id$="Msg_Text"]');
    expect(SELECTORS.composer.candidates[0]).toBe('#richInput[contenteditable="true"]');
    expect(SELECTORS.sendButton.candidates[0]).toBe('[icon="Sent-msg_24_Line"]');
  });

  it.each<[string, SelectorTable, string]>([
    ['invalid CSS', { a: { area: 'poll', description: 'x', when: 'state', candidates: ['div[data-id='] } }, 'invalid-css'],
    ['numbered custom tag', { a: { area: 'poll', description: 'x', when: 'state', candidates: ['.card div > span-15'] } }, 'numbered-custom-tag'],
    ['numbered div tag', { a: { area: 'poll', description: 'x', when: 'state', candidates: ['div-14.popover'] } }, 'numbered-custom-tag'],
    ['inline style', { a: { area: 'poll', description: 'x', when: 'state', candidates: ['div[style*="overflow: scroll"]'] } }, 'inline-style'],
    ['empty candidate', { a: { area: 'poll', description: 'x', when: 'state', candidates: ['  '] } }, 'empty'],
    ['no candidates', { a: { area: 'poll', description: 'x', when: 'state', candidates: [] } }, 'no-candidates'],
    ['unknown area', { a: { area: 'chat' as never, description: 'x', when: 'state', candidates: ['#a'] } }, 'unknown-area'],
  ])('reports %s', (_name, table, problem) => {
    const problems = validateSelectorTable(table, document);
    expect(problems.map((p) => p.problem)).toContain(problem);
    expect(problems.every((p) => p.key === 'a')).toBe(true);
  });
});
