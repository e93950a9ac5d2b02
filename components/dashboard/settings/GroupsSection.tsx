import { useEffect, useState } from 'react';
import { listKnownGroups, type KnownGroup } from '@/lib/dashboard/groups';
import { useDash } from '../context';
import { GroupEditor } from './GroupEditor';

/** Picks a known group and edits it. */
export function GroupsSection() {
  const { db, t } = useDash();
  const [groups, setGroups] = useState<KnownGroup[] | null>(null);
  const [selected, setSelected] = useState<string>('');
  const reload = () =>
    listKnownGroups(db).then((g) => {
      setGroups(g);
      setSelected((s) => s || g[0]?.threadId || '');
    });
  useEffect(() => {
    void reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db]);
  const group = groups?.find((g) => g.threadId === selected);
  return (
    <section aria-labelledby="set-groups-h">
      <h3 id="set-groups-h">{t('grp.title')}</h3>
      {groups === null ? (
        <p className="muted">{t('common.loading')}</p>
      ) : groups.length === 0 ? (
        <p className="muted">{t('grp.none')}</p>
      ) : (
        <>
          <label>
            {t('grp.choose')}
            <select value={selected} onChange={(e) => setSelected(e.target.value)} data-testid="grp-select">
              {groups.map((g) => (
                <option key={g.threadId} value={g.threadId}>
                  {g.name}
                  {g.configured ? '' : ` (${t('grp.notConfigured')})`}
                </option>
              ))}
            </select>
          </label>
          {group && <GroupEditor key={group.threadId} group={group} onSaved={() => void reload()} />}
        </>
      )}
    </section>
  );
}
