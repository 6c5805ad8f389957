import { button, formatDuration, h } from '../shared/dom.js';
import { renderInCallView } from '../shared/in-call-view.js';
import { PeerCall } from '../shared/peer-call.js';
import type { AcceptedCall, CallEnded } from '../shared/protocol.js';
import { invokeHub } from '../shared/server.js';
import { emit } from './desk-events.js';
import { refreshRinging } from './desk-ringing.js';
import type { CurrentCall, Desk, RingingCall } from './desk-state.js';
import { renderWaiting } from './desk-status.js';
import { announce, showNote, showProblem } from './desk-view.js';
import { endReasonSentence } from './desk-words.js';
import type { HeldSignals } from './held-signals.js';
import { addRecentCall } from './recent-calls.js';

// The caller's browser offers as soon as it learns of the answer; one that has not after this long is gone.
const offerWaitMs = 20_000;

/**
 * Makes the call this desk just answered its own: other calls stop ringing, and the call shows as connecting until
 * the caller's offer starts its peer connection (see `HeldSignals` for why it waits for the offer).
 */
export function startCall(
  desk: Desk, ringing: RingingCall, accepted: AcceptedCall, media: MediaStream | null, signals: HeldSignals,
): void {
  const { view } = desk;
  const call: CurrentCall = {
    callId: accepted.callId,
    who: ringing.who,
    reasonLabel: ringing.offer.reasonLabel,
    accepted,
    media,
    signals,
    peer: null,
    view: null,
    offerTimer: setTimeout(() => void callerSilent(desk, call), offerWaitMs),
    hangingUp: false,
  };
  desk.call = call;

  const hangUpButton = button('Hang up', { class: 'danger', part: 'button hang-up' }, () => void hangUp(desk));
  view.call.replaceChildren(h('div', { class: 'body' },
    h('p', { class: 'peer' }, call.who),
    h('p', { class: 'status' }, 'Connecting\u2026'),
    h('div', { class: 'controls' }, hangUpButton)));
  view.summary.hidden = true;
  showNote(view, null);
  view.call.hidden = false;
  refreshRinging(desk);
  hangUpButton.focus();
  announce(view, `Answered. Connecting to ${call.who}`);

  signals.onFirstOffer(() => startPeer(desk, call));
}

/** The caller's offer came: start the peer connection, hand it the held signals and show the in-call view. */
function startPeer(desk: Desk, call: CurrentCall): void {
  if (desk.call !== call || call.peer) return;

  const { view } = desk;
  clearTimeout(call.offerTimer);
  const peer = new PeerCall({
    connection: call.signals.connection,
    callId: call.callId,
    mode: call.accepted.mode,
    polite: true,
    iceServers: desk.info?.iceServers ?? [],
    localStream: call.media,
  });
  call.signals.release();
  peer.addEventListener('connected', () => {
    if (desk.call !== call) return;
    announce(view, `Connected with ${call.who}`);
    emit(desk.host, 'domain-call-desk-connected',
      { callId: call.callId, caller: call.accepted.caller, mode: call.accepted.mode });
  });
  peer.addEventListener('closed', (event) => {
    if (event.detail === 'failed' && desk.call === call) void peerFailed(desk, call.callId);
  });

  const hadFocus = view.call.contains(view.root.activeElement);
  view.call.replaceChildren();
  call.peer = peer;
  call.view = renderInCallView(view.call, {
    call: peer,
    peerName: call.who,
    onHangUp: () => void hangUp(desk),
    announce: (text) => announce(view, text),
  });
  if (hadFocus) call.view.hangUpButton.focus();
}

/**
 * Ends the current call: a `CallEnded` event, the answer to this desk's own Hang up, or a lost connection. Shows
 * what happened and how long it lasted, and goes back to waiting.
 */
export function endCall(desk: Desk, ended: CallEnded, sentence = endReasonSentence(ended.endReason)): void {
  const call = desk.call;
  if (!call || call.callId !== ended.callId) return;

  const { view } = desk;
  const duration = call.view?.duration() ?? 0;
  const connected = call.peer?.connected ?? false;
  const hadFocus = view.call.contains(view.root.activeElement);
  desk.call = null;
  releaseCall(call);
  view.call.replaceChildren();
  view.call.hidden = true;

  const talk = formatDuration(duration);
  view.summaryText.textContent = `${connected ? `Talk time ${talk}.` : 'The call never connected.'} ${sentence}`;
  view.summary.hidden = false;
  if (hadFocus) view.summary.focus();
  addRecentCall(desk, call.who, call.reasonLabel, connected ? `Answered, ${talk}` : 'Answered, not connected');
  announce(view, `Call ended. ${sentence}`);
  emit(desk.host, 'domain-call-desk-ended', { callId: call.callId, state: ended.state, endReason: ended.endReason,
    duration });
  refreshRinging(desk);
  renderWaiting(desk);
}

/** Lets go of everything a call holds: the timer, the held signals, the view, the peer connection and the media. */
export function releaseCall(call: CurrentCall): void {
  clearTimeout(call.offerTimer);
  call.signals.dispose();
  call.view?.dispose();
  if (call.peer) call.peer.close();
  else for (const track of call.media?.getTracks() ?? []) track.stop();
}

/** The Hang up button. The call ends when the server confirms, or at once if the server no longer knows it. */
async function hangUp(desk: Desk): Promise<void> {
  const call = desk.call;
  if (!call || call.hangingUp) return;

  call.hangingUp = true;
  call.view?.hangUpButton.setAttribute('aria-disabled', 'true');
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

/** The caller's browser never sent its offer: end the call rather than leave the desk connecting forever. */
async function callerSilent(desk: Desk, call: CurrentCall): Promise<void> {
  if (desk.call !== call || call.peer) return;

  endCall(desk, { callId: call.callId, state: 'ended', endReason: 'callee-hung-up' },
    'The caller\u2019s browser did not start the call.');
  await hangUpQuietly(desk, call.callId);
}

async function hangUpQuietly(desk: Desk, callId: string): Promise<void> {
  try {
    if (desk.connection) await invokeHub(desk.connection, 'HangUp', callId);
  } catch {
    // The call may have ended on the server already; there is nothing left to end.
  }
}
