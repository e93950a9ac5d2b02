import type { ComponentType } from 'react';
import { useDash } from './context';
import { GlobalForm } from './settings/GlobalForm';
import { GroupsSection } from './settings/GroupsSection';
import { BlocklistSection } from './settings/BlocklistSection';
import { SelectorPackSection } from './SelectorPackSection';

/**
 * The sections of the Settings tab, in order. Each is one component in components/dashboard/settings/
 * that reads and writes through lib/; a new section is one file plus one line here.
 */
export const SETTINGS_SECTIONS: readonly { id: string; Component: ComponentType }[] = [
  { id: 'global', Component: GlobalForm },
  { id: 'groups', Component: GroupsSection },
  { id: 'blocklists', Component: BlocklistSection },
  { id: 'selector-packs', Component: SelectorPackSection },
];

export function SettingsView() {
  const { t } = useDash();
  return (
    <section aria-labelledby="set-h">
      <h2 id="set-h">{t('set.title')}</h2>
      {SETTINGS_SECTIONS.map(({ id, Component }) => (
        <Component key={id} />
      ))}
    </section>
  );
}
