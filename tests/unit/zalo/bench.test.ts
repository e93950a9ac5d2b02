import { describe, expect, it } from 'vitest';
import { benchReadBubbles } from '@/lib/zalo/bench';
import * as api from '@/lib/zalo';
import { listBubbles, queryOne } from '@/lib/zalo';
import { parseFixture } from './helpers';

describe('benchReadBubbles (run inside the page by npm run bench)', () => {
  it.each(['normal', 'drift'] as const)('reads every bubble of the %s snapshot and reports a per-bubble cost', (name) => {
    const doc = parseFixture(name);
    const res = benchReadBubbles(doc, 5);
    expect(res.count).toBe(listBubbles(queryOne(doc, 'messageList')?.el ?? doc).length);
    expect(res.count).toBe(13);
    expect(Number.isFinite(res.perBubbleUs) && res.perBubbleUs > 0).toBe(true);
  });

  it('handles a page without bubbles', () => {
    expect(benchReadBubbles(document.implementation.createHTMLDocument(''), 3)).toMatchObject({ count: 0, perBubbleUs: 0 });
  });
});

describe('public API of lib/zalo', () => {
  it('is exactly this list (a change to the adapter surface is deliberate), with no benchmark code', () => {
    expect(Object.keys(api).sort()).toEqual([
      'AREA_IDS', 'HIGHLIGHT_ATTR', 'MAX_PACK_BYTES', 'PIN_LABELS', 'POLL_LABELS', 'SELECTORS', 'SELECTOR_KEYS',
      'SELECTOR_PACK_FORMAT', 'SELECTOR_PACK_VERSION', 'activePack', 'applySelectorPack', 'areaHealth', 'candidatesOf',
      'clearComposer', 'cliMsgIdFromDomId', 'cliMsgIdOf', 'clickLikeUser', 'clickMenuItem', 'closeMenus', 'composerDraft',
      'createSenderDirectory', 'currentThread', 'diagnose', 'diagnosisSchema', 'exportSkeleton', 'fillPoll', 'fillPollDeadline',
      'findBubbleByText', 'findComposer', 'findMenuItem', 'findPollDialog', 'health', 'highlightForManual', 'hover',
      'insertIntoComposer', 'insertMention', 'isReady', 'listBubbles', 'listMembers', 'listMentionItems', 'maskDigits',
      'mentionItemName', 'normalizeLine', 'normalizeText', 'onThreadChange', 'openMemberPanel', 'openMessageMenu',
      'openPollDialog', 'packCandidateCount', 'parseMemberCount', 'parseMorePins', 'parseQid', 'parseSelectorPack',
      'parseSelectorPackText', 'pinMessage', 'pinnedShows', 'queryAll', 'queryOne', 'readAllMembers', 'readBubble',
      'readBubbleQuote', 'readDirection', 'readPinnedBar', 'readSenderName', 'readText', 'sameText',
      'selectorPackSchema', 'senderUidOf', 'setNativeValue', 'setSelectorOverrides', 'uidAttribute', 'urlsInText',
      'validateSelectorTable', 'waitFor', 'watchBubbles', 'whenReady',
    ]);
    expect(Object.keys(api).some((k) => /bench/i.test(k))).toBe(false);
  });
});
