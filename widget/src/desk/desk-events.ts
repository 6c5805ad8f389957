import type { CallerIdentity, CallMode, CallOffer, EndReason, FinalCallState } from '../shared/protocol.js';

/** `domain-call-desk-connected`: the call this desk answered is up. */
export interface DeskConnectedDetail {
  readonly callId: string;
  readonly caller: CallerIdentity;
  readonly mode: CallMode;
}

/** `domain-call-desk-ended`: the call this desk answered is over; `duration` is its talk time in seconds. */
export interface DeskEndedDetail {
  readonly callId: string;
  readonly state: FinalCallState;
  readonly endReason: EndReason;
  readonly duration: number;
}

/** The events of `<domain-call-desk>` and their details; `ringing` carries the offer as the hub sent it. */
export interface DeskEventDetails {
  'domain-call-desk-ringing': CallOffer;
  'domain-call-desk-connected': DeskConnectedDetail;
  'domain-call-desk-ended': DeskEndedDetail;
}

/** Tells the page what the desk did, with an event that bubbles out of the shadow root. */
export function emit<K extends keyof DeskEventDetails>(host: HTMLElement, type: K, detail: DeskEventDetails[K]): void {
  host.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}
