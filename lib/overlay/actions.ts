import type { Feature } from './feature';
import type { PanelActions } from './core';
import type { FEATURES } from './features';

export type { InsertOutcome, PanelActions } from './core';
export type { RecordableAction } from './features/moderation';
export type { TemplateView } from './templates';
export type { StrikeInfo } from '../messages/protocol';

type ActionsOf<F> = F extends Feature<infer A> ? A : never;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/**
 * Everything the overlay UI can ask for: the panel's own actions plus each registered feature's
 * `actions`, derived from the registry so a feature's actions need no second declaration.
 */
export type OverlayActions = PanelActions & UnionToIntersection<ActionsOf<(typeof FEATURES)[number]>>;
