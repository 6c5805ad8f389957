import type { Desk } from './desk-state.js';
import { notificationAccess } from './desk-notifications.js';
import { setStatusText } from './desk-view.js';

const statusWords = {
  connecting: 'Connecting\u2026',
  online: 'Online',
  offline: 'Offline',
  refused: 'Not signed in',
} as const;

/** Draws the connection line, the Reconnect button, the presence switch and the notifications button. */
export function renderPresence(desk: Desk): void {
  const { view } = desk;
  view.connection.dataset['state'] = desk.status;
  setStatusText(view.connection, statusWords[desk.status]);
  view.reconnect.hidden = desk.status !== 'offline';

  view.presence.setAttribute('aria-checked', String(desk.presence === 'available'));
  view.notifications.hidden = notificationAccess() !== 'default';
}

/**
 * Says what the desk is waiting for, or why calls cannot reach it; empty while a call rings or is in progress.
 * Its words never repeat the connection line's, which says the same moment in one word.
 */
export function renderWaiting(desk: Desk): void {
  const busy = desk.call !== null || desk.offers.size > 0;
  setStatusText(desk.view.waiting, busy ? '' : waitingSentence(desk));
}

function waitingSentence(desk: Desk): string {
  switch (desk.status) {
    case 'connecting':
      return '';
    case 'offline':
      return 'Calls cannot reach this desk until its connection is back. It keeps trying by itself.';
    case 'refused':
      return 'Calls cannot reach this desk.';
    case 'online':
      if (desk.presence === 'away') return 'Away: calls are not offered to this desk. Switch on to take calls.';
      return desk.joined ? 'Waiting for calls.' : 'Joining the desk\u2026';
  }
}
