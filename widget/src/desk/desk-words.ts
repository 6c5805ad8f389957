import type { CallerIdentity, CallMode, EndReason, FinalCallState } from '../shared/protocol.js';

/**
 * The desk's plain words for what the hub sends as codes: who calls, how, and why a call ended. A code missing
 * here (from a newer server) is shown as the server wrote it, so it is still understood.
 */

/** How the desk names a caller: the guest name as it is, or the verified domain marked as verified. */
export function callerLabel(caller: Pick<CallerIdentity, 'name' | 'kind'>): string {
  return caller.kind === 'verified' ? `verified: ${caller.name}` : caller.name;
}

const modeWords: Record<CallMode, string> = {
  voice: 'Voice call',
  video: 'Video call',
  chat: 'Text chat',
};

export function modeLabel(mode: CallMode): string {
  return modeWords[mode] ?? mode;
}

// Said from the desk's side: "you" is the person at this desk.
const endReasonWords: Record<EndReason, string> = {
  'caller-hung-up': 'The caller hung up.',
  'callee-hung-up': 'You hung up.',
  'caller-left': 'The caller\u2019s connection was lost.',
  'callee-left': 'This desk\u2019s connection to the server was lost.',
  cancelled: 'The caller gave up before anyone answered.',
  declined: 'Every desk declined the call.',
  'ring-timeout': 'Nobody answered in time.',
  'nobody-available': 'No desk was available.',
  'all-busy': 'Every desk was busy.',
};

export function endReasonSentence(endReason: EndReason): string {
  return endReasonWords[endReason] ?? `The call ended (${endReason}).`;
}

const outcomeWords: Record<FinalCallState, string> = {
  ended: 'Answered',
  missed: 'Missed',
  rejected: 'Declined',
  cancelled: 'Cancelled by the caller',
};

/** The outcome of a call that rang here, for the recent-calls list, from the call's final state. */
export function outcomeLabel(state: FinalCallState): string {
  return outcomeWords[state] ?? state;
}
