import { CallError } from '../shared/server.js';

/** The answer to a stored callback request. */
export interface CallbackCreated {
  readonly id: string;
  readonly token: string;
  readonly status: 'new' | 'scheduled';
  readonly slot: string | null;
}

// Waits before each new try of a request that failed on the way (no answer, or a 5xx), in seconds.
const retryDelays = [1, 2, 4];

/**
 * Sends a callback request under `key`, trying again with the same key when the request may not have arrived (no
 * answer, or a server error): the server stores a key once, so a retry never makes a second request. Rejects with a
 * `CallError` whose message says what the caller can do.
 */
export async function submitCallback(base: URL, body: FormData, key: string): Promise<CallbackCreated> {
  for (let attempt = 0; ; attempt++) {
    let response: Response | null = null;
    try {
      response = await fetch(new URL('api/callbacks', base), {
        method: 'POST',
        body,
        headers: { 'Idempotency-Key': key, accept: 'application/json' },
      });
    } catch {
      // No answer: the request may or may not have been stored; the same key makes trying again safe.
    }
    if (response && (response.status === 200 || response.status === 201)) {
      return (await response.json()) as CallbackCreated;
    }
    if (response && response.status < 500) throw await refusal(response);
    if (attempt >= retryDelays.length) {
      throw response
        ? new CallError('server-error', 'The call service could not store your request just now. Press Send ' +
          'again in a moment; it will not be sent twice.')
        : new CallError('offline', 'Your request could not be sent: the connection is down. Press Send again ' +
          'once you are back online; it will not be sent twice.');
    }
    await new Promise((resolve) => setTimeout(resolve, retryDelays[attempt]! * 1000));
  }
}

async function refusal(response: Response): Promise<CallError> {
  let body: { error?: string; message?: string } = {};
  try {
    body = (await response.json()) as typeof body;
  } catch {
    // A refusal without a JSON body still gets a sentence from its status below.
  }
  const code = body.error ?? `http-${response.status}`;
  const wait = retryAfter(response.headers.get('Retry-After'));
  const sentence: Record<string, string> = {
    'slot-taken': 'Someone has just taken that time. Pick another time.',
    'slot-unavailable': 'That time is no longer offered. Pick another time.',
    'too-large': 'The voice message is larger than allowed. Record a shorter one, or write your message.',
    'too-many-requests': `Too many requests came from your network. Try again ${wait}.`,
    'too-many-for-email': `Too many requests were made for this email address. Try again ${wait}.`,
    'idempotency-key-reused': 'This request changed after it was first sent. Press Send to send it as a new one.',
    'unknown-domain': 'This site does not take callback requests here.',
    'not-allowed': 'This page may not send requests to the call service.',
  };
  return new CallError(code, sentence[code] ?? body.message ??
    `The call service refused the request (HTTP ${response.status}). Check the form and try again.`);
}

/** "in 5 minutes" or "at 14:05", from a Retry-After of seconds or of an HTTP date. */
function retryAfter(header: string | null): string {
  const seconds = header === null ? NaN : /^\d+$/.test(header) ? Number(header) :
    (Date.parse(header) - Date.now()) / 1000;
  if (!(seconds > 0)) return 'later';
  if (seconds < 90) return `in ${Math.ceil(seconds)} seconds`;
  if (seconds < 5400) return `in ${Math.ceil(seconds / 60)} minutes`;
  const at = new Date(Date.now() + seconds * 1000);
  return `after ${at.toLocaleString(undefined, { weekday: 'long', hour: '2-digit', minute: '2-digit' })}`;
}
