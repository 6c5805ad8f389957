import { callSheet, tokenSheet } from '../shared/styles.js';
import { deskSheet } from './desk-styles.js';
import type { Desk } from './desk-state.js';
import { closeDesk, openDesk, showMissingDomain } from './open-desk.js';

/**
 * The owner's console, where calls to a domain ring and are answered: `<domain-call-desk domain="example.com">`.
 * It connects to the DomainCall server that served its script, joins the domain's desk with the browser's sign-in
 * (the desk page's cookie, or the host's own authorization policy) and rings for each call offered.
 *
 * @attr domain - The domain this desk answers calls for. Changing it closes the desk and opens one for the new
 *   domain; without it the desk only says that it is missing.
 *
 * @event domain-call-desk-ringing - A call rings here; `detail` is the hub's `CallOffered` payload.
 * @event domain-call-desk-connected - The call answered here is up; `detail` is `{ callId, caller, mode }`.
 * @event domain-call-desk-ended - The call answered here is over; `detail` is
 *   `{ callId, state, endReason, duration }`, the duration in seconds of talk time.
 *
 * @csspart desk - The whole console.
 * @csspart connection - The connection line: Connecting, Online, Offline or Not signed in. Screen readers hear it
 *   change.
 * @csspart button - Every button; each also has its own part below.
 * @csspart reconnect - The Reconnect button, shown while offline.
 * @csspart presence - The "Available for calls" switch.
 * @csspart notifications - The "Allow notifications" button, shown until the browser's permission is decided.
 * @csspart problem - What went wrong and what to do about it.
 * @csspart ringing - The ringing calls: a heading and a list, which screen readers hear a new call join.
 * @csspart offer - One ringing call.
 * @csspart answer - A ringing call's Answer button.
 * @csspart decline - A ringing call's Decline button.
 * @csspart call - The call in progress, with the in-call view's own parts inside (`in-call`, `peer`, `call-state`,
 *   `timer`, `remote-video`, `local-video`, `mute`, `camera`, `hang-up`, `notice`, `chat`, `chat-log`, `chat-input`,
 *   `send`).
 * @csspart summary - "Call ended", with the talk time and the reason.
 * @csspart waiting - What the desk is waiting for, or why calls cannot reach it; screen readers hear it change.
 * @csspart recent - The calls of this session, with how each went (answered here or on another device, declined,
 *   missed, cancelled); screen readers hear each call as it joins the list.
 * @csspart out-of-office - The out-of-office switch (`out-of-office-switch`), its message and return date, and
 *   `availability`, the line that says whether calls ring now.
 * @csspart callbacks - "Callbacks and messages": New, Scheduled and Handled filters, and one `callback` per request,
 *   with its `calendar` link and its `call-back` and `handled` buttons; `reminder` when a scheduled slot has come.
 *
 * @cssprop --domain-call-accent - Buttons and the focus ring.
 * @cssprop --domain-call-on-accent - Text on the accent.
 * @cssprop --domain-call-danger - Hang up and the edge of problems.
 * @cssprop --domain-call-on-danger - Text on the danger colour.
 * @cssprop --domain-call-background - The background of fields and video.
 * @cssprop --domain-call-surface - The ringing calls, the summary and the chat log.
 * @cssprop --domain-call-text - Body text.
 * @cssprop --domain-call-muted - Secondary text.
 * @cssprop --domain-call-border - Borders.
 * @cssprop --domain-call-radius - Corner radius.
 * @cssprop --domain-call-font - Font family.
 * @cssprop --domain-call-desk-online - The dot of a live connection and the switch when available.
 * @cssprop --domain-call-desk-ringing - The flashing edge of a ringing call.
 */
export class DomainCallDeskElement extends HTMLElement {
  static observedAttributes = ['domain'];

  static define(tag = 'domain-call-desk', registry: CustomElementRegistry = customElements): void {
    registry.define(tag, this);
  }

  #desk: Desk | null = null;
  #scheduled = false;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [tokenSheet, callSheet, deskSheet];
  }

  /** The domain this desk answers for, trimmed and in lower case; empty when the attribute is missing. */
  get domain(): string {
    return (this.getAttribute('domain') ?? '').trim().toLowerCase();
  }

  set domain(value: string) {
    this.setAttribute('domain', value);
  }

  connectedCallback(): void {
    this.#schedule();
  }

  disconnectedCallback(): void {
    this.#schedule();
  }

  attributeChangedCallback(_name: string, oldValue: string | null, newValue: string | null): void {
    if (oldValue !== newValue) this.#schedule();
  }

  // Updates wait for a microtask, so moving the element (a disconnect, then a connect) does not drop its call.
  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      this.#desk = syncDesk(this, this.shadowRoot!, this.#desk, this.isConnected ? this.domain : null);
    });
  }
}

/** Keeps the running desk when it already answers for `domain`; otherwise closes it and opens the right one. */
function syncDesk(host: HTMLElement, root: ShadowRoot, desk: Desk | null, domain: string | null): Desk | null {
  if (desk && desk.domain === domain) return desk;

  if (desk) closeDesk(desk);
  if (domain === null) return null;
  if (domain === '') {
    showMissingDomain(root);
    return null;
  }
  return openDesk(host, root, domain);
}
