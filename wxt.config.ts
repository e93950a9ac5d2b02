import { defineConfig } from 'wxt';
import { OPEN_TEMPLATES_COMMAND, OPEN_TEMPLATES_SHORTCUT } from './lib/shortcuts';

// Manifest is a function of the target so Firefox-only keys never reach the Chrome build.
// The polyfill module makes `wxt/browser` Mozilla's webextension-polyfill in every build, so the
// promise-based `browser` API behaves the same in Chromium-based browsers and in Firefox.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  webExt: { disabled: true },
  zip: { artifactTemplate: '{{name}}-{{version}}-{{browser}}-{{manifestVersion}}.zip' },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: '__MSG_extShortName__',
    description: '__MSG_extDescription__',
    default_locale: 'vi',
    permissions: ['storage'],
    host_permissions: ['https://chat.zalo.me/*'],
    action: { default_title: '__MSG_extName__' },
    options_ui: { page: 'dashboard.html', open_in_tab: true },
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    commands: {
      // Shift+Alt+T is Chromium's "focus toolbar", so Chromium never assigns it. Alt+Shift+Y is free in
      // Chromium and Firefox on Windows, Linux and macOS (and not Unikey/EVKey's Alt+Z switch).
      [OPEN_TEMPLATES_COMMAND]: {
        suggested_key: { default: OPEN_TEMPLATES_SHORTCUT },
        description: '__MSG_cmdOpenTemplates__',
      },
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'zalo-group-guard@tocns.vn',
          strict_min_version: '128.0',
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
});
