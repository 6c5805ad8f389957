import { getLocalMedia, LocalMediaError, PeerCall } from '../shared/peer-call.js';
import type { AcceptedCall, CallEnded, CallOffer } from '../shared/protocol.js';
import { CallError, invokeHub } from '../shared/server.js';
import { startCall } from './desk-call.js';
import { takeCallingBack } from './desk-callbacks.js';
import { emit } from './desk-events.js';
import { notifyIncomingCall } from './desk-notifications.js';
import type { Desk, RingingCall } from './desk-state.js';
import { renderWaiting } from './desk-status.js';
import { showList, showProblem, showSummary } from './desk-view.js';
import { callerLabel, modeLabel, outcomeLabel } from './desk-words.js';
import { offerCard, setCardState } from './offer-card.js';
import { addRecentCall } from './recent-calls.js';

// A clock a little off must neither drop a call early nor keep a dead one: the server's CallEnded is what ends a
// ringing call, and this timer only clears a card whose CallEnded never came.
const ringGraceMs = 2_000;
const shortestRingMs = 15_000;
const longestRingMs = 10 * 60_000;

/**
 * A `CallOffered` event: the call rings here until it is answered, declined, ends or times out. Screen readers hear
 * the new card from the list of ringing calls, which is a live region.
 */
export function offerArrived(desk: Desk, offer: CallOffer): void {
  if (desk.offers.has(offer.callId)) return;

  const who = callerLabel(offer.caller);
  const details = `${offer.reasonLabel} \u00b7 ${modeLabel(offer.mode)}`;
  const ringing: RingingCall = {
    offer,
    who,
    card: offerCard(offer, () => void answer(desk, offer.callId), () => void decline(desk, offer.callId)),
    answering: false,
    timeout: setTimeout(() => ringTimedOut(desk, offer.callId), ringDelay(offer.ringsUntil)),
    closeNotification: notifyIncomingCall(offer.callId, 'Incoming call', `${who}\n${details}`),
  };

  desk.offers.set(offer.callId, ringing);
  desk.view.offers.append(ringing.card.item);
  showSummary(desk.view, null);
  refreshRinging(desk);
  emit(desk.host, 'domain-call-desk-ringing', offer);
  if (takeCallingBack(desk, offer)) void answer(desk, offer.callId);
}

/** A `CallAnsweredElsewhere` event: another desk of the domain took the call. */
export function answeredElsewhere(desk: Desk, callId: string): void {
  const ringing = takeOffer(desk, callId);
  if (!ringing) return;

  remember(desk, ringing, 'Answered on another device');
}

/** A `CallEnded` event for a call that rang here and was not answered here. */
export function ringingEnded(desk: Desk, callId: string, ended: CallEnded): void {
  const ringing = takeOffer(desk, callId);
  if (!ringing) return;

  remember(desk, ringing, outcomeLabel(ended.state));
}

/** Clears every ringing call, for a desk whose connection was lost: no offer of the old connection can be taken. */
export function dropAllOffers(desk: Desk): void {
  for (const callId of [...desk.offers.keys()]) {
    const ringing = takeOffer(desk, callId);
    if (ringing) remember(desk, ringing, 'Missed: the desk was offline');
  }
}

/**
 * Sets every card and the ring to what the desk can do now: calls ring while the desk is free, and wait (quiet,
 * Decline still working) while it answers one or talks on one.
 */
export function refreshRinging(desk: Desk): void {
  const offers = [...desk.offers.values()];
  const busy = desk.call !== null || offers.some((ringing) => ringing.answering);
  for (const ringing of offers) {
    setCardState(ringing.card, ringing.answering ? 'answering' : busy ? 'waiting' : 'ringing');
  }

  const audible = !busy && offers.length > 0;
  if (audible) desk.ring.start();
  else desk.ring.stop();
  showList(desk.view.ringing, desk.view.ringingTitle, offers.length > 0);
  desk.view.soundHint.hidden = !audible || !desk.ring.isLocked;
  renderWaiting(desk);
}

/**
 * Answers a ringing call. The microphone and camera come first, so that a refused permission leaves the call
 * ringing, to be answered again once allowed, rather than answered with no way to talk; and so that the caller,
 * once answered, is not kept waiting while a permission prompt is open. The call's `PeerCall` is made before
 * `AcceptCall`, so it is listening when the caller's offer comes, which can be in the same message as the answer.
 */
async function answer(desk: Desk, callId: string): Promise<void> {
  const ringing = desk.offers.get(callId);
  if (!ringing || ringing.answering || desk.call || !desk.connection) return;

  ringing.answering = true;
  showProblem(desk.view, null);
  refreshRinging(desk);

  let media: MediaStream | null;
  try {
    media = await getLocalMedia(ringing.offer.mode, { retry: 'press Answer again', otherModes: false });
  } catch (error) {
    ringing.answering = false;
    refreshRinging(desk);
    showProblem(desk.view, error instanceof LocalMediaError ? error.message : String(error));
    return;
  }

  const connection = desk.connection;
  if (desk.offers.get(callId) !== ringing || !connection) {
    stopMedia(media);
    return;
  }

  const peer = new PeerCall({ connection, callId, mode: ringing.offer.mode, polite: true,
    iceServers: desk.info?.iceServers ?? [], localStream: media });
  let accepted: AcceptedCall | null = null;
  try {
    accepted = await invokeHub(connection, 'AcceptCall', callId);
  } catch (error) {
    acceptRefused(desk, ringing, error);
  }

  // A call that ended, or a connection that dropped, while the answer was on its way has been dealt with already.
  if (!accepted || desk.offers.get(callId) !== ringing || connection !== desk.connection) {
    peer.close();
    return;
  }

  // The call becomes this desk's before its card goes, so the other calls never ring again in between.
  startCall(desk, ringing, accepted, peer);
  takeOffer(desk, callId);
}

function acceptRefused(desk: Desk, ringing: RingingCall, error: unknown): void {
  const callId = ringing.offer.callId;
  ringing.answering = false;
  if (desk.offers.get(callId) !== ringing) return;

  const code = error instanceof CallError ? error.code : 'offline';
  if (code === 'not-ringing' || code === 'no-such-call') {
    takeOffer(desk, callId);
    const outcome = code === 'not-ringing' ? 'Answered on another device' : 'Ended before you answered';
    remember(desk, ringing, outcome);
    return;
  }

  refreshRinging(desk);
  if (code !== 'offline') showProblem(desk.view, error instanceof Error ? error.message : String(error));
}

async function decline(desk: Desk, callId: string): Promise<void> {
  const ringing = desk.offers.get(callId);
  if (!ringing || ringing.answering) return;

  takeOffer(desk, callId);
  remember(desk, ringing, 'Declined');
  try {
    if (desk.connection) await invokeHub(desk.connection, 'DeclineCall', callId);
  } catch {
    // A call that stopped ringing meanwhile (not-ringing, no-such-call) needs declining no more.
  }
}

function ringDelay(ringsUntil: string): number {
  const left = Date.parse(ringsUntil) - Date.now() + ringGraceMs;
  return Number.isNaN(left) ? shortestRingMs : Math.min(Math.max(left, shortestRingMs), longestRingMs);
}

function ringTimedOut(desk: Desk, callId: string): void {
  if (desk.offers.get(callId)?.answering) return;
  const ringing = takeOffer(desk, callId);
  if (!ringing) return;

  remember(desk, ringing, 'Missed');
}

/** Takes a call off the ringing list, and keeps keyboard focus on the desk if it was on the call's card. */
function takeOffer(desk: Desk, callId: string): RingingCall | undefined {
  const ringing = desk.offers.get(callId);
  if (!ringing) return undefined;

  desk.offers.delete(callId);
  clearTimeout(ringing.timeout);
  ringing.closeNotification();
  const hadFocus = ringing.card.item.contains(desk.view.root.activeElement);
  ringing.card.item.remove();
  refreshRinging(desk);
  if (hadFocus) focusAfterOffer(desk);
  return ringing;
}

function focusAfterOffer(desk: Desk): void {
  const next = desk.offers.values().next().value;
  (next?.card.answer ?? desk.view.presence).focus();
}

function remember(desk: Desk, ringing: RingingCall, outcome: string): void {
  addRecentCall(desk, ringing.who, ringing.offer.reasonLabel, outcome);
}

function stopMedia(media: MediaStream | null): void {
  for (const track of media?.getTracks() ?? []) track.stop();
}
