// The script a page loads as {prefix}/widget/domain-call.js: it defines <domain-call> and draws only the button.
export { DomainCallElement } from './domain-call-define.js';
export type { DomainCallEventDetails } from './domain-call-define.js';
