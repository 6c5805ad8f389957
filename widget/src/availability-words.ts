import type { Availability } from './shared/protocol.js';
import { formatDate, formatInstant } from './shared/time-words.js';

/**
 * Says whether a business takes calls now, in the caller's own time zone: "Open now", "Closed — opens Friday 09:00
 * (your time)", or the owner's out-of-office message and return date. Empty when the server has no opening hours.
 */
export function availabilityText(availability: Availability | undefined): string {
  if (!availability || availability.open) return availability ? 'Open now' : '';
  const away = availability.outOfOffice;
  const opens = availability.nextOpening ? formatInstant(availability.nextOpening) : null;
  if (!away) return opens ? `Closed \u2014 opens ${opens} (your time)` : 'Closed';

  const back = away.returnsOn ? ` Back on ${formatDate(away.returnsOn)}.` : '';
  const next = opens ? ` Opens ${opens} (your time).` : '';
  return `Out of office${away.message ? `: ${away.message}` : '.'}${back}${next}`;
}
