import { LocalMediaError } from '../shared/peer-call.js';
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

const devices: Record<CallMode, string> = {
  voice: 'microphone',
  video: 'microphone and camera',
  chat: 'nothing',
};

/** What the owner can do when the microphone or camera could not be had for answering a call. */
export function mediaProblem(error: unknown, mode: CallMode): string {
  const kind = error instanceof LocalMediaError ? error.kind : 'other';
  const wanted = devices[mode];
  switch (kind) {
    case 'denied':
      return `Your browser blocked the ${wanted}. Allow ${wanted} access for this site in the browser\u2019s site ` +
        'settings, then press Answer again.';
    case 'missing':
      return `This device has no ${wanted} the browser can use. Connect one, then press Answer again.`;
    case 'other':
      return `The ${wanted} could not be started; another app may be using it. Close that app, then press Answer ` +
        'again.';
  }
}
