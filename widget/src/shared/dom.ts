/** A child of `h`: a node, text (inserted as text, never parsed as markup), or nothing. */
export type Child = Node | string | null | undefined | false;

/** Attribute values: text, `true` for a boolean attribute that is present, `false` or undefined for one left out. */
export type Attributes = Readonly<Record<string, string | boolean | undefined>>;

/**
 * Builds an element with attributes and children. Strings become text nodes, so whatever a caller, a callee or
 * the server chose can never become markup.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) element.setAttribute(name, '');
    else if (typeof value === 'string') element.setAttribute(name, value);
  }
  for (const child of children) if (child) element.append(child);
  return element;
}

/** A `<button type="button">` with a click handler. */
export function button(text: string, attributes: Attributes, onClick: (event: MouseEvent) => void): HTMLButtonElement {
  const element = h('button', { type: 'button', ...attributes }, text);
  element.addEventListener('click', onClick);
  return element;
}

/** A sheet for `adoptedStyleSheets`, which a strict `style-src` policy allows where `<style>` would not be. */
export function sheet(css: string): CSSStyleSheet {
  const result = new CSSStyleSheet();
  result.replaceSync(css);
  return result;
}

/** Time as a call timer shows it: `m:ss`, or `h:mm:ss` from an hour on. */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const s = String(seconds % 60).padStart(2, '0');
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}:${s}`;
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}:${s}`;
}
