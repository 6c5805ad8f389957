import type { DomainCallElement } from './domain-call-element.js';
import { availabilityText } from './availability-words.js';
import { callingBackView, loadingView, outcomeView, pickView, problemView, returnView, ringingView, type View }
  from './call-screen-views.js';
import type { CallbackOptions } from './options/callback-options.js';
import { forgetCallback, recallCallbacks, rememberCallback, type RememberedCallback }
  from './shared/callback-memory.js';
import { formatDuration, h, sheet } from './shared/dom.js';
import { renderInCallView, type InCallView } from './shared/in-call-view.js';
import { getLocalMedia, LocalMediaError, PeerCall } from './shared/peer-call.js';
import type { Availability, CallAccepted, CallEnded, CallingBack, CallMode, EndReason, ReasonInfo, SiteInfo }
  from './shared/protocol.js';
import { CallError, connectHub, fetchInfo, hubError, invokeHub, onHub, serverBase, type HubConnection }
  from './shared/server.js';
import { callSheet, tokenSheet } from './shared/styles.js';

/** What the element gives the call screen it mounts. */
export interface CallScreenOptions {
  readonly host: DomainCallElement;
  readonly root: ShadowRoot;
  /** The URL of the element's script, which tells where the server is. */
  readonly moduleUrl: string;
  /** Whether to move focus into the screen: yes after a press, no for a screen shown in place at page load. */
  readonly focus: boolean;
  /** Close was pressed: the element disposes the screen and shows its button again. */
  readonly onClose: () => void;
}

/** The mounted call screen, as the element holds it. */
export interface CallScreen {
  /** The element's attributes changed: redraw the choices if they are showing. */
  update(): void;
  /** Ends whatever call is in progress, closes the hub connection and removes the screen. */
  dispose(): void;
}

/** Shows the call screen in the element's shadow root, next to its (now hidden) button. */
export function mountCallScreen(options: CallScreenOptions): CallScreen {
  return new CallScreenController(options);
}

/** One press of Call, from the moment it was pressed until its outcome is shown. */
interface Attempt {
  readonly reason: string;
  readonly mode: CallMode;
  /** `preparing` until PlaceCall is sent; `cancelling` from Cancel until the server confirms the call is over. */
  phase: 'preparing' | 'ringing' | 'in-call' | 'cancelling';
  stream: MediaStream | null;
  callId: string | null;
  peer: PeerCall | null;
  view: InCallView | null;
  /** Whether `domain-call-ringing` was sent: on the first sign from the server that the call rings. */
  rang: boolean;
  /** Set when this attempt returns a business's call back (`ReturnCall`) rather than placing a new call. */
  readonly callback?: RememberedCallback;
}

type Outcome =
  | { kind: 'ended'; duration: number; reason: EndReason | 'connection-lost'; detail?: string; notice?: string }
  | { kind: 'unavailable'; reason: EndReason | 'closed'; detail: string }
  | { kind: 'cancelled'; rang: boolean }
  | { kind: 'error'; error: CallError };

const UNAVAILABLE: Partial<Record<EndReason, string>> = {
  'nobody-available': 'Nobody is there to take calls at the moment. Try again later.',
  'all-busy': 'Everyone is on another call. Try again in a few minutes.',
  'ring-timeout': 'Nobody answered in time. Try again in a few minutes.',
  declined: 'They cannot take your call at the moment. Try again later.',
  'callee-left': 'Nobody is there to take calls any more. Try again later.',
};

// What ProveDomain refuses an `as` with when this browser may not call as it: the call goes out as a guest instead.
const REFUSED_AS = ['not-allowed', 'unknown-domain', 'invalid-argument'];

class CallScreenController implements CallScreen {
  readonly #options: CallScreenOptions;
  readonly #base: URL;
  readonly #screen: HTMLElement;
  readonly #title: HTMLElement;
  readonly #status: HTMLElement;
  readonly #caller: HTMLElement;
  readonly #live: HTMLElement;
  #body: HTMLElement;
  #info: SiteInfo | null = null;
  #infoDomain: string | null = null;
  #showingPick = false;
  #reason: string | null = null;
  #mode: CallMode | null = null;
  #attempt: Attempt | null = null;
  #connection: Promise<HubConnection> | null = null;
  #callbackOptions: CallbackOptions | null = null;
  #disposed = false;

  constructor(options: CallScreenOptions) {
    this.#options = options;
    this.#base = serverBase(options.moduleUrl);
    this.#title = h('h2', { class: 'title', part: 'title' });
    // What the screen says shows once, in the status line, which screen readers hear as it changes. The hidden
    // region is only for what shows nowhere in words: the microphone or camera switched off or on.
    this.#status = h('p', { class: 'status', part: 'status', role: 'status' });
    this.#live = h('p', { class: 'sr-only', 'aria-live': 'polite' });
    this.#caller = h('p', { class: 'caller', part: 'caller', hidden: true });
    this.#body = loadingView().element;
    this.#screen = h('div', { class: 'screen', part: 'screen' }, this.#title, this.#caller, this.#status, this.#body,
      this.#live);

    options.root.adoptedStyleSheets = [...options.root.adoptedStyleSheets, tokenSheet, callSheet, hostSheet()];
    options.root.append(this.#screen);
    void this.#loadInfo(options.focus);
  }

  update(): void {
    // A call in progress keeps the choices it was placed with; the next pick screen shows the new ones.
    if (this.#disposed || this.#attempt) return;
    if (this.#info && this.#infoDomain !== this.#options.host.domain) void this.#loadInfo(this.#hasFocus());
    else if (this.#showingPick) this.#showPick(this.#hasFocus());
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    if (this.#attempt) this.#release(this.#attempt);
    this.#attempt = null;
    // Closing the connection ends a ringing or answered call on the server (caller-left), so nothing is left open.
    this.#connection?.then((connection) => connection.stop()).catch(() => {});
    this.#connection = null;
    this.#screen.remove();
  }

  get #onClose(): (() => void) | null {
    return this.#options.host.inline ? null : this.#options.onClose;
  }

  get #name(): string {
    return this.#info?.name || this.#info?.domain || 'the site';
  }

  async #loadInfo(focus: boolean): Promise<void> {
    const domain = this.#options.host.domain;
    this.#infoDomain = domain;
    this.#show(loadingView(), false);
    try {
      const info = await fetchInfo(this.#base, domain || undefined);
      if (this.#disposed || domain !== this.#options.host.domain) return;
      this.#info = info;
      this.#title.textContent = `Call ${this.#name}`;
      if (!this.#showReturn(focus)) this.#showPick(focus, undefined, 'choices');
      if (recallCallbacks(info.domain).length) this.#connect().catch(() => {});
    } catch (error) {
      if (this.#disposed) return;
      const problem = error instanceof CallError ? error : new CallError('server-error', String(error));
      this.#emit('domain-call-error', { code: problem.code, message: problem.message });
      this.#show(problemView(problem.message, () => void this.#loadInfo(true), this.#onClose), focus);
    }
  }

  #choices(): { reasons: ReasonInfo[]; modes: CallMode[] } {
    const info = this.#info!;
    const wanted = this.#options.host.reasons;
    const picked = wanted.map((id) => info.reasons.find((r) => r.id === id)).filter((r) => r !== undefined);
    const modes = this.#options.host.modes.filter((m) => info.modes.includes(m));
    return { reasons: picked.length ? picked : [...info.reasons], modes: modes.length ? modes : [...info.modes] };
  }

  #showPick(focus: boolean, notice?: string, where: 'call' | 'choices' = 'call', status = ''): void {
    const { reasons, modes } = this.#choices();
    if (!reasons.length || !modes.length) {
      const message = `${this.#name} does not take calls here yet.`;
      this.#show(problemView(message, () => void this.#loadInfo(true), this.#onClose), focus);
      return;
    }
    const view = pickView({
      reasons,
      modes,
      reason: this.#reason,
      mode: this.#mode,
      ...(notice ? { notice } : {}),
      availability: availabilityText(this.#info!.availability),
      onChange: (reason, mode) => {
        this.#reason = reason;
        this.#mode = mode;
      },
      onCall: (reason, mode) => void this.#place(reason, mode),
      onClose: this.#onClose,
    });
    this.#show({ element: view.element, focus: where === 'call' ? view.focus : view.choices }, focus, status);
    this.#showingPick = true;
  }

  #hasFocus(): boolean {
    return this.#screen.matches(':focus-within');
  }

  /** Shows a state: its view, and its words in the status line (none by default). */
  #show(view: View, focus: boolean, status = '', kind?: 'ringing' | 'outcome'): void {
    this.#showingPick = false;
    this.#callbackOptions?.dispose();
    this.#callbackOptions = null;
    clearTimeout(this.#callingBackTimer);
    this.#live.textContent = '';
    this.#setStatus(status, kind);
    this.#body.replaceWith(view.element);
    this.#body = view.element;
    if (focus) view.focus?.focus();
  }

  #setStatus(text: string, kind?: 'ringing' | 'outcome'): void {
    this.#status.className = kind ? `status ${kind}` : 'status';
    this.#status.setAttribute('part', kind ? `status ${kind}` : 'status');
    // The same words set again would be read again.
    if (this.#status.textContent !== text) this.#status.textContent = text;
  }

  #announce(text: string): void {
    this.#live.textContent = text;
  }

  #emit(type: string, detail: object): void {
    this.#options.host.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail }));
  }

  async #place(reason: string, mode: CallMode, callback?: RememberedCallback): Promise<void> {
    if (this.#attempt || !this.#info) return;
    this.#reason = reason;
    this.#mode = mode;
    const attempt: Attempt = { reason, mode, phase: 'preparing', stream: null, callId: null, peer: null, view: null,
      rang: false, ...(callback ? { callback } : {}) };
    this.#attempt = attempt;
    this.#showRinging(attempt, `Calling ${this.#name}…`);

    const [media, hub] = await Promise.allSettled([getLocalMedia(mode), this.#connect()]);
    if (media.status === 'fulfilled') attempt.stream = media.value;
    if (this.#attempt !== attempt) {
      // Cancelled, or closed, while the browser asked for the microphone: let go of what arrived since.
      this.#release(attempt);
      return;
    }
    if (media.status === 'rejected' || hub.status === 'rejected') {
      const error = media.status === 'rejected' ? media.reason : (hub as PromiseRejectedResult).reason;
      this.#finish(attempt, { kind: 'error', error: preparationError(error) });
      return;
    }
    attempt.phase = 'ringing';
    await this.#ring(attempt, hub.value);
  }

  async #ring(attempt: Attempt, connection: HubConnection): Promise<void> {
    const { reason, mode } = attempt;
    this.#setStatus(`Ringing ${this.#name}…`, 'ringing');
    try {
      const domain = this.#options.host.domain || this.#info!.domain;
      if (!(await this.#callAs(connection))) {
        // The server lets a guest call only once DNS confirmed the code of its guest name.
        const identity = await invokeHub(connection, 'GetIdentity');
        await invokeHub(connection, 'ProveIdentity', identity.name, identity.code);
      }
      const placed = attempt.callback
        ? await invokeHub(connection, 'ReturnCall', attempt.callback.id, attempt.callback.token, mode)
        : await invokeHub(connection, 'PlaceCall', domain, reason, mode);
      // Events may have overtaken the result: an answer or an end that came first wins.
      if (placed.status === 'ringing') {
        this.#rang(attempt);
        return;
      }
      // No event follows an unavailable or busy result, so a Cancel pressed meanwhile ends here too.
      if (this.#attempt !== attempt || attempt.phase === 'in-call') return;
      const why = placed.status === 'busy' ? 'all-busy' : placed.status === 'closed' ? 'closed' : 'nobody-available';
      const detail = why === 'closed' ? this.#closedDetail(placed.availability) : UNAVAILABLE[why]!;
      this.#finish(attempt, attempt.phase === 'cancelling' ? { kind: 'cancelled', rang: false }
        : { kind: 'unavailable', reason: why, detail });
    } catch (error) {
      if (this.#attempt !== attempt || attempt.phase === 'in-call') return;
      this.#finish(attempt, attempt.phase === 'cancelling' ? { kind: 'cancelled', rang: true } : { kind: 'error',
        error: hubError(error) });
    }
  }

  /**
   * Proves the `as` domain with the desk sign-in cookie this browser may hold, and says whom the call goes out as.
   * Gives false, for the guest steps to follow, when there is no `as` or the server refused it: a visitor who is not
   * signed in can still call, and is told why the callee will see a guest name. It proves again on each call, since
   * `as` may have changed and proving once more on the same connection is harmless.
   */
  async #callAs(connection: HubConnection): Promise<boolean> {
    const as = this.#options.host.as;
    if (!as) {
      this.#setCaller('');
      return false;
    }
    try {
      await invokeHub(connection, 'ProveDomain', as, null);
      this.#setCaller(`Calling as ${as}`);
      return true;
    } catch (error) {
      if (!REFUSED_AS.includes(hubError(error).code)) throw error;
      this.#setCaller(`Calling as a guest, because this browser is not signed in for ${as}.`);
      return false;
    }
  }

  #setCaller(text: string): void {
    this.#caller.textContent = text;
    this.#caller.hidden = !text;
  }

  #rang(attempt: Attempt): void {
    if (attempt.rang) return;
    attempt.rang = true;
    this.#emit('domain-call-ringing', { reason: attempt.reason, mode: attempt.mode });
  }

  #showRinging(attempt: Attempt, text: string): void {
    this.#show(ringingView(() => void this.#cancel(attempt)), true, text, 'ringing');
  }

  async #cancel(attempt: Attempt): Promise<void> {
    if (this.#attempt !== attempt || attempt.phase === 'cancelling' || attempt.phase === 'in-call') return;
    if (attempt.phase === 'preparing') {
      this.#finish(attempt, { kind: 'cancelled', rang: false });
      return;
    }
    attempt.phase = 'cancelling';
    this.#setStatus('Cancelling…', 'ringing');
    try {
      const connection = await this.#connection!;
      await invokeHub(connection, 'CancelCall');
    } catch (error) {
      // not-ringing: the call was answered or ended a moment ago; CallAccepted or CallEnded is on its way.
      if (hubError(error).code !== 'not-ringing' && this.#attempt === attempt) {
        this.#finish(attempt, { kind: 'cancelled', rang: true });
      }
    }
  }

  #onAccepted(accepted: CallAccepted, connection: HubConnection): void {
    const attempt = this.#attempt;
    if (attempt?.phase === 'in-call' && attempt.callId === accepted.callId) return;
    if (!attempt || attempt.phase === 'preparing' || attempt.phase === 'in-call') {
      // An answer to a call this screen no longer wants: end it rather than leave the desk talking to nobody.
      invokeHub(connection, 'HangUp', accepted.callId).catch(() => {});
      return;
    }
    attempt.callId = accepted.callId;
    this.#rang(attempt);
    if (attempt.phase === 'cancelling') {
      invokeHub(connection, 'HangUp', accepted.callId).catch(() => {});
      return;
    }

    attempt.phase = 'in-call';
    const peer = new PeerCall({ connection, callId: accepted.callId, mode: accepted.mode, polite: false,
      iceServers: this.#info?.iceServers ?? [], localStream: attempt.stream });
    attempt.peer = peer;
    peer.addEventListener('connected', () => this.#emit('domain-call-connected', { mode: accepted.mode }));
    peer.addEventListener('closed', (event) => {
      if (event.detail !== 'failed' || this.#attempt !== attempt) return;
      invokeHub(connection, 'HangUp', accepted.callId).catch(() => {});
      this.#finish(attempt, { kind: 'ended', duration: attempt.view?.duration() ?? 0, reason: 'connection-lost',
        notice: `The connection to ${this.#name} was lost.` });
    });

    const focus = this.#hasFocus();
    const container = h('div', { class: 'body' });
    this.#show({ element: container, focus: null }, false);
    attempt.view = renderInCallView(container, { call: peer, peerName: this.#name,
      onHangUp: () => this.#hangUp(attempt), announce: (text) => this.#announce(text) });
    if (focus) attempt.view.hangUpButton.focus();
  }

  #hangUp(attempt: Attempt): void {
    if (this.#attempt !== attempt || !attempt.callId) return;
    this.#connection?.then((c) => invokeHub(c, 'HangUp', attempt.callId!)).catch(() => {});
    this.#finish(attempt, { kind: 'ended', duration: attempt.view?.duration() ?? 0, reason: 'caller-hung-up' });
  }

  #onEnded(ended: CallEnded): void {
    const attempt = this.#attempt;
    // A null id is the caller's unanswered call; any other id must be this attempt's (or it ended before the answer).
    if (!attempt || attempt.phase === 'preparing') return;
    if (ended.callId && attempt.callId && ended.callId !== attempt.callId) return;

    this.#rang(attempt);
    const duration = attempt.view?.duration() ?? 0;
    if (attempt.phase === 'cancelling' || ended.state === 'cancelled') {
      this.#finish(attempt, { kind: 'cancelled', rang: true });
    } else if (ended.state === 'ended') {
      const detail = attempt.phase === 'in-call' ? undefined : 'It never connected.';
      this.#finish(attempt, { kind: 'ended', duration, reason: ended.endReason, ...(detail ? { detail } : {}) });
    } else {
      const detail = UNAVAILABLE[ended.endReason] ?? 'Nobody answered. Try again later.';
      this.#finish(attempt, { kind: 'unavailable', reason: ended.endReason, detail });
    }
  }

  #onConnectionClosed(connection: Promise<HubConnection>): void {
    if (this.#connection === connection) this.#connection = null;
    const attempt = this.#attempt;
    if (!attempt || attempt.phase === 'preparing') return;
    const error = new CallError('offline', 'The connection to the call service was lost. Try again.');
    if (attempt.phase === 'in-call') {
      this.#finish(attempt, { kind: 'ended', duration: attempt.view?.duration() ?? 0, reason: 'connection-lost',
        notice: error.message });
    } else {
      this.#finish(attempt, { kind: 'error', error });
    }
  }

  #connect(): Promise<HubConnection> {
    if (this.#connection) return this.#connection;
    const connecting = connectHub(this.#base).then((connection) => {
      onHub(connection, 'CallAccepted', (accepted) => this.#onAccepted(accepted, connection));
      onHub(connection, 'CallEnded', (ended) => this.#onEnded(ended));
      onHub(connection, 'CallingBack', (calling) => this.#onCallingBack(calling));
      void this.#awaitCallbacks(connection);
      connection.onclose(() => this.#onConnectionClosed(connecting));
      if (this.#disposed) void connection.stop();
      return connection;
    });
    connecting.catch(() => {
      if (this.#connection === connecting) this.#connection = null;
    });
    this.#connection = connecting;
    return connecting;
  }

  #release(attempt: Attempt): void {
    attempt.view?.dispose();
    attempt.peer?.close();
    for (const track of attempt.stream?.getTracks() ?? []) track.stop();
  }

  #finish(attempt: Attempt, outcome: Outcome): void {
    if (this.#attempt !== attempt) return;
    const focus = this.#hasFocus();
    this.#attempt = null;
    this.#release(attempt);

    switch (outcome.kind) {
      case 'cancelled':
        if (outcome.rang) this.#emit('domain-call-ended', { duration: 0, reason: 'cancelled' });
        this.#showPick(focus, undefined, 'call', 'Call cancelled.');
        return;
      case 'error': {
        const { code, message } = outcome.error;
        this.#emit('domain-call-error', { code, message });
        this.#showPick(focus, message);
        return;
      }
      case 'unavailable':
        this.#emit('domain-call-missed', { reason: outcome.reason });
        this.#showOptions(attempt.reason, outcome.detail, focus);
        return;
      case 'ended': {
        this.#emit('domain-call-ended', { duration: outcome.duration, reason: outcome.reason });
        const detail = outcome.detail ?? `Duration ${formatDuration(outcome.duration)}.`;
        this.#showOutcome('Call ended', detail, outcome.notice, focus);
      }
    }
  }

  #showOutcome(heading: string, detail: string, notice: string | undefined, focus: boolean, more?: HTMLElement): void {
    this.#show(outcomeView({
      detail,
      ...(notice ? { notice } : {}),
      ...(more ? { more } : {}),
      onCallAgain: () => this.#showPick(true),
      onClose: this.#onClose,
    }), focus && !more, heading, 'outcome');
  }

  #closedDetail(availability: Availability | undefined = this.#info?.availability): string {
    const words = availabilityText(availability);
    const opens = /^Closed \u2014 (opens .*)$/.exec(words)?.[1];
    if (opens) return `${this.#name} is closed now; it ${opens}.`;
    return `${this.#name} is not taking calls now.${words && words !== 'Closed' ? ` ${words}` : ''}`;
  }

  /**
   * Nobody answered: the outcome, and below it what the caller can do instead, from a chunk loaded only now. Focus
   * goes to the first option once it is there, or to Call again if it cannot be loaded.
   */
  #showOptions(reason: string, detail: string, focus: boolean): void {
    const more = h('div', { class: 'more' });
    this.#showOutcome('Nobody can answer right now', detail, undefined, focus, more);
    import('./options/callback-options.js').then(({ renderCallbackOptions }) => {
      if (!more.isConnected || this.#disposed) return;
      this.#callbackOptions = renderCallbackOptions(more, {
        base: this.#base,
        info: this.#info!,
        domain: this.#options.host.domain || this.#info!.domain,
        reason,
        emit: (type, detail) => this.#emit(type, detail),
        onStored: (callback) => {
          rememberCallback({ ...callback, domain: this.#info!.domain });
          // The connection of the unanswered call is usually still open, and must be told about this callback too.
          this.#connect().then((c) => invokeHub(c, 'AwaitCallback', callback.id, callback.token)).catch(() => {});
        },
      });
      if (focus) this.#callbackOptions.focus.focus();
    }).catch(() => {
      more.append(h('p', { class: 'notice', role: 'alert' }, 'The ways to reach us later could not be loaded. ' +
        'Check your connection and press Call again.'));
      if (focus) this.#body.querySelector<HTMLElement>('[part="call-again"]')?.focus();
    });
  }

  /** Tells the server that this connection takes the calls back of the requests this browser made. */
  async #awaitCallbacks(connection: HubConnection): Promise<void> {
    for (const callback of recallCallbacks(this.#info?.domain)) {
      try {
        if (!(await invokeHub(connection, 'AwaitCallback', callback.id, callback.token))) forgetCallback(callback.id);
      } catch {
        // A server without callbacks, or a lost connection: the business can still reach the caller another way.
      }
    }
  }

  #callingBackTimer: ReturnType<typeof setTimeout> | undefined;

  #onCallingBack(calling: CallingBack): void {
    const callback = recallCallbacks().find((c) => c.id === calling.callbackId);
    // On another call, the desk's ring times out and it reaches the caller another way.
    if (!callback || this.#attempt || this.#disposed) return;
    const name = calling.name || this.#name;
    this.#show(callingBackView(`${name} is calling you back`,
      () => void this.#place(this.#reason ?? '', calling.mode, callback),
      () => {
        this.#connection?.then((c) => invokeHub(c, 'DeclineCallBack', calling.callbackId)).catch(() => {});
        this.#showPick(true, undefined, 'call', `You declined the call from ${name}.`);
      }), true, `${name} is calling you back`, 'ringing');
    const left = Date.parse(calling.ringsUntil) - Date.now();
    this.#callingBackTimer = setTimeout(() => this.#showPick(this.#hasFocus(), undefined, 'call',
      `You missed the call from ${name}.`), Number.isNaN(left) ? 60_000 : Math.max(left, 1000));
  }

  /** Opened from a link that returns a business's call (`?callback=…&token=…` on the /call page): offer to call. */
  #showReturn(focus: boolean): boolean {
    const query = new URLSearchParams(location.search);
    const id = query.get('callback');
    const token = query.get('token');
    if (!this.#options.host.inline || !id || !token) return false;
    const callback = { id, token, domain: this.#info!.domain };
    rememberCallback(callback);
    this.#show(returnView(this.#name, this.#choices().modes, (mode) => void this.#place(this.#reason ?? '', mode,
      callback), () => this.#showPick(true)), focus);
    return true;
  }
}

let openSheet: CSSStyleSheet | undefined;

// The button sits in a line of text; the screen takes the width it is given, up to the width of its own layout.
function hostSheet(): CSSStyleSheet {
  openSheet ??= sheet(':host { display: block; }');
  return openSheet;
}

function preparationError(error: unknown): CallError {
  if (error instanceof LocalMediaError) return new CallError(`media-${error.kind}`, error.message);
  return hubError(error);
}
