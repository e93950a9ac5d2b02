/** The one keyboard command; its suggested key lives here so the manifest, popup and tests agree. */
export const OPEN_TEMPLATES_COMMAND = 'open-templates';
export const OPEN_TEMPLATES_SHORTCUT = 'Alt+Shift+Y';

/** Where each browser lets the user assign or change an extension's shortcuts. */
export const SHORTCUT_PAGES = {
  chromium: 'chrome://extensions/shortcuts',
  firefox: 'about:addons',
} as const;
export type BrowserFamily = keyof typeof SHORTCUT_PAGES;

export interface CommandInfo {
  name?: string;
  shortcut?: string;
}

/**
 * The shortcut actually assigned to the templates command, or '' when the browser left it
 * unassigned (another extension or the browser holds the key, or the user cleared it).
 */
export function assignedShortcut(commands: readonly CommandInfo[]): string {
  return commands.find((c) => c.name === OPEN_TEMPLATES_COMMAND)?.shortcut?.trim() ?? '';
}
