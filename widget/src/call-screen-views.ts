import { button, h } from './shared/dom.js';
import type { CallMode, ReasonInfo } from './shared/protocol.js';

/** A state of the call screen as drawn: its element, and where focus goes when it appears. */
export interface View {
  readonly element: HTMLElement;
  readonly focus: HTMLElement | null;
}

const MODE_LABELS: Readonly<Record<CallMode, string>> = { voice: 'Voice', video: 'Video', chat: 'Chat' };

// An alert, because each notice is drawn anew with its view, and screen readers read an alert as it is added.
function notice(text: string | undefined): HTMLElement | null {
  return text ? h('p', { class: 'notice', part: 'notice', role: 'alert' }, text) : null;
}

function closeButton(onClose: (() => void) | null): HTMLButtonElement | null {
  return onClose ? button('Close', { class: 'secondary', part: 'close' }, onClose) : null;
}

export function loadingView(): View {
  return { element: h('div', { class: 'body' }, h('p', {}, 'Loading…')), focus: null };
}

/** The server could not be asked what the site offers: a message and a way to ask again. */
export function problemView(message: string, onRetry: () => void, onClose: (() => void) | null): View {
  const retry = button('Try again', { part: 'retry' }, onRetry);
  const element = h('div', { class: 'body' }, notice(message), h('div', { class: 'actions' }, retry,
    closeButton(onClose)));
  return { element, focus: retry };
}

export interface PickOptions {
  readonly reasons: readonly ReasonInfo[];
  readonly modes: readonly CallMode[];
  readonly reason: string | null;
  readonly mode: CallMode | null;
  readonly notice?: string;
  /** Whether the business is open now, in the caller's words; empty when the server has no opening hours. */
  readonly availability?: string;
  readonly onChange: (reason: string, mode: CallMode) => void;
  readonly onCall: (reason: string, mode: CallMode) => void;
  readonly onClose: (() => void) | null;
}

/**
 * Why and how: reasons and modes as radio buttons in two fieldsets, and the Call button. Focus goes to the Call
 * button; `choices` is where it goes instead when the screen has just opened and nothing was picked yet.
 */
export function pickView(options: PickOptions): View & { readonly choices: HTMLElement } {
  const reason = options.reasons.some((r) => r.id === options.reason) ? options.reason : options.reasons[0]?.id;
  const mode = options.mode && options.modes.includes(options.mode) ? options.mode : options.modes[0];

  const call = h('button', { type: 'submit', part: 'call' }, 'Call');
  const form = h('form', { class: 'pick' },
    options.availability ? h('p', { class: 'availability', part: 'availability' }, options.availability) : null,
    notice(options.notice),
    h('fieldset', {}, h('legend', {}, 'Why are you calling?'),
      ...options.reasons.map((r) => choice('reason', r.id, r.label, r.id === reason))),
    h('fieldset', {}, h('legend', {}, 'How would you like to talk?'),
      ...options.modes.map((m) => choice('mode', m, MODE_LABELS[m], m === mode))),
    h('div', { class: 'actions' }, call, closeButton(options.onClose)));

  const read = (): [string, CallMode] => {
    const data = new FormData(form);
    const picked = String(data.get('mode') ?? '') as CallMode;
    return [String(data.get('reason') ?? ''), options.modes.includes(picked) ? picked : options.modes[0]!];
  };
  form.addEventListener('change', () => options.onChange(...read()));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    options.onCall(...read());
  });
  const choices = form.querySelector<HTMLElement>('input:checked') ?? call;
  return { element: form, focus: call, choices };
}

function choice(name: string, value: string, label: string, checked: boolean): HTMLElement {
  return h('label', { class: 'choice' }, h('input', { type: 'radio', name, value, checked, required: true }),
    h('span', {}, label));
}

/** The call rings, or is being set up: Cancel. The status line says which. */
export function ringingView(onCancel: () => void): View {
  const cancel = button('Cancel', { class: 'secondary', part: 'cancel' }, onCancel);
  return { element: h('div', { class: 'body' }, h('div', { class: 'actions' }, cancel)), focus: cancel };
}

export interface OutcomeOptions {
  readonly detail: string;
  readonly notice?: string;
  /** Shown between the details and the buttons: the callback options when nobody answered. */
  readonly more?: HTMLElement;
  readonly onCallAgain: () => void;
  readonly onClose: (() => void) | null;
}

/** A call that is over, or that nobody could answer: the details, and Call again. The status line says which. */
export function outcomeView(options: OutcomeOptions): View {
  // Beside the options, Send request is the main button and Call again the other way.
  const again = button('Call again', { part: 'call-again', ...(options.more ? { class: 'secondary' } : {}) },
    options.onCallAgain);
  const element = h('div', { class: 'body' },
    h('p', {}, options.detail),
    notice(options.notice),
    options.more,
    h('div', { class: 'actions' }, again, closeButton(options.onClose)));
  return { element, focus: again };
}

/**
 * The business calls back: Answer and Decline, in an alert dialog named by the status line's words, which screen
 * readers also hear as the status changes.
 */
export function callingBackView(text: string, onAnswer: () => void, onDecline: () => void): View {
  const answer = button('Answer', { part: 'answer' }, onAnswer);
  const element = h('div', { class: 'body', role: 'alertdialog', 'aria-label': text },
    h('div', { class: 'actions' }, answer, button('Decline', { class: 'secondary', part: 'decline' }, onDecline)));
  return { element, focus: answer };
}

/** Opened from a "call us back" link: the ways to talk, and a button that calls the business back. */
export function returnView(name: string, modes: readonly CallMode[], onCall: (mode: CallMode) => void,
  onNotNow: () => void): View {
  const call = h('button', { type: 'submit', part: 'call' }, `Call ${name} back`);
  const form = h('form', { class: 'pick' },
    h('fieldset', {}, h('legend', {}, 'How would you like to talk?'),
      ...modes.map((m, i) => choice('mode', m, MODE_LABELS[m], i === 0))),
    h('div', { class: 'actions' }, call, button('Not now', { class: 'secondary' }, onNotNow)));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onCall((new FormData(form).get('mode') as CallMode | null) ?? modes[0]!);
  });
  return { element: form, focus: call };
}
