import { button, h } from '../shared/dom.js';

/** What the desk's buttons do; the view itself holds no behaviour. */
export interface DeskViewActions {
  readonly reconnect: () => void;
  readonly togglePresence: () => void;
  readonly allowNotifications: () => void;
}

/**
 * The parts of the desk's shadow tree that change while it runs.
 *
 * What the desk says is said once, where it shows: the connection line and the waiting line are status regions,
 * and a call that starts ringing or joins the recent calls is read out from its list. Only what shows nowhere (the
 * microphone and camera switched off or on) goes through the hidden `live` region.
 */
export interface DeskView {
  readonly root: ShadowRoot;
  readonly connection: HTMLElement;
  readonly reconnect: HTMLButtonElement;
  readonly presence: HTMLButtonElement;
  readonly notifications: HTMLButtonElement;
  readonly problem: HTMLElement;
  readonly ringing: HTMLElement;
  readonly ringingTitle: HTMLElement;
  readonly offers: HTMLUListElement;
  readonly soundHint: HTMLElement;
  readonly call: HTMLElement;
  readonly summary: HTMLElement;
  readonly waiting: HTMLElement;
  readonly recent: HTMLElement;
  readonly recentTitle: HTMLElement;
  readonly recentList: HTMLOListElement;
  readonly live: HTMLElement;
  /** Where the out-of-office controls go. */
  readonly away: HTMLElement;
  /** Where the callbacks and messages go. */
  readonly board: HTMLElement;
}

/** Builds the desk's shadow tree, empty of calls, and gives back the parts that change. */
export function buildDeskView(root: ShadowRoot, actions: DeskViewActions): DeskView {
  const view: DeskView = {
    root,
    connection: h('p', { class: 'connection', part: 'connection', role: 'status', 'data-state': 'connecting' },
      'Connecting\u2026'),
    reconnect: button('Reconnect', { class: 'small', part: 'button reconnect', hidden: true }, actions.reconnect),
    presence: button('Available for calls', { class: 'switch', part: 'button presence', role: 'switch',
      'aria-checked': 'true' }, actions.togglePresence),
    notifications: button('Allow notifications',
      { class: 'small secondary', part: 'button notifications', hidden: true }, actions.allowNotifications),
    problem: h('p', { class: 'problem', part: 'problem', role: 'alert', hidden: true }),
    ringing: h('div', { class: 'ringing-calls empty', part: 'ringing' }),
    ringingTitle: h('h2', { id: 'ringing-title', hidden: true }, 'Incoming calls'),
    offers: h('ul', { class: 'offers', 'aria-labelledby': 'ringing-title', 'aria-live': 'polite',
      'aria-relevant': 'additions' }),
    soundHint: h('p', { class: 'hint', hidden: true },
      'The ring is silent until you click or press a key on this page; browsers hold sound back until then.'),
    call: h('section', { class: 'desk-call', part: 'call', 'aria-label': 'Call in progress', hidden: true }),
    summary: h('section', { class: 'summary', part: 'summary', tabindex: '-1', 'aria-labelledby': 'summary-title',
      hidden: true }),
    waiting: h('p', { class: 'waiting', part: 'waiting', role: 'status' }),
    recent: h('div', { class: 'recent empty', part: 'recent' }),
    recentTitle: h('h2', { id: 'recent-title', hidden: true }, 'Recent calls'),
    recentList: h('ol', { 'aria-labelledby': 'recent-title', 'aria-live': 'polite', 'aria-relevant': 'additions' }),
    live: h('p', { class: 'sr-only', 'aria-live': 'polite', 'aria-atomic': 'true' }),
    away: h('div', { class: 'away-slot' }),
    board: h('div', { class: 'board-slot' }),
  };

  view.ringing.append(view.ringingTitle, view.offers, view.soundHint);
  view.recent.append(view.recentTitle, view.recentList);

  root.replaceChildren(h('div', { class: 'desk', part: 'desk' },
    h('div', { class: 'bar' }, view.connection, view.reconnect),
    h('div', { class: 'bar' }, view.presence, view.notifications),
    view.away,
    view.problem,
    view.call,
    view.ringing,
    view.summary,
    view.waiting,
    view.recent,
    view.board,
    view.live));
  return view;
}

/**
 * Shows or empties a list's block. The list itself always stays in the page, out of the layout while empty,
 * because screen readers hear what is added to a live list only if the list was there before.
 */
export function showList(block: HTMLElement, title: HTMLElement, shown: boolean): void {
  block.classList.toggle('empty', !shown);
  title.hidden = !shown;
}

/** Sets the text of a status region, only when it changed: setting it again would make it be read again. */
export function setStatusText(element: HTMLElement, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

const pendingAnnouncements = new WeakMap<DeskView, ReturnType<typeof setTimeout>>();

/**
 * Says something to screen readers once, through the desk's hidden live region. Only for what the desk shows
 * nowhere: the words must not repeat any text on the desk.
 */
export function announce(view: DeskView, text: string): void {
  // Emptying first, and filling a moment later, makes screen readers read a repeated sentence again.
  clearAnnouncement(view);
  pendingAnnouncements.set(view, setTimeout(() => {
    view.live.textContent = text;
  }, 50));
}

/** Empties the hidden live region, so that nothing said about a call outlives it. */
export function clearAnnouncement(view: DeskView): void {
  clearTimeout(pendingAnnouncements.get(view));
  view.live.textContent = '';
}

/** Shows a problem the owner can act on, or hides it when `text` is null. */
export function showProblem(view: DeskView, text: string | null, link?: { href: string; text: string }): void {
  view.problem.replaceChildren();
  view.problem.hidden = text === null;
  if (text === null) return;

  view.problem.append(text);
  if (link) view.problem.append(' ', h('a', { href: link.href }, link.text));
}

/**
 * Shows how the desk's last call ended, moving focus there if it was on the call; or, for `null`, takes it away,
 * words and all, so that no hidden "Call ended" stays on the desk. The summary is no live region: a screen reader
 * whose focus was elsewhere hears the end from the new line in the recent calls, without who ended it.
 */
export function showSummary(view: DeskView, text: string | null, focus = false): void {
  view.summary.hidden = text === null;
  if (text === null) {
    view.summary.replaceChildren();
    return;
  }

  view.summary.replaceChildren(h('h2', { id: 'summary-title' }, 'Call ended'), h('p', {}, text));
  if (focus) view.summary.focus();
}
