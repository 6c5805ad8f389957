/** Times and dates as people read them, in the browser's own time zone and language. */

/**
 * An instant in the browser's own time zone, as in "Friday 09:00": the weekday is enough within the coming week,
 * and the date is added beyond it.
 */
export function formatInstant(iso: string, withDate = Date.parse(iso) - Date.now() > 6 * 864e5): string {
  const format: Intl.DateTimeFormatOptions = { weekday: 'long', hour: '2-digit', minute: '2-digit' };
  if (withDate) Object.assign(format, { day: 'numeric', month: 'long' });
  return new Intl.DateTimeFormat(undefined, format).format(new Date(iso));
}

/** A `YYYY-MM-DD` date as people read it, the same day wherever the reader is. */
export function formatDate(date: string): string {
  return new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' })
    .format(new Date(`${date}T00:00:00Z`));
}
