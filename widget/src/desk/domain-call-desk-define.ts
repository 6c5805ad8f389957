import type { CallOffer } from '../shared/protocol.js';
import { DomainCallDeskElement } from './domain-call-desk.js';
import type { DeskConnectedDetail, DeskEndedDetail } from './desk-events.js';

// A page may load the desk twice (a second script tag, the same file under another URL); defining twice throws.
if (!customElements.get('domain-call-desk')) {
  DomainCallDeskElement.define('domain-call-desk', customElements);
}

declare global {
  interface HTMLElementTagNameMap {
    'domain-call-desk': DomainCallDeskElement;
  }

  interface HTMLElementEventMap {
    'domain-call-desk-ringing': CustomEvent<CallOffer>;
    'domain-call-desk-connected': CustomEvent<DeskConnectedDetail>;
    'domain-call-desk-ended': CustomEvent<DeskEndedDetail>;
  }
}

export { DomainCallDeskElement };
