import { DomainCallElement } from './domain-call-element.js';
import type { CallbackKind, CallMode, EndReason } from './shared/protocol.js';

// A page may load the script twice (two tags, or the page's own bundle too): define() keeps the first definition.
DomainCallElement.define();

/** The `detail` of each `<domain-call>` event. */
export interface DomainCallEventDetails {
  'domain-call-ringing': { reason: string; mode: CallMode };
  'domain-call-connected': { mode: CallMode };
  'domain-call-ended': { duration: number; reason: EndReason | 'connection-lost' };
  'domain-call-missed': { reason: EndReason | 'closed' };
  'domain-call-error': { code: string; message: string };
  'domain-call-callback-requested': { id: string; kind: Exclude<CallbackKind, 'message'>; slot: string | null };
  'domain-call-message-left': { id: string; voice: boolean };
}

declare global {
  interface HTMLElementTagNameMap {
    'domain-call': DomainCallElement;
  }
  interface HTMLElementEventMap {
    'domain-call-ringing': CustomEvent<DomainCallEventDetails['domain-call-ringing']>;
    'domain-call-connected': CustomEvent<DomainCallEventDetails['domain-call-connected']>;
    'domain-call-ended': CustomEvent<DomainCallEventDetails['domain-call-ended']>;
    'domain-call-missed': CustomEvent<DomainCallEventDetails['domain-call-missed']>;
    'domain-call-error': CustomEvent<DomainCallEventDetails['domain-call-error']>;
    'domain-call-callback-requested': CustomEvent<DomainCallEventDetails['domain-call-callback-requested']>;
    'domain-call-message-left': CustomEvent<DomainCallEventDetails['domain-call-message-left']>;
  }
}

export { DomainCallElement };
