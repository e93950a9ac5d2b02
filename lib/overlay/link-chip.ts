/**
 * The quiet grey chip on a bubble with unverified links ("Link chưa xác minh"): not a flag, not a strike. One click
 * trusts the site for the group. Own shadow root (all: initial) like the flag badge, so neither side's CSS leaks.
 */
const CHIP_TAG = 'zgg-link-chip';

const CHIP_CSS = `
:host { all: initial; display: block; margin-top: 4px; font: 12px/1.4 'Segoe UI', Roboto, Arial, sans-serif; color: #4a4a4a; }
.chip { display: inline-flex; flex-wrap: wrap; align-items: center; gap: 6px; padding: 2px 8px; border-radius: 10px; background: #eeeeee; }
button { font: inherit; color: #1a4f8b; background: none; border: 0; padding: 0; cursor: pointer; text-decoration: underline; }
button:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
`;

export interface LinkChipInfo {
  /** "Link chưa xác minh: langgom.vn" */
  text: string;
  /** One trust button per site. */
  sites: ReadonlyArray<{ domain: string; button: string; label: string }>;
  onTrust: (domain: string) => void;
}

export function setLinkChip(doc: Document, bubble: HTMLElement, info: LinkChipInfo): void {
  let host = bubble.querySelector<HTMLElement>(`:scope > ${CHIP_TAG}`);
  if (!host) {
    host = doc.createElement(CHIP_TAG);
    const shadow = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = CHIP_CSS;
    shadow.append(style);
    bubble.append(host);
  }
  const shadow = host.shadowRoot;
  if (!shadow) return;
  shadow.querySelector('.chip')?.remove();
  const chip = doc.createElement('span');
  chip.className = 'chip';
  chip.setAttribute('role', 'note');
  const label = doc.createElement('span');
  label.textContent = info.text;
  chip.append(label);
  for (const site of info.sites) {
    const button = doc.createElement('button');
    button.type = 'button';
    button.textContent = site.button;
    button.setAttribute('aria-label', site.label);
    button.dataset.domain = site.domain;
    button.onclick = (e) => {
      e.stopPropagation();
      button.disabled = true;
      info.onTrust(site.domain);
    };
    chip.append(button);
  }
  shadow.append(chip);
}

export function clearLinkChip(bubble: HTMLElement): void {
  bubble.querySelector(`:scope > ${CHIP_TAG}`)?.remove();
}
