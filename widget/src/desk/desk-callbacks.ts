import { button, h } from '../shared/dom.js';
import type { CallbackDue, CallOffer } from '../shared/protocol.js';
import { hubError, invokeHub } from '../shared/server.js';
import { callbackItem, callbackWho } from './callback-item.js';
import type { CallbackFilter, DeskCallback } from './desk-callback-types.js';
import { notifyIncomingCall } from './desk-notifications.js';
import type { Desk } from './desk-state.js';

/** The "Callbacks and messages" section of the desk and what it shows. */
export interface CallbackBoard {
  readonly element: HTMLElement;
  readonly filters: Readonly<Record<CallbackFilter, HTMLButtonElement>>;
  readonly list: HTMLUListElement;
  readonly status: HTMLElement;
  readonly reminders: HTMLElement;
  filter: CallbackFilter;
  open: readonly DeskCallback[];
  handled: readonly DeskCallback[];
  /** What each item's last action came to, kept across a refetch of the list. */
  readonly outcomes: Map<string, string>;
  /** The callback this desk called back with an answer of `ringing`: the caller's call is answered by itself. */
  callingBack: { readonly callbackId: string; readonly who: string } | null;
  /** Counts refetches, so an older answer that comes last is dropped. */
  fetches: number;
}

const FILTERS: readonly [CallbackFilter, string][] =
  [['new', 'New'], ['scheduled', 'Scheduled'], ['handled', 'Handled']];

const OUTCOMES = {
  ringing: (who: string) => `Ringing ${who}. Their answer is taken here.`,
  'push-sent': (who: string) => `${who} is not on the page: a notification with a link to call you was sent.`,
  'email-sent': (who: string) => `${who} is not on the page: an email with a link to call you was sent.`,
  unreachable: (who: string) => `${who} cannot be reached now: not on the page, and no email or notification.`,
} as const;

/** Builds the section; the desk fills it once it has joined. */
export function buildCallbackBoard(onFilter: (filter: CallbackFilter) => void): CallbackBoard {
  const filters = Object.fromEntries(FILTERS.map(([filter, label]) => [filter,
    button(label, { class: 'small secondary filter', 'aria-pressed': String(filter === 'new') },
      () => onFilter(filter))])) as Record<CallbackFilter, HTMLButtonElement>;
  const list = h('ul', { class: 'callbacks', 'aria-labelledby': 'callbacks-title' });
  const status = h('p', { class: 'board-status', role: 'status' });
  const reminders = h('div', { class: 'reminders' });
  const element = h('section', { class: 'board', part: 'callbacks', 'aria-labelledby': 'callbacks-title' },
    h('h2', { id: 'callbacks-title' }, 'Callbacks and messages'),
    reminders,
    h('div', { class: 'bar', role: 'group', 'aria-label': 'Show' }, ...Object.values(filters)),
    status,
    list);
  return { element, filters, list, status, reminders, filter: 'new', open: [], handled: [], outcomes: new Map(),
    callingBack: null, fetches: 0 };
}

/** Shows another filter's callbacks. */
export function showFilter(desk: Desk, filter: CallbackFilter): void {
  desk.board.filter = filter;
  renderBoard(desk);
}

/** Reads the open and the handled callbacks again, and redraws the list. */
export async function refreshCallbacks(desk: Desk): Promise<void> {
  const board = desk.board;
  const fetch = ++board.fetches;
  try {
    const [open, handled] = await Promise.all([listCallbacks(desk, 'open'), listCallbacks(desk, 'handled')]);
    if (fetch !== board.fetches || desk.closed) return;
    board.open = open;
    board.handled = handled;
    renderBoard(desk);
  } catch (error) {
    if (fetch === board.fetches) board.status.textContent = error instanceof Error ? error.message : String(error);
  }
}

async function listCallbacks(desk: Desk, status: 'open' | 'handled'): Promise<DeskCallback[]> {
  const url = deskApi(desk, '');
  url.searchParams.set('status', status);
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' } });
  } catch {
    throw new Error('The callbacks could not be loaded: the server cannot be reached.');
  }
  if (response.status === 403) throw new Error('Sign in again to see the callbacks.');
  if (!response.ok) throw new Error(`The callbacks could not be loaded (HTTP ${response.status}).`);
  return ((await response.json()) as { callbacks: DeskCallback[] }).callbacks;
}

function deskApi(desk: Desk, path: string): URL {
  const url = new URL(`desk/api/callbacks${path}`, desk.base);
  url.searchParams.set('domain', desk.domain);
  return url;
}

/** Draws the current filter's callbacks, keeping focus on the same control of the same item when it is still there. */
export function renderBoard(desk: Desk): void {
  const board = desk.board;
  const focused = board.list.contains(desk.view.root.activeElement) ? desk.view.root.activeElement : null;
  const focusedItem = focused?.closest('li')?.getAttribute('data-id');
  const focusedText = focused?.textContent;

  const counts = { new: 0, scheduled: 0, handled: board.handled.length };
  for (const callback of board.open) counts[callback.status === 'scheduled' ? 'scheduled' : 'new']++;
  for (const [filter, label] of FILTERS) {
    board.filters[filter].setAttribute('aria-pressed', String(filter === board.filter));
    board.filters[filter].textContent = `${label} (${counts[filter]})`;
  }

  const shown = board.filter === 'handled' ? board.handled : board.open.filter((c) => c.status === board.filter);
  board.list.replaceChildren(...shown.map((callback) => {
    const drawn = callbackItem(callback, {
      voice: deskApi(desk, `/${encodeURIComponent(callback.id)}/voice`).href,
      calendar: deskApi(desk, `/${encodeURIComponent(callback.id)}/calendar.ics`).href,
    }, {
      callBack: () => void callBack(desk, callback),
      markHandled: () => void markHandled(desk, callback),
    });
    drawn.item.dataset['id'] = callback.id;
    drawn.outcome.textContent = board.outcomes.get(callback.id) ?? '';
    return drawn.item;
  }));
  const none = { new: 'No new requests or messages.', scheduled: 'No scheduled calls.',
    handled: 'Nothing handled yet.' };
  if (!shown.length) board.list.append(h('li', { class: 'none' }, none[board.filter]));

  if (focusedItem) {
    const again = [...board.list.querySelectorAll<HTMLElement>(`li[data-id] a, li[data-id] button`)]
      .find((e) => e.closest('li')?.getAttribute('data-id') === focusedItem && e.textContent === focusedText);
    (again ?? board.filters[board.filter]).focus();
  }
}

function setOutcome(desk: Desk, callbackId: string, text: string): void {
  desk.board.outcomes.set(callbackId, text);
  const item = [...desk.board.list.children].find((li) => li.getAttribute('data-id') === callbackId);
  const outcome = item?.querySelector('.item-outcome');
  if (outcome) outcome.textContent = text;
}

/** Call back now: the server rings the caller if they are on the page, or else notifies or emails them. */
async function callBack(desk: Desk, callback: DeskCallback): Promise<void> {
  const who = callbackWho(callback);
  if (!desk.connection || !desk.joined) {
    setOutcome(desk, callback.id, 'This desk must be online and available for calls to call back.');
    return;
  }
  setOutcome(desk, callback.id, `Calling ${who} back\u2026`);
  try {
    const { outcome } = await invokeHub(desk.connection, 'CallBack', desk.domain, callback.id, 'voice');
    if (outcome === 'ringing') desk.board.callingBack = { callbackId: callback.id, who };
    setOutcome(desk, callback.id, (OUTCOMES[outcome] ?? (() => `The server answered: ${outcome}.`))(who));
  } catch (error) {
    setOutcome(desk, callback.id, hubError(error).message);
  }
}

async function markHandled(desk: Desk, callback: DeskCallback): Promise<void> {
  let response: Response | null = null;
  try {
    response = await fetch(deskApi(desk, `/${encodeURIComponent(callback.id)}/handled`), { method: 'POST' });
  } catch {
    // Said below, as for a refusal.
  }
  if (!response?.ok) {
    setOutcome(desk, callback.id, 'It could not be marked handled. Check the connection and try again.');
    return;
  }
  desk.board.outcomes.delete(callback.id);
  desk.board.status.textContent = `${callbackWho(callback)}: marked handled.`;
  await refreshCallbacks(desk);
}

/**
 * An offer that answers this desk's "Call back now": true when the desk should answer it by itself, as the person
 * at the desk already chose to talk to this caller.
 */
export function takeCallingBack(desk: Desk, offer: CallOffer): boolean {
  const calling = desk.board.callingBack;
  if (!calling || !offer.callbackId || offer.callbackId !== calling.callbackId) return false;
  desk.board.callingBack = null;
  setOutcome(desk, calling.callbackId, `${calling.who} answered.`);
  return true;
}

/** The caller declined the call back. */
export function callBackDeclined(desk: Desk, callbackId: string): void {
  const calling = desk.board.callingBack;
  if (calling?.callbackId === callbackId) desk.board.callingBack = null;
  setOutcome(desk, callbackId, `Declined: ${calling?.who ?? 'the caller'} did not take the call.`);
}

/** A scheduled callback's slot has come: a reminder on the desk, and a browser notification when it is hidden. */
export function callbackDue(desk: Desk, due: CallbackDue): void {
  const time = new Date(due.slot).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  const text = `Call ${due.name} back now (slot ${time})`;
  const reminder = h('div', { class: 'reminder', part: 'reminder', role: 'alert' }, h('p', {}, text));
  reminder.append(button('Dismiss', { class: 'small secondary', 'aria-label': `Dismiss: ${text}` }, () => {
    reminder.remove();
    desk.board.filters[desk.board.filter].focus();
  }));
  desk.board.reminders.append(reminder);
  notifyIncomingCall(`callback-due-${due.callbackId}`, 'Callback due', text);
}
