import { button, h } from '../shared/dom.js';
import type { Availability } from '../shared/protocol.js';
import { hubError, invokeHub } from '../shared/server.js';
import { formatDate, formatInstant } from '../shared/time-words.js';
import type { Desk } from './desk-state.js';

/** The out-of-office switch, its message and return date, and a line saying whether callers can ring now. */
export interface AwayControls {
  readonly element: HTMLElement;
  readonly toggle: HTMLButtonElement;
  readonly message: HTMLInputElement;
  readonly returnsOn: HTMLInputElement;
  readonly save: HTMLButtonElement;
  readonly state: HTMLElement;
}

export function buildAwayControls(onToggle: () => void, onSave: () => void): AwayControls {
  const controls: AwayControls = {
    element: h('section', { class: 'away', part: 'out-of-office', 'aria-label': 'Out of office' }),
    toggle: button('Out of office', { class: 'switch', part: 'button out-of-office-switch', role: 'switch',
      'aria-checked': 'false' }, onToggle),
    message: h('input', { id: 'away-message', type: 'text', maxlength: '500', autocomplete: 'off' }),
    returnsOn: h('input', { id: 'away-returns', type: 'date' }),
    save: button('Save', { class: 'small', hidden: true }, onSave),
    state: h('p', { class: 'availability', part: 'availability', role: 'status' }),
  };
  controls.element.append(
    h('div', { class: 'bar' }, controls.toggle, controls.state),
    h('div', { class: 'away-fields' },
      h('div', { class: 'field' }, h('label', { for: 'away-message' }, 'Message for callers'), controls.message),
      h('div', { class: 'field' }, h('label', { for: 'away-returns' }, 'Back on'), controls.returnsOn),
      controls.save));
  return controls;
}

/** Reflects what the server says of the domain's availability: the switch, the fields and the line. */
export function renderAvailability(desk: Desk, availability: Availability | null | undefined): void {
  if (availability === undefined) return;
  desk.availability = availability;
  const away = desk.away;
  const out = availability?.outOfOffice ?? null;
  away.toggle.setAttribute('aria-checked', String(out !== null));
  away.save.hidden = out === null;
  if (out) {
    away.message.value = out.message ?? '';
    away.returnsOn.value = out.returnsOn ?? '';
  }
  away.state.textContent = availabilitySentence(availability);
}

function availabilitySentence(availability: Availability | null): string {
  if (!availability) return '';
  const opens = availability.nextOpening ? ` Opens ${formatInstant(availability.nextOpening)}.` : '';
  const out = availability.outOfOffice;
  if (out) {
    const back = out.returnsOn ? ` until ${formatDate(out.returnsOn)}` : '';
    return `Out of office${back}: calls do not ring; callers are offered a callback.`;
  }
  return availability.open ? 'Open: calls ring here.' : `Closed now: callers are offered a callback.${opens}`;
}

/** The switch and Save: turns out of office on or off with the message and return date in the fields. */
export async function setOutOfOffice(desk: Desk, on: boolean): Promise<void> {
  if (!desk.connection) return;
  const { message, returnsOn } = desk.away;
  try {
    const availability = await invokeHub(desk.connection, 'SetOutOfOffice', desk.domain, on,
      on ? message.value.trim() || null : null, on ? returnsOn.value || null : null);
    renderAvailability(desk, availability);
  } catch (error) {
    desk.away.state.textContent = hubError(error).message;
  }
}
