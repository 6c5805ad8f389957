import { serverBase } from '../shared/server.js';
import { releaseCall } from './desk-call.js';
import { connect, disconnect, reconnect, setPresence } from './desk-connection.js';
import { requestNotificationAccess } from './desk-notifications.js';
import { refreshRinging } from './desk-ringing.js';
import type { Desk } from './desk-state.js';
import { renderPresence, renderWaiting } from './desk-status.js';
import { buildDeskView, showProblem } from './desk-view.js';
import { buildAwayControls, setOutOfOffice } from './desk-away.js';
import { buildCallbackBoard, showFilter } from './desk-callbacks.js';
import { recallPresence } from './presence-memory.js';
import { createRingTone } from './ring-tone.js';

/**
 * Starts a desk for `domain` in the element's shadow root: draws it, connects to the hub of the server that served
 * this script and, unless the owner left the desk away, joins it.
 */
export function openDesk(host: HTMLElement, root: ShadowRoot, domain: string): Desk {
  // Filled in below; the view's buttons only fire after this function has returned.
  let desk!: Desk;
  const view = buildDeskView(root, {
    reconnect: () => reconnect(desk),
    togglePresence: () => void setPresence(desk, desk.presence === 'available' ? 'away' : 'available'),
    allowNotifications: () => void requestNotificationAccess().then(() => renderPresence(desk)),
  });
  desk = {
    host,
    domain,
    base: serverBase(import.meta.url),
    view,
    ring: createRingTone(document, () => refreshRinging(desk)),
    offers: new Map(),
    cleanups: [],
    connection: null,
    attempt: 0,
    retries: 0,
    retryTimer: undefined,
    status: 'connecting',
    presence: recallPresence(domain),
    joined: false,
    info: null,
    call: null,
    closed: false,
    board: buildCallbackBoard((filter) => showFilter(desk, filter)),
    away: buildAwayControls(
      () => void setOutOfOffice(desk, desk.away.toggle.getAttribute('aria-checked') !== 'true'),
      () => void setOutOfOffice(desk, true)),
    availability: null,
  };
  view.away.append(desk.away.element);
  view.board.append(desk.board.element);

  listenToPage(desk);
  renderPresence(desk);
  renderWaiting(desk);
  void connect(desk);
  return desk;
}

/** Stops a desk whose element left the page or changed domain: no ring, no call, no connection left behind. */
export function closeDesk(desk: Desk): void {
  desk.closed = true;
  for (const cleanup of desk.cleanups.splice(0)) cleanup();
  for (const ringing of desk.offers.values()) {
    clearTimeout(ringing.timeout);
    ringing.closeNotification();
  }
  desk.offers.clear();
  if (desk.call) releaseCall(desk.call);
  desk.call = null;
  desk.ring.dispose();
  disconnect(desk);
}

/** Draws a desk that cannot start, because the element names no domain. */
export function showMissingDomain(root: ShadowRoot): void {
  const view = buildDeskView(root, { reconnect: () => {}, togglePresence: () => {}, allowNotifications: () => {} });
  view.connection.textContent = 'Not started';
  view.presence.hidden = true;
  showProblem(view, 'This desk has no domain: set the domain attribute to the domain it answers calls for.');
}

function listenToPage(desk: Desk): void {
  const online = () => {
    if (desk.status === 'offline') reconnect(desk);
  };
  const visibility = () => {
    if (document.hidden) return;
    for (const ringing of desk.offers.values()) ringing.closeNotification();
    renderPresence(desk);
  };
  window.addEventListener('online', online);
  document.addEventListener('visibilitychange', visibility);
  desk.cleanups.push(
    () => window.removeEventListener('online', online),
    () => document.removeEventListener('visibilitychange', visibility));
}
