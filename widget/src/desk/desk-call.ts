import { formatDuration } from '../shared/dom.js';
import { renderInCallView } from '../shared/in-call-view.js';
import type { PeerCall } from '../shared/peer-call.js';
import type { AcceptedCall, CallEnded } from '../shared/protocol.js';
import { invokeHub } from '../shared/server.js';
import { emit } from './desk-events.js';
import { refreshRinging } from './desk-ringing.js';
import type { CurrentCall, Desk, RingingCall } from './desk-state.js';
import { renderWaiting } from './desk-status.js';
import { announce, clearAnnouncement, showProblem, showSummary } from './desk-view.js';
import { endReasonSentence } from './desk-words.js';
import { addRecentCall } from './recent-calls.js';

// The caller's browser offers as soon as it learns of the answer, and a call connects within seconds of that; one
// that has not after this long will not, and ending it frees the desk for the next call.
const connectWaitMs = 20_000;

/**
 * Makes the call this desk just answered its own: other calls stop ringing, and the in-call view shows the call
 * connecting. `peer` was made before the answer, so it has heard every signal of the call.
 */
export function startCall(desk: Desk, ringing: RingingCall, accepted: AcceptedCall, peer: PeerCall): void {
  const { view } = desk;
  showSummary(view, null);
  view.call.hidden = false;
  const inCall = renderInCallView(view.call, {
    call: peer,
    peerName: ringing.who,
    onHangUp: () => void hangUp(desk),
    announce: (text) => announce(view, text),
  });
  const call: CurrentCall = {
    callId: accepted.callId,
    who: ringing.who,
    reasonLabel: ringing.offer.reasonLabel,
    accepted,
    peer,
    view: inCall,
    connectTimer: setTimeout(() => void notConnected(desk, call), connectWaitMs),
    hangingUp: false,
  };
  desk.call = call;

  const connected = () => {
    if (desk.call !== call) return;
    clearTimeout(call.connectTimer);
    emit(desk.host, 'domain-call-desk-connected',
      { callId: call.callId, caller: accepted.caller, mode: accepted.mode });
  };
  if (peer.connected) connected();
  else peer.addEventListener('connected', connected);
  peer.addEventListener('closed', (event) => {
    if (event.detail === 'failed' && desk.call === call) void peerFailed(desk, call.callId);
  });

  refreshRinging(desk);
  inCall.hangUpButton.focus();
}

/**
 * Ends the current call: a `CallEnded` event, the answer to this desk's own Hang up, or a lost connection. Shows
 * what happened and how long it lasted, and goes back to waiting.
 */
export function endCall(desk: Desk, ended: CallEnded, sentence = endReasonSentence(ended.endReason)): void {
  const call = desk.call;
  if (!call || call.callId !== ended.callId) return;

  const { view } = desk;
  const duration = call.view.duration();
  const connected = call.peer.connected;
  const hadFocus = view.call.contains(view.root.activeElement);
  desk.call = null;
  releaseCall(call);
  clearAnnouncement(view);
  view.call.hidden = true;

  const talk = formatDuration(duration);
  showSummary(view, `${connected ? `Talk time ${talk}.` : 'The call never connected.'} ${sentence}`, hadFocus);
  addRecentCall(desk, call.who, call.reasonLabel, connected ? `Answered, ${talk}` : 'Answered, not connected');
  emit(desk.host, 'domain-call-desk-ended', { callId: call.callId, state: ended.state, endReason: ended.endReason,
    duration });
  refreshRinging(desk);
  renderWaiting(desk);
}

/** Lets go of everything a call holds: the timer, the view, the peer connection and the media. */
export function releaseCall(call: CurrentCall): void {
  clearTimeout(call.connectTimer);
  call.view.dispose();
  call.peer.close();
}

/** The Hang up button. The call ends when the server confirms, or at once if the server no longer knows it. */
async function hangUp(desk: Desk): Promise<void> {
  const call = desk.call;
  if (!call || call.hangingUp) return;

  call.hangingUp = true;
  call.view.hangUpButton.setAttribute('aria-disabled', 'true');
  try {
    if (desk.connection) await invokeHub(desk.connection, 'HangUp', call.callId);
  } catch {
    // Refused or cut off: either way the call is over for this desk.
  }
  endCall(desk, { callId: call.callId, state: 'ended', endReason: 'callee-hung-up' });
}

/** The peer connection broke (ICE failed): end the call on the server too, so the caller is not left hanging. */
async function peerFailed(desk: Desk, callId: string): Promise<void> {
  showProblem(desk.view, null);
  endCall(desk, { callId, state: 'ended', endReason: 'callee-hung-up' },
    'The connection to the caller failed; the network between you may block calls.');
  await hangUpQuietly(desk, callId);
}

/** The call never came up: the caller's browser did not offer, or no network path was found in time. */
async function notConnected(desk: Desk, call: CurrentCall): Promise<void> {
  if (desk.call !== call || call.peer.connected) return;

  endCall(desk, { callId: call.callId, state: 'ended', endReason: 'callee-hung-up' },
    'It did not connect in time; the caller\u2019s browser may have stopped, or the network may block calls.');
  await hangUpQuietly(desk, call.callId);
}

async function hangUpQuietly(desk: Desk, callId: string): Promise<void> {
  try {
    if (desk.connection) await invokeHub(desk.connection, 'HangUp', callId);
  } catch {
    // The call may have ended on the server already; there is nothing left to end.
  }
}
