import type { CallScreen } from './call-screen.js';
import type { CallMode } from './shared/protocol.js';

/**
 * `<domain-call>`: a Call button that opens a call screen where a visitor picks why they call and how, and then
 * talks to the site in the browser. The first script only draws the button; the call screen and the signaling
 * client load on hover, focus or press. The element talks to the server that served its script.
 *
 * @attr label - The button's text. Default `Call`.
 * @attr domain - The domain to call. Default: the domain the server answers for.
 * @attr reasons - Comma-separated reason ids, to offer only these and in this order. Default: all the site's reasons.
 * @attr modes - Comma-separated subset of `voice`, `video`, `chat`, in the order offered. Default: all three.
 * @attr inline - Shows the call screen in place at once, with no button to open it (the `/call` page uses it).
 * @attr as - A domain to call as, for a browser signed in to that domain's desk (its owner, or a member who may
 *   call): the callee sees the domain, marked verified, instead of a guest name. When this browser is not signed in
 *   for it, the call goes out under a guest name and the screen says why. Default: call under a guest name.
 *
 * @event domain-call-ringing - The call rings. `detail`: `{ reason, mode }`.
 * @event domain-call-connected - The call is up. `detail`: `{ mode }`.
 * @event domain-call-ended - A call that rang is over: hung up, cancelled, or lost. `detail`:
 *   `{ duration, reason }`, with the talk time in whole seconds and an end reason of the protocol, or
 *   `connection-lost`.
 * @event domain-call-missed - Nobody answered. `detail`: `{ reason }`: `nobody-available`, `all-busy`,
 *   `ring-timeout`, `declined`, `callee-left`, or `closed` (outside the opening hours or out of office: nothing rang).
 *   The screen then offers a callback or a message.
 * @event domain-call-callback-requested - The server stored a request to be called back. `detail`:
 *   `{ id, kind, slot }`, `kind` being `asap` or `slot`, and `slot` the ISO instant or null.
 * @event domain-call-message-left - The server stored a text or voice message. `detail`: `{ id, voice }`.
 * @event domain-call-error - Something failed; the screen says what to do. `detail`: `{ code, message }`, with a
 *   hub error code, `offline`, `server-error`, `unknown-domain`, or `media-denied`, `media-missing`, `media-other`.
 *   All events bubble and are composed.
 *
 * @csspart button - The Call button that opens the call screen.
 * @csspart screen - The call screen.
 * @csspart title - The site's name on the call screen.
 * @csspart caller - Whom the call goes out as, once known: "Calling as {domain}", or why it is a guest instead.
 * @csspart status - The status line: "Ringing {name}…", "Call ended" and the like. It is also `ringing` while the
 *   call rings and `outcome` once it is over.
 * @csspart notice - A message about a problem and what to do.
 * @csspart availability - On the pick screen: "Open now", "Closed — opens …", or the out-of-office notice.
 * @csspart answer - Answer, when the business calls back.
 * @csspart decline - Decline, when the business calls back.
 * @csspart call - The Call button of the call screen.
 * @csspart cancel - The Cancel button while it rings.
 * @csspart call-again - The Call again button.
 * @csspart close - The Close button that folds the screen back into the Call button (not with `inline`).
 * @csspart in-call - The call in progress; inside it `peer`, `call-state`, `timer`, `remote-video`, `local-video`,
 *   `mute`, `camera`, `hang-up`, `chat`, `chat-log`, `chat-input`, `send`.
 *
 * @cssprop --domain-call-accent - Main buttons and the focus ring. Default `#0b57d0` (dark: `#a8c7fa`).
 * @cssprop --domain-call-on-accent - Text on the accent. Default `#fff` (dark: `#062e6f`).
 * @cssprop --domain-call-danger - Hang up and problems. Default `#b3261e` (dark: `#f2b8b5`).
 * @cssprop --domain-call-on-danger - Text on Hang up. Default `#fff` (dark: `#601410`).
 * @cssprop --domain-call-background - The screen. Default `#fff` (dark: `#1f1f1f`).
 * @cssprop --domain-call-surface - Choices and the chat log. Default `#f0f4f9` (dark: `#2d2f31`).
 * @cssprop --domain-call-text - Text. Default `#1f1f1f` (dark: `#e3e3e3`).
 * @cssprop --domain-call-muted - Secondary text. Default `#444746` (dark: `#c4c7c5`).
 * @cssprop --domain-call-border - Borders of the screen and the fields. Default `#747775` (dark: `#8e918f`).
 * @cssprop --domain-call-radius - Corner radius. Default `0.75rem`.
 * @cssprop --domain-call-font - Font family. Default `system-ui` and platform fallbacks.
 */
export class DomainCallElement extends HTMLElement {
  static observedAttributes = ['label', 'domain', 'reasons', 'modes', 'inline', 'as'];

  /** Defines the element under `tag` in `registry`, unless something already is. */
  static define(tag = 'domain-call', registry: CustomElementRegistry = customElements): typeof DomainCallElement {
    if (!registry.get(tag)) registry.define(tag, this);
    return this;
  }

  readonly #launcher: HTMLButtonElement;
  #screen: CallScreen | null = null;
  #opening = false;
  #renderQueued = false;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [launcherSheet()];
    this.#launcher = document.createElement('button');
    this.#launcher.type = 'button';
    this.#launcher.setAttribute('part', 'button');
    this.#launcher.addEventListener('pointerenter', preload);
    this.#launcher.addEventListener('focus', preload);
    this.#launcher.addEventListener('click', () => this.#open(true));
    root.append(this.#launcher);
  }

  get label(): string {
    return this.getAttribute('label')?.trim() || 'Call';
  }

  set label(value: string) {
    this.setAttribute('label', value);
  }

  /** The domain to call, or an empty string for the domain the server answers for. */
  get domain(): string {
    return this.getAttribute('domain')?.trim() ?? '';
  }

  set domain(value: string) {
    if (value) this.setAttribute('domain', value);
    else this.removeAttribute('domain');
  }

  /** The reason ids to offer, in order; empty for all of them. Ids that cannot be reason ids are left out. */
  get reasons(): string[] {
    return unique(list(this.getAttribute('reasons')).filter((id) => /^[a-z0-9-]{1,32}$/.test(id)));
  }

  set reasons(value: readonly string[]) {
    this.setAttribute('reasons', value.join(','));
  }

  /** The modes to offer, in order; all three when the attribute is missing or names none of them. */
  get modes(): CallMode[] {
    const modes = unique(list(this.getAttribute('modes')).filter(isMode));
    return modes.length ? modes : ['voice', 'video', 'chat'];
  }

  set modes(value: readonly CallMode[]) {
    this.setAttribute('modes', value.join(','));
  }

  get inline(): boolean {
    return this.hasAttribute('inline');
  }

  set inline(value: boolean) {
    this.toggleAttribute('inline', value);
  }

  /** The domain to call as, or an empty string to call under a guest name. */
  get as(): string {
    return this.getAttribute('as')?.trim().toLowerCase() ?? '';
  }

  set as(value: string) {
    if (value) this.setAttribute('as', value);
    else this.removeAttribute('as');
  }

  connectedCallback(): void {
    this.#render();
  }

  disconnectedCallback(): void {
    // Moving the element disconnects and reconnects it at once; only a real removal ends its call.
    queueMicrotask(() => {
      if (!this.isConnected) this.#close(false);
    });
  }

  attributeChangedCallback(_name: string, oldValue: string | null, newValue: string | null): void {
    if (oldValue === newValue || this.#renderQueued) return;
    this.#renderQueued = true;
    queueMicrotask(() => {
      this.#renderQueued = false;
      this.#render();
    });
  }

  #render(): void {
    if (this.#launcher.textContent !== this.label) this.#launcher.textContent = this.label;
    if (this.#screen) {
      this.#screen.update();
    } else if (this.inline && this.isConnected) {
      // The inline screen has no launcher; the button comes back only if the screen cannot be loaded. It leaves the
      // tree rather than hiding, so that its words are not found twice on the page, once hidden.
      this.#launcher.remove();
      this.#open(false);
    }
  }

  async #open(focus: boolean): Promise<void> {
    if (this.#screen || this.#opening) return;
    this.#opening = true;
    try {
      const { mountCallScreen } = await loadCallScreen();
      if (!this.isConnected || this.#screen) return;
      this.#screen = mountCallScreen({
        host: this,
        root: this.shadowRoot!,
        moduleUrl: import.meta.url,
        focus,
        onClose: () => this.#close(true),
      });
      this.#launcher.remove();
    } catch {
      this.shadowRoot!.prepend(this.#launcher);
      const message = 'The call screen could not be loaded. Check your connection and try again.';
      this.dispatchEvent(new CustomEvent('domain-call-error', {
        bubbles: true,
        composed: true,
        detail: { code: 'offline', message },
      }));
    } finally {
      this.#opening = false;
    }
  }

  #close(focus: boolean): void {
    this.#screen?.dispose();
    this.#screen = null;
    this.shadowRoot!.adoptedStyleSheets = [launcherSheet()];
    this.shadowRoot!.prepend(this.#launcher);
    if (focus) this.#launcher.focus();
  }
}

let callScreen: Promise<typeof import('./call-screen.js')> | undefined;

function loadCallScreen(): Promise<typeof import('./call-screen.js')> {
  callScreen ??= import('./call-screen.js').catch((error: unknown) => {
    callScreen = undefined;
    throw error;
  });
  return callScreen;
}

function preload(): void {
  loadCallScreen().catch(() => {});
}

let sheet: CSSStyleSheet | undefined;

// The fallbacks repeat the call screen's design tokens, which are defined only once the screen has loaded.
function launcherSheet(): CSSStyleSheet {
  if (sheet) return sheet;
  sheet = new CSSStyleSheet();
  sheet.replaceSync(`:host{display:inline-block;font-family:var(--domain-call-font,system-ui,sans-serif)}
:host([hidden]){display:none}[hidden]{display:none!important}
button{font:inherit;font-weight:600;min-block-size:2.75rem;padding:.5rem 1.25rem;cursor:pointer;
border:2px solid var(--domain-call-accent,#0b57d0);border-radius:var(--domain-call-radius,.75rem);
background:var(--domain-call-accent,#0b57d0);color:var(--domain-call-on-accent,#fff)}
button:focus-visible{outline:3px solid var(--domain-call-accent,#0b57d0);outline-offset:2px}
@media (prefers-color-scheme:dark){button{border-color:var(--domain-call-accent,#a8c7fa);
background:var(--domain-call-accent,#a8c7fa);color:var(--domain-call-on-accent,#062e6f)}
button:focus-visible{outline-color:var(--domain-call-accent,#a8c7fa)}}`);
  return sheet;
}

function list(value: string | null): string[] {
  return (value ?? '').split(',').map((item) => item.trim().toLowerCase()).filter(Boolean);
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function isMode(value: string): value is CallMode {
  return value === 'voice' || value === 'video' || value === 'chat';
}
