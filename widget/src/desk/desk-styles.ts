import { sheet } from '../shared/dom.js';

/**
 * The desk's own styles, adopted after the shared token and call sheets. It adds two tokens, with dark variants:
 * `--domain-call-desk-online` (the dot of a live connection and an available desk) and `--domain-call-desk-ringing`
 * (the edge of a ringing call).
 */
export const deskSheet: CSSStyleSheet = sheet(`
:host {
  --domain-call-desk-online: #146c2e;
  --domain-call-desk-ringing: #b26a00;
  display: block;
  max-inline-size: 40rem;
}
@media (prefers-color-scheme: dark) {
  :host {
    --domain-call-desk-online: #6dd58c;
    --domain-call-desk-ringing: #ffb95c;
  }
}
.desk { display: grid; gap: 1rem; color: var(--domain-call-text); }
.empty, .waiting:empty { position: absolute; }
h2 { margin: 0; font-size: 1.125rem; }
p, ul, ol { margin: 0; }
.bar { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; }
.connection { display: flex; align-items: center; gap: 0.5rem; font-weight: 600; margin-inline-end: auto; }
.connection::before { content: ""; inline-size: 0.75rem; block-size: 0.75rem; border-radius: 50%;
  border: 2px solid var(--domain-call-muted); }
.connection[data-state="online"]::before { background: var(--domain-call-desk-online);
  border-color: var(--domain-call-desk-online); }
.connection[data-state="offline"]::before, .connection[data-state="refused"]::before {
  background: var(--domain-call-danger); border-color: var(--domain-call-danger); }
.connection[data-state="connecting"]::before { animation: domain-call-pulse 1.2s ease-in-out infinite; }
.switch { display: inline-flex; align-items: center; gap: 0.75rem; background: transparent;
  color: var(--domain-call-text); border-color: var(--domain-call-border); padding-inline: 0.75rem; }
.switch::before { content: ""; flex: none; inline-size: 2.5rem; block-size: 1.5rem; border-radius: 0.75rem;
  background: radial-gradient(circle at 0.75rem 50%, var(--domain-call-background) 0.5rem, transparent 0.55rem),
    var(--domain-call-border);
  transition: background-position 0.15s; }
.switch[aria-checked="true"]::before {
  background: radial-gradient(circle at 1.75rem 50%, var(--domain-call-background) 0.5rem, transparent 0.55rem),
    var(--domain-call-desk-online); }
button.small { min-block-size: 2.25rem; padding: 0.25rem 0.75rem; font-size: 0.9375rem; }
.problem { padding: 0.75rem 1rem; border-radius: var(--domain-call-radius); border: 2px solid var(--domain-call-danger);
  color: var(--domain-call-text); overflow-wrap: anywhere; }
.problem a { color: var(--domain-call-accent); }
.waiting { color: var(--domain-call-muted); }
.ringing-calls { display: grid; gap: 0.5rem; }
.offers { list-style: none; padding: 0; display: grid; gap: 0.75rem; }
.offer-body { display: grid; gap: 0.5rem; }
.offer .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; }
.offer .actions > button { flex: 1 1 auto; }
.offer { padding: 1rem; border-radius: var(--domain-call-radius);
  border: 3px solid var(--domain-call-desk-ringing); background: var(--domain-call-surface);
  animation: domain-call-desk-ring 1s ease-in-out infinite alternate; }
@keyframes domain-call-desk-ring { to { border-color: transparent; } }
.offer.held { animation: none; border-color: var(--domain-call-border); }
.who { font-weight: 700; font-size: 1.125rem; overflow-wrap: anywhere; }
.details { color: var(--domain-call-muted); overflow-wrap: anywhere; }
.hint { color: var(--domain-call-muted); font-size: 0.9375rem; }
.summary { display: grid; gap: 0.25rem; padding: 1rem; border-radius: var(--domain-call-radius);
  background: var(--domain-call-surface); }
.summary:focus { outline: none; }
.summary:focus-visible { outline: 3px solid var(--domain-call-accent); }
.recent { display: grid; gap: 0.5rem; }
.recent ol { padding: 0; list-style: none; display: grid; gap: 0.25rem; }
.recent li { display: flex; flex-wrap: wrap; gap: 0 0.75rem; padding-block: 0.25rem;
  border-block-end: 1px solid var(--domain-call-surface); overflow-wrap: anywhere; }
.recent .who { font-size: 1rem; font-weight: 600; }
.recent .result, .recent .time { color: var(--domain-call-muted); }
.away { display: grid; gap: 0.5rem; }
.away-fields { display: flex; flex-wrap: wrap; align-items: end; gap: 0.5rem; }
.field { display: grid; gap: 0.25rem; flex: 1 1 12rem; }
.field label { font-weight: 600; }
.away input { font: inherit; min-block-size: 2.75rem; padding: 0 0.75rem; border: 2px solid var(--domain-call-border);
  border-radius: var(--domain-call-radius); background: var(--domain-call-background); color: var(--domain-call-text); }
.availability, .board-status { color: var(--domain-call-muted); }
.board { display: grid; gap: 0.75rem; }
.filter[aria-pressed="true"] { background: var(--domain-call-accent); color: var(--domain-call-on-accent);
  border-color: var(--domain-call-accent); }
.callbacks { list-style: none; padding: 0; display: grid; gap: 0.75rem; }
.callback { display: grid; gap: 0.375rem; padding: 1rem; border-radius: var(--domain-call-radius);
  background: var(--domain-call-surface); overflow-wrap: anywhere; }
.callback h3 { margin: 0; }
.callback .message { white-space: pre-wrap; }
.callback audio { inline-size: 100%; }
.callback .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; }
.notifications { color: var(--domain-call-muted); font-size: 0.9375rem; }
.notifications.failed { color: var(--domain-call-danger); font-weight: 600; }
.item-outcome:empty, .board-status:empty, .availability:empty { display: none; }
a.button { display: inline-flex; align-items: center; min-block-size: 2.75rem; padding: 0.5rem 1.25rem;
  font-weight: 600; border: 2px solid var(--domain-call-border); border-radius: var(--domain-call-radius);
  color: var(--domain-call-text); text-decoration: none; }
.reminder { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; padding: 0.75rem 1rem;
  border-radius: var(--domain-call-radius); border: 3px solid var(--domain-call-desk-ringing); font-weight: 700; }
.reminders { display: grid; gap: 0.5rem; }
.reminders:empty { display: none; }
`);
