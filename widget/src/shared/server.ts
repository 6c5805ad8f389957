import { HubConnectionBuilder, LogLevel, type HubConnection } from '@microsoft/signalr';
import type { HubEvents, HubMethods, SiteInfo } from './protocol.js';

export type { HubConnection };

/** A failure with a code to branch on and a sentence to show: a refused hub request, or one of the widget's own. */
export class CallError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'CallError';
    this.code = code;
  }
}

/**
 * The server's prefix URL, ending in a slash, from the URL of a module it served: the widget's files live at
 * `{prefix}/widget/…`, so `https://example.com/call/widget/chunks/x.js` gives `https://example.com/call/`.
 * A module served from anywhere else is taken to belong to a server at the default prefix `/call` of its origin.
 */
export function serverBase(moduleUrl: string): URL {
  const url = new URL(moduleUrl);
  const widget = url.pathname.lastIndexOf('/widget/');
  const prefix = widget >= 0 ? url.pathname.slice(0, widget) : '/call';
  return new URL(`${prefix}/`, url.origin);
}

/** Reads `GET {prefix}/info`, for `domain` when the server answers for several. */
export async function fetchInfo(base: URL, domain?: string): Promise<SiteInfo> {
  const url = new URL('info', base);
  if (domain) url.searchParams.set('domain', domain);

  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' } });
  } catch {
    throw new CallError('offline', 'The call service could not be reached. Check your connection and try again.');
  }
  if (!response.ok) {
    const message = response.status === 404
      ? 'This site does not take calls here.'
      : `The call service answered with an error (HTTP ${response.status}). Try again in a moment.`;
    throw new CallError(response.status === 404 ? 'unknown-domain' : 'server-error', message);
  }
  return (await response.json()) as SiteInfo;
}

/**
 * Opens a connection to the hub at `{prefix}/hub`. It does not reconnect by itself: to the server a reconnect is
 * a new connection, which has left its calls and its desk, so whoever holds the connection decides what follows
 * its `onclose`. Close it with `stop()`.
 */
export async function connectHub(base: URL): Promise<HubConnection> {
  const connection = new HubConnectionBuilder()
    .withUrl(new URL('hub', base).href, {
      // Cookies still go to a same-origin hub; a cross-origin page must not need the server to allow credentials.
      withCredentials: false,
    })
    .configureLogging(LogLevel.Warning)
    .build();

  try {
    await connection.start();
  } catch {
    throw new CallError('offline', 'The call service could not be reached. Check your connection and try again.');
  }
  return connection;
}

/**
 * Turns whatever a hub invocation rejected with into a code and a sentence. The server refuses with
 * `… HubException: code: sentence`; anything else (a lost connection, say) becomes `offline`.
 */
export function hubError(error: unknown): CallError {
  if (error instanceof CallError) return error;

  const text = error instanceof Error ? error.message : String(error);
  const match = /HubException: ([a-z-]+): ([\s\S]*)$/.exec(text);
  if (match) return new CallError(match[1]!, match[2]!.trim());
  return new CallError('offline', 'The connection to the call service was lost. Try again.');
}

/** Invokes a hub method with typed arguments and result; a refusal rejects with a `CallError`. */
export async function invokeHub<M extends keyof HubMethods>(
  connection: HubConnection,
  method: M,
  ...args: HubMethods[M]['args']
): Promise<HubMethods[M]['result']> {
  try {
    return await connection.invoke<HubMethods[M]['result']>(method, ...args);
  } catch (error) {
    throw hubError(error);
  }
}

/** Registers a typed handler for a hub event and gives back the function that removes it. */
export function onHub<E extends keyof HubEvents>(
  connection: HubConnection,
  event: E,
  handler: (payload: HubEvents[E]) => void,
): () => void {
  connection.on(event, handler);
  return () => connection.off(event, handler);
}
