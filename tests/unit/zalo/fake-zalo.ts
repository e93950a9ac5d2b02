/**
 * Scripted behaviours of Zalo Web's portals (lib/zalo/README.md, Menus) on top of a fixture, so the actors
 * can be tested under happy-dom: hover toolbar, "Thêm" menu, pin, More menu, poll dialog, member
 * panel. Clicks only count after a full pointer sequence, like Zalo's dialogs.
 */
export interface FakeZaloOptions {
  /** The message menu offers "Ghim tin nhắn" (default true). */
  pinItem?: boolean;
  /** Pinning updates the bar after this delay; null = never (default 30 ms). */
  pinDelayMs?: number | null;
  /** Clicking "Thêm lựa chọn" adds an option (default true). */
  addOptionWorks?: boolean;
}

export interface FakeZalo {
  pointerLog: string[];
  createClicks: number;
  pinnedTexts: string[];
  stop(): void;
}

function el(doc: Document, markup: string): HTMLElement {
  const t = doc.createElement('template');
  t.innerHTML = markup.trim();
  return t.content.firstElementChild as HTMLElement;
}

export function installFakeZalo(doc: Document, options: FakeZaloOptions = {}): FakeZalo {
  const state: FakeZalo = { pointerLog: [], createClicks: 0, pinnedTexts: [], stop: () => undefined };
  const abort = new AbortController();
  const on = <K extends keyof DocumentEventMap>(type: K, fn: (e: DocumentEventMap[K]) => void) =>
    doc.addEventListener(type, fn, { capture: true, signal: abort.signal });
  state.stop = () => abort.abort();
  let hovered: HTMLElement | null = null;

  for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup'] as const) {
    on(type, (e) => {
      const m = e as MouseEvent;
      state.pointerLog.push(`${type}@${Number.isFinite(m.clientX) ? 'xy' : 'none'}`);
    });
  }
  const fullSequence = (): boolean => {
    const recent = state.pointerLog.slice(-4).join(',');
    state.pointerLog.length = 0;
    return recent === 'pointerdown@xy,mousedown@xy,pointerup@xy,mouseup@xy';
  };

  on('mouseover', (e) => {
    const target = e.target as Element;
    const cw = target.closest?.('.message-content-wrapper');
    const bubble = cw?.closest<HTMLElement>('[id^="bb_msg_id_"]');
    if (!bubble) return;
    hovered = bubble;
    doc.querySelector('.floating-menu-wrapper')?.remove();
    doc.body.append(
      el(
        doc,
        '<div class="floating-menu-wrapper flx"><div class="MSABtn-btn" title="Trả lời" data-translate-title="STR_REPLY_MSG"></div><div class="MSABtn-btn" title="Chia sẻ" data-translate-title="STR_FORWARD_MSG"></div><div class="MSABtn-btn" title="Thêm" data-translate-title="STR_MORE_OPTIONS"></div></div>',
      ),
    );
  });

  const popover = (items: string): void => {
    doc.querySelector('.popover-v3')?.remove();
    doc.body.append(el(doc, `<div class="popover-v3"><div class="zmenu-body">${items}</div></div>`));
  };
  const item = (key: string, label: string, attrs = '') =>
    `<div class="zmenu-item flx flx-al-c" ${attrs}><i class="fa"></i><span data-translate-inner="${key}">${label}</span></div>`;

  on('click', (e) => {
    const target = e.target as HTMLElement;
    if (!fullSequence()) {
      // A bare click counts as outside: menus and dialogs close.
      doc.querySelector('.popover-v3')?.remove();
      doc.querySelector('.zl-modal')?.remove();
      return;
    }
    if (target.matches('[data-translate-title="STR_MORE_OPTIONS"]')) {
      popover(
        item('STR_COPY_TEXT', 'Copy tin nhắn') +
          (options.pinItem === false ? '' : item('STR_PIN_MSG', 'Ghim tin nhắn')) +
          item('STR_DELETE_MSG_FOR_ME', 'Xóa chỉ ở phía tôi'),
      );
      return;
    }
    const menuItem = target.closest('.zmenu-item');
    if (menuItem?.querySelector('[data-translate-inner="STR_PIN_MSG"]') && hovered) {
      const text = hovered.querySelector('.text')?.textContent ?? '';
      doc.querySelector('.popover-v3')?.remove();
      const delay = options.pinDelayMs === undefined ? 30 : options.pinDelayMs;
      if (delay !== null) {
        setTimeout(() => {
          state.pinnedTexts.unshift(text);
          const bar = doc.querySelector('.chat-group-topic-outer');
          const count = state.pinnedTexts.length + 2;
          bar?.replaceChildren(
            el(
              doc,
              `<div class="chat-group-topic__item"><div class="info-container"><div class="content-container"><span class="pin-sender">Bạn: </span><span class="pin-text">${text}</span></div></div><div class="show-details-btn">+${count - 1} ghim</div></div>`,
            ),
          );
        }, delay);
      }
      return;
    }
    if (target.matches('[data-id="div_More_Menu"]')) {
      popover(item('STR_CREATE_POLL', 'Tạo bình chọn', 'data-id="div_MoreMenu_Poll"') + item('STR_CREATE_NOTE', 'Tạo ghi chú', 'data-id="div_MoreMenu_Note"'));
      return;
    }
    if (menuItem?.matches('[data-id="div_MoreMenu_Poll"]')) {
      doc.querySelector('.popover-v3')?.remove();
      setTimeout(() => {
        doc.body.append(
          el(
            doc,
            `<div class="zl-modal" id="zl-modal"><div class="zl-modal__dialog" role="dialog"><div id="zl-modal__dialog-body">
              <div class="rich-input poll-question" contenteditable="true"></div>
              <div class="group-poll-create-content"></div>
              <div class="group-poll-create__add-option" data-id="div_CreatePoll_AddOpt"><i>+</i> Thêm lựa chọn</div>
            </div><div class="zl-modal__footer"><div data-id="btn_CreatePoll_CXL">Hủy</div><div data-id="btn_CreatePoll_Create">Tạo bình chọn</div></div></div></div>`,
          ),
        );
        addOption();
        addOption();
      }, 10);
      return;
    }
    if (target.closest('[data-id="div_CreatePoll_AddOpt"]')) {
      if (options.addOptionWorks !== false) setTimeout(addOption, 5);
      return;
    }
    if (target.matches('[data-id="btn_CreatePoll_Create"]')) {
      state.createClicks++;
      return;
    }
    if (target.closest('[icon^="outline-right-bar"], .fa-outline-right-bar')) {
      setTimeout(() => {
        const main = doc.querySelector('main')!;
        main.after(el(doc, '<aside><div id="chatInfo" class="chat-info"><div id="sideBodyScrollBox"><div class="chat-info-entry" data-id="div_RightMenuGrp_MemList"><span>Thành viên nhóm</span><span>3</span></div></div></div></aside>'));
      }, 10);
      return;
    }
    if (target.closest('[data-id="div_RightMenuGrp_MemList"]')) {
      setTimeout(() => {
        doc.getElementById('sideBodyScrollBox')!.append(
          el(
            doc,
            `<div id="member-group" class="chat-box-member">
              <div class="chat-box-member__info v2" title="Trưởng thôn"><i class="zavatar-admin zavatar-admin_isOwner"></i><div class="chat-box-member__info__name v2"><div class="truncate">Trưởng thôn</div></div><div class="chat-box-member__info__role">Trưởng nhóm</div></div>
              <div class="chat-box-member__info v2" title="Trần Thị Bình"><div class="chat-box-member__info__name v2"><div class="truncate">Trần Thị Bình</div></div><div class="chat-box-member__info__role">Phó nhóm</div></div>
              <div class="chat-box-member__info v2" title="Lê Văn Cường"><div class="chat-box-member__info__name v2"><div class="truncate">Lê Văn Cường</div></div></div>
            </div>`,
          ),
        );
      }, 10);
    }
  });

  /** React-controlled option input: state changes only through `input` events, like the replica. */
  const options$: string[] = [];
  function addOption(): void {
    const list = doc.querySelector('.group-poll-create-content');
    if (!list) return;
    const i = options$.length;
    options$.push('');
    const input = doc.createElement('input');
    input.placeholder = `Lựa chọn ${i + 1}`;
    const desc = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value')!;
    let tracked = '';
    Object.defineProperty(input, 'value', {
      configurable: true,
      get() {
        return desc.get!.call(this);
      },
      set(v: string) {
        tracked = String(v);
        desc.set!.call(this, v);
      },
    });
    input.addEventListener('input', () => {
      const v = desc.get!.call(input) as string;
      if (v === tracked) return;
      tracked = v;
      options$[i] = v;
    });
    const row = doc.createElement('div');
    row.className = 'group-poll-create-content-item';
    row.append(input);
    list.append(row);
  }
  Object.defineProperty(state, 'pollState', { get: () => [...options$] });
  return state;
}

export function pollState(fake: FakeZalo): string[] {
  return (fake as unknown as { pollState: string[] }).pollState;
}
