/**
 * The owner's console: `<domain-call-desk domain="example.com">`.
 *
 * @attr domain - the domain this desk answers for.
 */
export class DomainCallDeskElement extends HTMLElement {
  static define(tag = "domain-call-desk", registry: CustomElementRegistry = customElements): void {
    registry.define(tag, this);
  }

  get domain(): string {
    return this.getAttribute("domain") ?? "";
  }

  set domain(value: string) {
    this.setAttribute("domain", value);
  }
}
