/**
 * The desk's plain words for what the hub sends as codes: who calls, how, and why a call ended. Everything the hub
 * sends that is not listed here is shown as the server wrote it, so a newer server is still understood.
 */

/** How the desk names a caller: the guest name as it is, or the verified domain marked as verified. */
export function callerLabel(caller: { name: string; kind: string }): string {
  return caller.kind === "verified" ? `verified: ${caller.name}` : caller.name;
}

const modeWords: Record<string, string> = {
  voice: "Voice call",
  video: "Video call",
  chat: "Text chat",
};

export function modeLabel(mode: string): string {
  return modeWords[mode] ?? mode;
}

// Said from the desk's side: "you" is the person at this desk.
const endReasonWords: Record<string, string> = {
  "caller-hung-up": "The caller hung up.",
  "callee-hung-up": "You hung up.",
  "caller-left": "The caller's connection was lost.",
  "callee-left": "This desk's connection was lost.",
  cancelled: "The caller gave up before anyone answered.",
  declined: "Every desk declined the call.",
  "ring-timeout": "Nobody answered in time.",
  "nobody-available": "No desk was available.",
  "all-busy": "Every desk was busy.",
};

export function endReasonSentence(endReason: string): string {
  return endReasonWords[endReason] ?? `The call ended (${endReason}).`;
}

const outcomeWords: Record<string, string> = {
  ended: "Answered",
  missed: "Missed",
  rejected: "Declined",
  cancelled: "Cancelled by the caller",
};

/** The outcome of a call in the recent-calls list, from the call's final state. */
export function outcomeLabel(state: string): string {
  return outcomeWords[state] ?? state;
}

/** A duration as a clock reads it: 0:07, 12:30, 1:02:03. */
export function formatDuration(milliseconds: number): string {
  const total = Math.max(0, Math.round(milliseconds / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `${minutes}:${seconds}`;
}
