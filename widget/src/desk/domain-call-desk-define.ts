import { DomainCallDeskElement } from "./domain-call-desk.js";

// A page may load desk.js twice (a second script tag, a cached copy under another URL); defining twice would throw.
if (!customElements.get("domain-call-desk")) {
  DomainCallDeskElement.define("domain-call-desk", customElements);
}

declare global {
  interface HTMLElementTagNameMap {
    "domain-call-desk": DomainCallDeskElement;
  }
}

export { DomainCallDeskElement };
