import type { Desk } from './desk-state.js';
import { notificationAccess } from './desk-notifications.js';

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
  view.connection.textContent = statusWords[desk.status];
  view.reconnect.hidden = desk.status !== 'offline';

  view.presence.setAttribute('aria-checked', String(desk.presence === 'available'));
  view.notifications.hidden = notificationAccess() !== 'default';
}

/** Says what the desk is waiting for, or why calls cannot reach it; hidden while a call is in progress. */
export function renderWaiting(desk: Desk): void {
  const { view } = desk;
  view.waiting.hidden = desk.call !== null || desk.offers.size > 0;
  view.waiting.textContent = waitingSentence(desk);
}

function waitingSentence(desk: Desk): string {
  switch (desk.status) {
    case 'connecting':
      return 'Connecting to the call service\u2026';
    case 'offline':
      return 'Calls cannot reach this desk until it is back online. It keeps trying by itself.';
    case 'refused':
      return 'Calls cannot reach this desk.';
    case 'online':
      if (desk.presence === 'away') return 'Away: calls are not offered to this desk. Switch on to take calls.';
      return desk.joined ? 'Waiting for calls.' : 'Joining the desk\u2026';
  }
}
