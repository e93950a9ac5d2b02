/**
 * The ONE ordered list of categories. Order follows CATEGORY_IDS (display order); a meta-test checks that
 * every id is registered exactly once, in order, and documented.
 */
import { abusiveLanguage } from './categories/abusive-language';
import { advertising } from './categories/advertising';
import { classifiedInfo } from './categories/classified-info';
import { gamblingFortune } from './categories/gambling-fortune';
import { scam } from './categories/scam';
import { sensitiveTopic } from './categories/sensitive-topic';
import { strangeLink } from './categories/strange-link';
import { unverifiedNews } from './categories/unverified-news';
import type { CategoryDefinition } from './types';

export const REGISTRY: readonly CategoryDefinition[] = [
  strangeLink,
  scam,
  advertising,
  gamblingFortune,
  sensitiveTopic,
  abusiveLanguage,
  unverifiedNews,
  classifiedInfo,
];

export function categoryDefinition(id: string): CategoryDefinition | undefined {
  return REGISTRY.find((d) => d.id === id);
}
