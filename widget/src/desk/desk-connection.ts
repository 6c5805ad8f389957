import type { CallEnded, DeskClosed, DeskJoined } from '../shared/protocol.js';
import { CallError, connectHub, fetchInfo, invokeHub, onHub, type HubConnection } from '../shared/server.js';
import { renderAvailability } from './desk-away.js';
import { endCall } from './desk-call.js';
import { callbackDue, callBackDeclined, refreshCallbacks } from './desk-callbacks.js';
import { answeredElsewhere, dropAllOffers, offerArrived, ringingEnded } from './desk-ringing.js';
import type { ConnectionStatus, Desk } from './desk-state.js';
import { renderPresence, renderWaiting } from './desk-status.js';
import { showProblem } from './desk-view.js';
import { rememberPresence, type Presence } from './presence-memory.js';

// Waits between automatic reconnects, in seconds; the last one repeats. A desk left open overnight must come back
// by itself after the laptop sleeps or the server restarts, without hammering a server that is down.
const retryDelays = [2, 5, 15, 30, 60];

/**
 * Opens a connection to the hub and, when the owner is available, joins the desk. `quiet` is for automatic
 * retries, which keep showing "Offline" rather than flickering through "Connecting".
 */
export async function connect(desk: Desk, quiet = false): Promise<void> {
  const attempt = ++desk.attempt;
  clearTimeout(desk.retryTimer);
  if (!quiet) setStatus(desk, 'connecting');

  let connection: HubConnection;
  try {
    desk.info ??= await fetchInfo(desk.base, desk.domain);
    connection = await connectHub(desk.base);
  } catch (error) {
    if (attempt === desk.attempt && !desk.closed) connectFailed(desk, error);
    return;
  }
  if (attempt !== desk.attempt || desk.closed) {
    void connection.stop();
    return;
  }

  desk.connection = connection;
  desk.retries = 0;
  listen(desk, connection);
  setStatus(desk, 'online');
  if (desk.presence === 'available') await join(desk);
}

/** The Reconnect button: a new connection now, whatever the automatic retries were waiting for. */
export function reconnect(desk: Desk): void {
  if (desk.connection || desk.closed) return;
  void connect(desk);
}

/** Lets go of the hub; the server then ends this desk's call and takes it off presence. */
export function disconnect(desk: Desk): void {
  desk.attempt++;
  clearTimeout(desk.retryTimer);
  const connection = desk.connection;
  desk.connection = null;
  void connection?.stop();
}

/** The presence switch: available joins the desk, away leaves it; the choice is remembered for this domain. */
export async function setPresence(desk: Desk, presence: Presence): Promise<void> {
  desk.presence = presence;
  rememberPresence(desk.domain, presence);
  renderPresence(desk);

  if (!desk.connection || desk.status === 'refused') return;
  if (presence === 'available') {
    await join(desk);
    return;
  }

  desk.joined = false;
  renderWaiting(desk);
  try {
    await invokeHub(desk.connection, 'LeaveDesk', desk.domain);
  } catch {
    // A lost connection takes the desk off presence anyway; any other refusal leaves nothing to do.
  }
}

async function join(desk: Desk): Promise<void> {
  const connection = desk.connection;
  if (!connection) return;

  let joined: DeskJoined;
  try {
    joined = await invokeHub(connection, 'JoinDesk', desk.domain, null);
  } catch (error) {
    if (connection === desk.connection) joinRefused(desk, error);
    return;
  }
  if (connection !== desk.connection || desk.presence !== 'available') return;

  desk.joined = true;
  renderAvailability(desk, joined.availability);
  void refreshCallbacks(desk);

  // The server's warning for the owner, such as a verification record found missing, stays until the next join.
  showProblem(desk.view, joined.notice ?? null);
  renderWaiting(desk);
}

function joinRefused(desk: Desk, error: unknown): void {
  const code = error instanceof CallError ? error.code : 'offline';
  if (code === 'offline') return;

  if (code === 'not-allowed') {
    setStatus(desk, 'refused');
    showProblem(desk.view, `This browser may no longer answer calls for ${desk.domain}.`,
      { href: new URL('desk', desk.base).href, text: 'Sign in again' });
    return;
  }

  showProblem(desk.view, error instanceof Error ? error.message : String(error));
}

function listen(desk: Desk, connection: HubConnection): void {
  const mine = () => connection === desk.connection;
  onHub(connection, 'CallOffered', (offer) => mine() && offerArrived(desk, offer));
  onHub(connection, 'CallAnsweredElsewhere', ({ callId }) => mine() && answeredElsewhere(desk, callId));
  onHub(connection, 'CallEnded', (ended) => mine() && callEnded(desk, ended));
  onHub(connection, 'DeskClosed', (closed) => mine() && deskClosed(desk, closed));
  onHub(connection, 'CallbacksChanged', ({ domain }) => mine() && domain === desk.domain && refreshCallbacks(desk));
  onHub(connection, 'CallbackDue', (due) => mine() && due.domain === desk.domain && callbackDue(desk, due));
  onHub(connection, 'CallBackDeclined', ({ callbackId }) => mine() && callBackDeclined(desk, callbackId));
  onHub(connection, 'AvailabilityChanged', (availability) => mine()
    && (availability.domain ?? desk.domain) === desk.domain && renderAvailability(desk, availability));
  connection.onclose(() => {
    if (mine()) connectionLost(desk);
  });
}

function callEnded(desk: Desk, ended: CallEnded): void {
  if (ended.callId && desk.call?.callId === ended.callId) endCall(desk, ended);
  else if (ended.callId) ringingEnded(desk, ended.callId, ended);
}

// The server no longer offers this desk calls: stop ringing at once. A call already answered may finish.
function deskClosed(desk: Desk, closed: DeskClosed): void {
  desk.joined = false;
  dropAllOffers(desk);
  setStatus(desk, 'refused');
  showProblem(desk.view, closed.message, { href: new URL('desk', desk.base).href, text: 'Sign in again' });
}

function connectionLost(desk: Desk): void {
  desk.connection = null;
  desk.joined = false;

  // A new connection is a new desk to the server: this one's call is over and its offers cannot be answered.
  if (desk.call) endCall(desk, { callId: desk.call.callId, state: 'ended', endReason: 'callee-left' });
  dropAllOffers(desk);
  setStatus(desk, 'offline');
  scheduleRetry(desk);
}

function connectFailed(desk: Desk, error: unknown): void {
  if (error instanceof CallError && error.code === 'unknown-domain') {
    setStatus(desk, 'refused');
    showProblem(desk.view, `This server does not take calls for ${desk.domain}.`);
    return;
  }

  setStatus(desk, 'offline');
  scheduleRetry(desk);
}

function scheduleRetry(desk: Desk): void {
  const delay = retryDelays[Math.min(desk.retries, retryDelays.length - 1)]!;
  desk.retries++;
  clearTimeout(desk.retryTimer);
  desk.retryTimer = setTimeout(() => void connect(desk, true), delay * 1000);
}

function setStatus(desk: Desk, status: ConnectionStatus): void {
  desk.status = status;
  renderPresence(desk);
  renderWaiting(desk);
}
