/** Steps of the escalation ladder, in the words of the regulation ("nhắc nhở" … "mời ra khỏi nhóm"). */
export const LADDER_STEPS = ['remind', 'warn', 'propose-removal'] as const;
export type LadderStep = (typeof LADDER_STEPS)[number];
