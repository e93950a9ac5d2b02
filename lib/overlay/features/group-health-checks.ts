import type { Feature } from './types';
import { checkGroupName, parseGroupName, type NameCheck } from '../../health/group-name';

/**
 * The group-name part of group health, on the page: the name is read from the open thread and
 * checked against the province patterns (the content script has no group settings, so the pattern
 * the name already follows decides the province). Only a name that still names a huyện is raised:
 * a name that follows no pattern may be a group that is not the village's Tổ CNS group at all.
 */
export function pageNameCheck(name: string): NameCheck | null {
  const parsed = parseGroupName(name);
  if (!parsed) return null;
  return checkGroupName(name, parsed.pattern === 'custom' ? 'other' : parsed.pattern);
}

export const groupHealthChecksFeature: Feature = {
  id: 'group-health-checks',
  description: 'Đối chiếu tên nhóm đang mở với mẫu tên của tỉnh và gợi ý tên hai cấp khi tên còn tên huyện.',
  run({ store }, signal) {
    let last = '';
    const check = () => {
      const thread = store.get().thread;
      const name = thread?.isGroup ? thread.name : '';
      if (name === last) return;
      last = name;
      const r = name ? pageNameCheck(name) : null;
      const rename = r?.status === 'rename' && r.reason === 'huyen' ? { suggestion: r.suggestion, huyen: r.parsed.huyen ?? '' } : null;
      store.set({ groupRename: rename });
    };
    check();
    const unsubscribe = store.subscribe(check);
    signal.addEventListener('abort', unsubscribe);
  },
};
