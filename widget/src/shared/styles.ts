import { sheet } from './dom.js';

/**
 * The design tokens, as custom properties on `:host` so that a page overrides them by styling the host element
 * (outer rules win over `:host`). Each has a dark variant; the page may set any of them:
 *
 * - `--domain-call-accent`, `--domain-call-on-accent`: the main buttons and the focus ring, and their text.
 * - `--domain-call-danger`, `--domain-call-on-danger`: the Hang up button and error text, and its text.
 * - `--domain-call-background`, `--domain-call-surface`, `--domain-call-text`, `--domain-call-muted`,
 *   `--domain-call-border`: the screen, the chat log and choices, body text, secondary text, field borders.
 * - `--domain-call-radius`, `--domain-call-font`: corner radius and font family.
 */
export const tokenSheet: CSSStyleSheet = sheet(`
:host {
  --domain-call-accent: #0b57d0;
  --domain-call-on-accent: #fff;
  --domain-call-danger: #b3261e;
  --domain-call-on-danger: #fff;
  --domain-call-background: #fff;
  --domain-call-surface: #f0f4f9;
  --domain-call-text: #1f1f1f;
  --domain-call-muted: #444746;
  --domain-call-border: #747775;
  --domain-call-radius: 0.75rem;
  --domain-call-font: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color-scheme: light dark;
  font-family: var(--domain-call-font);
  line-height: 1.4;
  color: var(--domain-call-text);
}
@media (prefers-color-scheme: dark) {
  :host {
    --domain-call-accent: #a8c7fa;
    --domain-call-on-accent: #062e6f;
    --domain-call-danger: #f2b8b5;
    --domain-call-on-danger: #601410;
    --domain-call-background: #1f1f1f;
    --domain-call-surface: #2d2f31;
    --domain-call-text: #e3e3e3;
    --domain-call-muted: #c4c7c5;
    --domain-call-border: #8e918f;
  }
}
[hidden] { display: none !important; }
*, *::before, *::after { box-sizing: border-box; }
button {
  font: inherit;
  font-weight: 600;
  min-block-size: 2.75rem;
  padding: 0.5rem 1.25rem;
  border: 2px solid var(--domain-call-accent);
  border-radius: var(--domain-call-radius);
  background: var(--domain-call-accent);
  color: var(--domain-call-on-accent);
  cursor: pointer;
  transition: filter 0.15s;
}
button:hover { filter: brightness(1.1); }
button.secondary { background: transparent; color: var(--domain-call-text); border-color: var(--domain-call-border); }
button.danger { background: var(--domain-call-danger); border-color: var(--domain-call-danger);
  color: var(--domain-call-on-danger); }
button[aria-disabled="true"] { opacity: 0.6; cursor: progress; }
:focus-visible { outline: 3px solid var(--domain-call-accent); outline-offset: 2px; }
input:focus-visible { outline-offset: 0; }
.sr-only { position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden; clip-path: inset(50%);
  white-space: nowrap; }
@media (prefers-reduced-motion: reduce) {
  *, *::before, *::after { animation: none !important; transition: none !important; }
}
`);

/**
 * The call screen (under `.screen`) and the in-call view (under `.in-call`): one column that fits a 360 px wide
 * phone and grows to 30rem. Every rule is scoped to one of the two, so that a component adopting the sheet, as the
 * desk does for its in-call view, keeps its own class names to itself.
 */
export const callSheet: CSSStyleSheet = sheet(`
.screen {
  display: grid;
  gap: 1rem;
  inline-size: 100%;
  max-inline-size: 30rem;
  padding: 1rem;
  border: 1px solid var(--domain-call-border);
  border-radius: var(--domain-call-radius);
  background: var(--domain-call-background);
  color: var(--domain-call-text);
}
.screen .title { margin: 0; font-size: 1.25rem; font-weight: 700; overflow-wrap: anywhere; }
.screen .title:empty { display: none; }
.screen .caller { font-weight: 600; overflow-wrap: anywhere; }
.screen .status:empty { position: absolute; }
.screen .body, .screen .pick, .in-call { display: grid; gap: 1rem; }
.screen p, .in-call p { margin: 0; }
.screen .notice, .in-call .notice { color: var(--domain-call-danger); font-weight: 600; }
.screen .outcome { font-size: 1.125rem; font-weight: 700; }
.screen fieldset { margin: 0; padding: 0; border: 0; display: grid; gap: 0.25rem; min-inline-size: 0; }
.screen legend { padding: 0 0 0.5rem; font-weight: 700; }
.screen .choice { display: flex; align-items: center; gap: 0.75rem; min-block-size: 2.75rem; padding: 0 0.75rem;
  border-radius: var(--domain-call-radius); background: var(--domain-call-surface); cursor: pointer;
  overflow-wrap: anywhere; }
.screen .choice input { inline-size: 1.25rem; block-size: 1.25rem; margin: 0; accent-color: var(--domain-call-accent); }
.screen .actions, .in-call .controls { display: flex; flex-wrap: wrap; gap: 0.5rem; }
.screen .actions > button, .in-call .controls > button { flex: 1 1 auto; }
.screen .ringing::before { content: ""; display: inline-block; inline-size: 0.75rem; block-size: 0.75rem;
  margin-inline-end: 0.5rem; border-radius: 50%; background: var(--domain-call-accent);
  animation: domain-call-pulse 1.2s ease-in-out infinite; }
@keyframes domain-call-pulse { 50% { opacity: 0.25; } }
.in-call .call-head { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline;
  gap: 0.5rem; }
.in-call .peer { font-weight: 700; overflow-wrap: anywhere; }
.in-call .progress { display: flex; gap: 0.5rem; color: var(--domain-call-muted); }
.in-call .timer { font-variant-numeric: tabular-nums; }
.in-call .media { position: relative; border-radius: var(--domain-call-radius); overflow: hidden; background: #000; }
.in-call .remote-video { display: block; inline-size: 100%; aspect-ratio: 4 / 3; object-fit: cover; }
.in-call .local-video { position: absolute; inset-block-end: 0.5rem; inset-inline-end: 0.5rem; inline-size: 30%;
  aspect-ratio: 4 / 3; object-fit: cover; border: 2px solid #fff; border-radius: 0.5rem; background: #333; }
.in-call .chat { display: grid; gap: 0.5rem; }
.in-call .log { display: grid; gap: 0.25rem; align-content: start; max-block-size: 12rem; min-block-size: 4rem;
  overflow-y: auto; padding: 0.5rem; border-radius: var(--domain-call-radius); background: var(--domain-call-surface);
  overflow-wrap: anywhere; white-space: pre-wrap; }
.in-call .from { font-weight: 700; }
.in-call .chat-form { display: flex; flex-wrap: wrap; align-items: end; gap: 0.5rem; }
.in-call .field { display: grid; gap: 0.25rem; flex: 1 1 12rem; }
.screen label, .in-call label { font-weight: 600; }
.in-call input[type="text"] { font: inherit; min-block-size: 2.75rem; padding: 0 0.75rem; inline-size: 100%;
  border: 2px solid var(--domain-call-border); border-radius: var(--domain-call-radius);
  background: var(--domain-call-background); color: var(--domain-call-text); }
`);
