import { button, formatDuration, h } from '../shared/dom.js';
import { formatInstant } from '../shared/time-words.js';
import type { CallbackNotification, DeskCallback } from './desk-callback-types.js';

/** What an item's buttons do. */
export interface CallbackItemActions {
  readonly callBack: () => void;
  readonly markHandled: () => void;
}

/** A drawn callback: its list item, and the line where the outcome of its actions shows. */
export interface CallbackItem {
  readonly item: HTMLLIElement;
  readonly outcome: HTMLElement;
}

/** How the desk names the person who asked: the name they gave, or their caller identity. */
export function callbackWho(callback: DeskCallback): string {
  return callback.name || callback.contact.identity;
}

/**
 * Draws one callback or message: who and why, when to call, the contact card, the message and its recording, how
 * its notifications went, and Add to calendar, Call back now and Mark handled. Everything the caller wrote goes in
 * as text.
 */
export function callbackItem(callback: DeskCallback, urls: { voice: string; calendar: string },
  actions: CallbackItemActions): CallbackItem {
  const who = callbackWho(callback);
  const headingId = `callback-${callback.id}`;
  const outcome = h('p', { class: 'item-outcome', role: 'status' });
  const contact = callback.contact;
  const calls = contact.calls === 1 ? '1 call' : `${contact.calls} calls`;
  const history = contact.calls && contact.firstCall && contact.lastCall
    ? `${calls}, first ${formatInstant(contact.firstCall, true)}, last ${formatInstant(contact.lastCall, true)}`
    : 'No calls before';
  const handled = callback.status === 'handled';
  const length = callback.voiceSeconds ? `, ${formatDuration(callback.voiceSeconds)}` : '';

  const item = h('li', { class: 'callback', part: 'callback', 'aria-labelledby': headingId },
    h('h3', { id: headingId, class: 'who' }, who),
    h('p', { class: 'when' }, `${whatLabel(callback)} \u00b7 ${callback.reason.label}`),
    h('p', { class: 'details' },
      [who === contact.identity ? '' : contact.identity, contact.kind, contact.client, history]
        .filter(Boolean).join(' \u00b7 ')),
    callback.email ? h('p', { class: 'details' }, `Email: ${callback.email}`) : null,
    callback.message ? h('p', { class: 'message' }, callback.message) : null,
    callback.hasVoice ? h('audio', { controls: true, preload: 'metadata', src: urls.voice,
      'aria-label': `Voice message from ${who}${length}` }) : null,
    notificationsLine(callback.notifications),
    h('div', { class: 'actions' },
      h('a', { class: 'button secondary', part: 'calendar', href: urls.calendar,
        download: `callback-${callback.id}.ics`, 'aria-describedby': headingId }, 'Add to calendar'),
      handled ? null : button('Call back now', { part: 'button call-back', 'aria-describedby': headingId },
        actions.callBack),
      handled ? null : button('Mark handled', { class: 'secondary', part: 'button handled',
        'aria-describedby': headingId }, actions.markHandled)),
    outcome);
  return { item, outcome };
}

function whatLabel(callback: DeskCallback): string {
  if (callback.status === 'handled' && callback.handledAt) {
    return `Handled ${formatInstant(callback.handledAt, true)}`;
  }
  if (callback.kind === 'message') return `Message left ${formatInstant(callback.createdAt, true)}`;
  if (callback.slot) return `Call back ${formatInstant(callback.slot, true)}`;
  return `Call back as soon as possible (asked ${formatInstant(callback.createdAt, true)})`;
}

// A failed notification must be seen: the callback is kept, but the caller may not know the business tried.
function notificationsLine(notifications: readonly CallbackNotification[] | undefined): HTMLElement | null {
  if (!notifications?.length) return null;
  const words = notifications.map((n) => {
    const tries = n.attempts === 1 ? '1 try' : `${n.attempts} tries`;
    const what = n.kind ? `${n.channel} (${n.kind.replace(/-/g, ' ')})` : n.channel;
    if (n.state === 'dead') return `${what}: failed after ${tries}${n.lastError ? ` (${n.lastError})` : ''}`;
    if (n.state === 'pending') return `${what}: pending${n.attempts ? `, ${tries} so far` : ''}`;
    return `${what}: sent`;
  });
  const failed = notifications.some((n) => n.state === 'dead');
  return h('p', { class: failed ? 'notifications failed' : 'notifications' }, `Notifications: ${words.join('; ')}`);
}
