import type { RememberedCallback } from '../shared/callback-memory.js';
import { button, h, sheet } from '../shared/dom.js';
import type { CallbackKind, SiteInfo } from '../shared/protocol.js';
import { CallError } from '../shared/server.js';
import { formatInstant } from '../shared/time-words.js';
import { submitCallback, type CallbackCreated } from './callback-submit.js';
import { pushSupported, subscribeToPush } from './push-subscription.js';
import { renderSlots } from './slot-picker.js';
import { renderVoiceRecorder } from './voice-recorder.js';

/** What the call screen gives the options it shows when nobody answered. */
export interface CallbackOptionsSettings {
  readonly base: URL;
  readonly info: SiteInfo;
  /** The domain called. */
  readonly domain: string;
  /** The reason the caller picked for the call. */
  readonly reason: string;
  /** Sends an event from the `<domain-call>` element. */
  readonly emit: (type: string, detail: object) => void;
  /** A request was stored: the call screen keeps it, and listens for the business calling back. */
  readonly onStored: (callback: RememberedCallback) => void;
}

/** The options as drawn. */
export interface CallbackOptions {
  /** Where focus goes when the options appear: the first choice. */
  readonly focus: HTMLElement;
  dispose(): void;
}

const KINDS: readonly [CallbackKind, string][] = [
  ['asap', 'Call me back as soon as possible'],
  ['slot', 'Call me back at a time'],
  ['message', 'Leave a message'],
];

const defaults = { maxMessageLength: 2000, maxVoiceBytes: 1_048_576, maxVoiceSeconds: 120, slotMinutes: 15 };

/** One submission: its key stays the same through every retry and every press of Send again. */
interface Pending {
  readonly key: string;
  readonly body: FormData;
  readonly kind: CallbackKind;
  readonly email: string;
  readonly pushNote: string;
}

/**
 * Draws what a caller can do when nobody answered: be called back as soon as possible or at a time, or leave a
 * text or voice message, with an optional name, email and browser notifications. The confirmation shows only once
 * the server answered that the request is stored.
 */
export function renderCallbackOptions(container: HTMLElement, settings: CallbackOptionsSettings): CallbackOptions {
  const root = container.getRootNode();
  if (root instanceof ShadowRoot && !root.adoptedStyleSheets.includes(optionsSheet)) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, optionsSheet];
  }
  const limits = settings.info.callbacks ?? defaults;
  const recorder = typeof MediaRecorder === 'undefined' ? null
    : renderVoiceRecorder(limits.maxVoiceSeconds, limits.maxVoiceBytes);

  const kinds = KINDS.map(([kind, label], index) => h('label', { class: 'choice' },
    h('input', { type: 'radio', name: 'kind', value: kind, checked: index === 0 }), h('span', {}, label)));
  const slots = h('fieldset', { class: 'slots', hidden: true }, h('legend', {}, 'When should we call you?'));
  const slotList = h('div', { class: 'slot-list' });
  slots.append(slotList);
  const text = h('textarea', { id: 'domain-call-callback-message', name: 'message', rows: '4',
    maxlength: String(limits.maxMessageLength) });
  const message = h('div', { class: 'message', hidden: true },
    field('Your message', text), recorder?.element);
  const name = h('input', { id: 'domain-call-callback-name', name: 'name', type: 'text', autocomplete: 'name',
    maxlength: '100' });
  const email = h('input', { id: 'domain-call-callback-email', name: 'email', type: 'email', autocomplete: 'email',
    maxlength: '254', 'aria-describedby': 'domain-call-callback-email-hint' });
  const push = settings.info.pushKey && pushSupported()
    ? h('input', { type: 'checkbox', name: 'notify' }) : null;
  const notice = h('p', { class: 'notice', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit' }, 'Send request');
  const again = button('Send again', { hidden: true }, () => void send());
  const status = h('p', { class: 'sent', role: 'status', tabindex: '-1' });

  const form = h('form', { class: 'options', novalidate: true },
    h('fieldset', {}, h('legend', {}, 'What would you like?'), ...kinds),
    slots,
    message,
    field('Your name (optional)', name),
    field('Email (optional)', email,
      h('span', { id: 'domain-call-callback-email-hint', class: 'hint' }, 'We write only about this call.')),
    push ? h('label', { class: 'check' }, push, h('span', {}, 'Notify me in this browser')) : null,
    notice,
    h('div', { class: 'actions' }, submit, again));
  container.replaceChildren(form, status);

  let pending: Pending | null = null;
  let sending = false;
  let slotsLoaded = false;

  const kind = () => (new FormData(form).get('kind') ?? 'asap') as CallbackKind;
  const say = (words: string) => {
    notice.hidden = !words;
    notice.textContent = words;
  };

  form.addEventListener('change', (event) => {
    if ((event.target as HTMLInputElement).name !== 'kind') return;
    slots.hidden = kind() !== 'slot';
    message.hidden = kind() !== 'message';
    if (kind() === 'slot' && !slotsLoaded) {
      slotsLoaded = true;
      void renderSlots(slotList, settings.base, settings.domain);
    }
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (sending) return;
    void prepare();
  });

  async function prepare(): Promise<void> {
    const chosen = kind();
    const data = new FormData(form);
    const voice = chosen === 'message' ? recorder?.recording() ?? null : null;
    const problem = chosen === 'slot' && !data.get('slot') ? 'Pick a time for the call.'
      : chosen === 'message' && !text.value.trim() && !voice ? 'Write a message or record one.'
        : !email.validity.valid ? 'Check the email address: it should look like name@example.com.' : '';
    say(problem);
    if (problem) return;

    const body = new FormData();
    const put = (key: string, value: string | null | undefined) => {
      if (value) body.set(key, value);
    };
    put('domain', settings.domain);
    put('kind', chosen);
    put('reason', settings.reason);
    if (chosen === 'slot') put('slot', String(data.get('slot')));
    if (chosen === 'message') put('message', text.value.trim());
    if (voice) {
      body.set('voice', voice.blob, `voice-message.${voice.blob.type.includes('mp4') ? 'm4a' : 'webm'}`);
      put('voiceSeconds', String(voice.seconds));
    }
    put('name', name.value.trim());
    put('email', email.value.trim());
    put('timeZone', Intl.DateTimeFormat().resolvedOptions().timeZone);

    let pushNote = '';
    if (push?.checked) {
      sending = true;
      try {
        put('push', await subscribeToPush(settings.base, settings.info.pushKey!));
      } catch (error) {
        pushNote = error instanceof Error ? error.message : String(error);
      } finally {
        sending = false;
      }
    }
    pending = { key: crypto.randomUUID(), body, kind: chosen, email: email.value.trim(), pushNote };
    await send();
  }

  async function send(): Promise<void> {
    const attempt = pending;
    if (!attempt || sending) return;
    sending = true;
    say('');
    again.hidden = true;
    submit.setAttribute('aria-disabled', 'true');
    status.textContent = 'Sending your request\u2026';
    try {
      stored(attempt, await submitCallback(settings.base, attempt.body, attempt.key));
    } catch (error) {
      const problem = error instanceof CallError ? error : new CallError('server-error', String(error));
      status.textContent = '';
      say(problem.message);
      // Only a request that may have arrived is sent again under its key; a refused one is fixed and sent anew.
      const unsure = problem.code === 'offline' || problem.code === 'server-error';
      again.hidden = !unsure;
      if (!unsure) pending = null;
      if (problem.code === 'slot-taken' || problem.code === 'slot-unavailable') {
        void renderSlots(slotList, settings.base, settings.domain);
      }
      (unsure ? again : submit).focus();
    } finally {
      sending = false;
      submit.removeAttribute('aria-disabled');
    }
  }

  function stored(attempt: Pending, created: CallbackCreated): void {
    settings.onStored({ id: created.id, token: created.token, domain: settings.domain });
    if (attempt.kind === 'message') {
      settings.emit('domain-call-message-left', { id: created.id, voice: attempt.body.has('voice') });
    } else {
      settings.emit('domain-call-callback-requested', { id: created.id, kind: attempt.kind, slot: created.slot });
    }
    recorder?.dispose();
    form.remove();
    status.textContent = [confirmation(attempt, created, settings.info.name || settings.domain),
      attempt.kind === 'message' ? '' : 'Keep this page open to take the call here.',
      attempt.email ? `If you are not here, we will email ${attempt.email}.` : '',
      attempt.pushNote].filter(Boolean).join(' ');
    status.focus();
  }

  return {
    focus: kinds[0]!.querySelector('input')!,
    dispose: () => recorder?.dispose(),
  };
}

function confirmation(attempt: Pending, created: CallbackCreated, business: string): string {
  if (attempt.kind === 'message') return `Your message was sent to ${business}.`;
  if (created.slot) return `We\u2019ll call you back on ${formatInstant(created.slot, true)} (your time).`;
  return 'We\u2019ll call you back as soon as we can.';
}

function field(label: string, control: HTMLInputElement | HTMLTextAreaElement, hint?: HTMLElement): HTMLElement {
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control, hint);
}

const optionsSheet = sheet(`
.options, .options .message, .options .recorder, .options .slot-list { display: grid; gap: 1rem; }
.options .field { display: grid; gap: 0.25rem; }
.options label { font-weight: 600; }
.options input[type="text"], .options input[type="email"], .options textarea { font: inherit; inline-size: 100%;
  min-block-size: 2.75rem; padding: 0.5rem 0.75rem; border: 2px solid var(--domain-call-border);
  border-radius: var(--domain-call-radius); background: var(--domain-call-background); color: var(--domain-call-text); }
.options .day legend { font-weight: 600; padding-block-end: 0.25rem; }
.options .day { grid-template-columns: repeat(auto-fill, minmax(6rem, 1fr)); }
.options .hint, .options .recorder-state { color: var(--domain-call-muted); font-weight: 400; }
.options .countdown { font-variant-numeric: tabular-nums; font-weight: 600; }
.options .check { display: flex; gap: 0.75rem; align-items: center; min-block-size: 2.75rem; }
.options .check input { inline-size: 1.25rem; block-size: 1.25rem; accent-color: var(--domain-call-accent); }
.screen .sent { font-weight: 600; }
.screen .sent:focus { outline: none; }
`);
