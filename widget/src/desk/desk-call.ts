import { formatDuration } from '../shared/dom.js';
import { renderInCallView } from '../shared/in-call-view.js';
import { PeerCall } from '../shared/peer-call.js';
import type { AcceptedCall, CallEnded } from '../shared/protocol.js';
import { invokeHub } from '../shared/server.js';
import { emit } from './desk-events.js';
import { refreshRinging } from './desk-ringing.js';
import type { Desk, RingingCall } from './desk-state.js';
import { renderWaiting } from './desk-status.js';
import { announce, showNote, showProblem } from './desk-view.js';
import { endReasonSentence } from './desk-words.js';
import { addRecentCall } from './recent-calls.js';

/**
 * Starts the call this desk just answered. It runs in the same task as the answer's result, before the hub can
 * deliver the caller's offer, so the peer connection is listening when the offer comes.
 */
export function startCall(desk: Desk, ringing: RingingCall, accepted: AcceptedCall, media: MediaStream | null): void {
  const { view } = desk;
  const peer = new PeerCall({
    connection: desk.connection!,
    callId: accepted.callId,
    mode: accepted.mode,
    polite: true,
    iceServers: desk.info?.iceServers ?? [],
    localStream: media,
  });
  const inCall = renderInCallView(view.call, {
    call: peer,
    peerName: ringing.who,
    onHangUp: () => void hangUp(desk),
    announce: (text) => announce(view, text),
  });
  const call = { callId: accepted.callId, who: ringing.who, reasonLabel: ringing.offer.reasonLabel, peer, view: inCall,
    hangingUp: false };
  desk.call = call;

  peer.addEventListener('connected', () => {
    if (desk.call !== call) return;
    announce(view, `Connected with ${call.who}`);
    emit(desk.host, 'domain-call-desk-connected', { callId: call.callId, caller: accepted.caller, mode: peer.mode });
  });
  peer.addEventListener('closed', (event) => {
    if (event.detail === 'failed' && desk.call === call) void peerFailed(desk, call.callId);
  });

  view.summary.hidden = true;
  showNote(view, null);
  view.call.hidden = false;
  refreshRinging(desk);
  inCall.hangUpButton.focus();
  announce(view, `Answered. Connecting to ${call.who}`);
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
  const hadFocus = view.call.contains(view.root.activeElement);
  desk.call = null;
  call.view.dispose();
  call.peer.close();
  view.call.hidden = true;

  const length = duration > 0 ? `Talk time ${formatDuration(duration)}.` : 'The call never connected.';
  view.summaryText.textContent = `${length} ${sentence}`;
  view.summary.hidden = false;
  if (hadFocus) view.summary.focus();
  const outcome = duration > 0 ? `Answered, ${formatDuration(duration)}` : 'Answered, not connected';
  addRecentCall(desk, call.who, call.reasonLabel, outcome);
  announce(view, `Call ended. ${sentence}`);
  emit(desk.host, 'domain-call-desk-ended', { callId: call.callId, state: ended.state, endReason: ended.endReason,
    duration });
  refreshRinging(desk);
  renderWaiting(desk);
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
  try {
    if (desk.connection) await invokeHub(desk.connection, 'HangUp', callId);
  } catch {
    // The call may have ended on the server already; there is nothing left to end.
  }
}
