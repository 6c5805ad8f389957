import { button, h } from '../shared/dom.js';

/** What the desk's buttons do; the view itself holds no behaviour. */
export interface DeskViewActions {
  readonly reconnect: () => void;
  readonly togglePresence: () => void;
  readonly allowNotifications: () => void;
}

/** The parts of the desk's shadow tree that change while it runs. */
export interface DeskView {
  readonly root: ShadowRoot;
  readonly connection: HTMLElement;
  readonly reconnect: HTMLButtonElement;
  readonly presence: HTMLButtonElement;
  readonly notifications: HTMLButtonElement;
  readonly problem: HTMLElement;
  readonly note: HTMLElement;
  readonly ringing: HTMLElement;
  readonly offers: HTMLUListElement;
  readonly soundHint: HTMLElement;
  readonly call: HTMLElement;
  readonly summary: HTMLElement;
  readonly summaryText: HTMLElement;
  readonly waiting: HTMLElement;
  readonly recent: HTMLElement;
  readonly recentList: HTMLOListElement;
  readonly live: HTMLElement;
}

/** Builds the desk's shadow tree, empty of calls, and gives back the parts that change. */
export function buildDeskView(root: ShadowRoot, actions: DeskViewActions): DeskView {
  const view: DeskView = {
    root,
    connection: h('p', { class: 'connection', part: 'connection', 'data-state': 'connecting' }, 'Connecting\u2026'),
    reconnect: button('Reconnect', { class: 'small', part: 'button reconnect', hidden: true }, actions.reconnect),
    presence: button('Available for calls', { class: 'switch', part: 'button presence', role: 'switch',
      'aria-checked': 'true' }, actions.togglePresence),
    notifications: button('Allow notifications',
      { class: 'small secondary', part: 'button notifications', hidden: true }, actions.allowNotifications),
    problem: h('p', { class: 'problem', part: 'problem', role: 'alert', hidden: true }),
    note: h('p', { class: 'note', part: 'note', hidden: true }),
    ringing: h('section', { class: 'ringing-calls', part: 'ringing', 'aria-labelledby': 'ringing-title', hidden: true }),
    offers: h('ul', { class: 'offers' }),
    soundHint: h('p', { class: 'hint', hidden: true },
      'The ring is silent until you click or press a key on this page; browsers hold sound back until then.'),
    call: h('section', { class: 'desk-call', part: 'call', 'aria-label': 'Call in progress', hidden: true }),
    summary: h('section', { class: 'summary', part: 'summary', tabindex: '-1', 'aria-labelledby': 'summary-title',
      hidden: true }),
    summaryText: h('p'),
    waiting: h('p', { class: 'waiting', part: 'waiting' }),
    recent: h('section', { class: 'recent', part: 'recent', 'aria-labelledby': 'recent-title', hidden: true }),
    recentList: h('ol'),
    live: h('p', { class: 'sr-only', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' }),
  };

  view.ringing.append(h('h2', { id: 'ringing-title' }, 'Incoming calls'), view.offers, view.soundHint);
  view.summary.append(h('h2', { id: 'summary-title' }, 'Call ended'), view.summaryText);
  view.recent.append(h('h2', { id: 'recent-title' }, 'Recent calls'), view.recentList);

  root.replaceChildren(h('div', { class: 'desk', part: 'desk' },
    h('div', { class: 'bar' }, view.connection, view.reconnect),
    h('div', { class: 'bar' }, view.presence, view.notifications),
    view.problem,
    view.note,
    view.ringing,
    view.call,
    view.summary,
    view.waiting,
    view.recent,
    view.live));
  return view;
}

const pendingAnnouncements = new WeakMap<DeskView, ReturnType<typeof setTimeout>>();

/** Says something to screen readers once, through the desk's live region. */
export function announce(view: DeskView, text: string): void {
  // Emptying first, and filling a moment later, makes screen readers read a repeated sentence again.
  clearTimeout(pendingAnnouncements.get(view));
  view.live.textContent = '';
  pendingAnnouncements.set(view, setTimeout(() => {
    view.live.textContent = text;
  }, 50));
}

/** Shows a problem the owner can act on, or hides it when `text` is null. */
export function showProblem(view: DeskView, text: string | null, link?: { href: string; text: string }): void {
  view.problem.replaceChildren();
  view.problem.hidden = text === null;
  if (text === null) return;

  view.problem.append(text);
  if (link) view.problem.append(' ', h('a', { href: link.href }, link.text));
}

/** Shows what just happened to a call that did not become this desk's ("Answered on another device"), or hides it. */
export function showNote(view: DeskView, text: string | null): void {
  view.note.textContent = text;
  view.note.hidden = text === null;
}
