import { describe, expect, it } from 'vitest';
import { benchReadBubbles } from '@/lib/zalo/bench';
import * as api from '@/lib/zalo';
import { parseFixture } from './helpers';

describe('benchReadBubbles', () => {
  it.each(['normal', 'drift'] as const)('measures the %s snapshot', (name) => {
    const res = benchReadBubbles(parseFixture(name), 5);
    expect(res.count).toBe(13);
    expect(res.perBubbleUs).toBeGreaterThan(0);
    expect(res.scanMs).toBeGreaterThanOrEqual(0);
  });

  it('handles a page without bubbles', () => {
    expect(benchReadBubbles(document.implementation.createHTMLDocument(''), 3)).toMatchObject({ count: 0, perBubbleUs: 0 });
  });
});

describe('public API', () => {
  it.each([
    'SELECTORS', 'validateSelectorTable', 'queryOne', 'queryAll', 'health', 'areaHealth', 'isReady', 'whenReady',
    'currentThread', 'listBubbles', 'readBubble', 'readBubbleQuote', 'cliMsgIdOf', 'watchBubbles', 'onThreadChange',
    'insertIntoComposer', 'clearComposer', 'findBubbleByText', 'openMessageMenu', 'clickMenuItem', 'pinMessage',
    'readPinnedBar', 'openPollDialog', 'fillPoll', 'openMemberPanel', 'listMembers', 'benchReadBubbles',
  ])('exports %s', (name) => {
    expect(typeof (api as Record<string, unknown>)[name]).not.toBe('undefined');
  });
});
