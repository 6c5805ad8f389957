import { h } from '../shared/dom.js';

interface Slots {
  readonly slotMinutes: number;
  readonly timeZone: string;
  readonly slots: readonly string[];
}

// A week of slots is a choice a person can read through; the server offers up to its horizon.
const days = 7;

/**
 * Fills `container` with the free slots as radio buttons named `slot`, one group per day, in the caller's own time
 * zone. Says so when none are free or the list could not be read.
 */
export async function renderSlots(container: HTMLElement, base: URL, domain: string): Promise<void> {
  container.replaceChildren(h('p', {}, 'Looking for free times\u2026'));
  let slots: Slots;
  try {
    const url = new URL('api/slots', base);
    url.searchParams.set('domain', domain);
    url.searchParams.set('days', String(days));
    const response = await fetch(url, { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(String(response.status));
    slots = (await response.json()) as Slots;
  } catch {
    container.replaceChildren(h('p', { class: 'notice', role: 'alert' },
      'The free times could not be loaded. Ask for a call as soon as possible, or try again later.'));
    return;
  }
  if (!slots.slots.length) {
    container.replaceChildren(h('p', {}, 'No time is free in the coming days. Ask for a call as soon as possible.'));
    return;
  }

  const byDay = new Map<string, string[]>();
  const day = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' });
  for (const slot of slots.slots) {
    const label = day.format(new Date(slot));
    byDay.set(label, [...(byDay.get(label) ?? []), slot]);
  }
  const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
  container.replaceChildren(h('p', { class: 'hint' }, 'Times are shown in your time zone.'),
    ...[...byDay].map(([label, starts]) => h('fieldset', { class: 'day' }, h('legend', {}, label),
      ...starts.map((slot) => h('label', { class: 'choice' },
        h('input', { type: 'radio', name: 'slot', value: slot }), h('span', {}, time.format(new Date(slot))))))));
}
