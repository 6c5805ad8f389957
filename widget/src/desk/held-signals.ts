import type { HubEvents } from '../shared/protocol.js';
import { onHub, type HubConnection } from '../shared/server.js';

const signalEvents = ['ReceiveOffer', 'ReceiveAnswer', 'ReceiveIceCandidate'] as const;
type SignalEvent = (typeof signalEvents)[number];
type Handler = (...args: never[]) => void;

/**
 * One answered call's signals, held from before the answer until the desk starts the call's `PeerCall`.
 *
 * The desk starts its `PeerCall` only when the caller's first offer has come. A `PeerCall` made earlier sends an
 * offer of its own (its microphone and chat channel ask for negotiation); when the caller's offer crosses it, the
 * polite desk rolls its offer back, and Chromium then gathers no ICE candidates for the answer, so about half of
 * all calls never connect. Holding from before `AcceptCall` also keeps an offer that arrives in the same message
 * batch as the answer's result, before the `PeerCall` could listen.
 */
export interface HeldSignals {
  /** The hub as the call's `PeerCall` must see it, so that the held signals reach the handlers it registers. */
  readonly connection: HubConnection;
  /** Calls `start` once the caller's first offer is held; at once if it already is. */
  onFirstOffer(start: () => void): void;
  /** Gives the held signals, in the order they came, to the handlers registered since, and stops holding. */
  release(): void;
  /** Stops holding and drops what was held, for a call that ended before it started. */
  dispose(): void;
}

export function holdSignals(connection: HubConnection, callId: string): HeldSignals {
  const held: { event: SignalEvent; message: HubEvents[SignalEvent] }[] = [];
  const handlers = new Map<string, Handler[]>();
  let offered = false;
  let start: (() => void) | undefined;

  const stops = signalEvents.map((event) => onHub(connection, event, (message) => {
    if (message.callId !== callId) return;
    held.push({ event, message });
    if (event === 'ReceiveOffer' && !offered) {
      offered = true;
      start?.();
    }
  }));
  const dispose = () => {
    for (const stop of stops.splice(0)) stop();
    held.length = 0;
  };

  const facade = new Proxy(connection, {
    get(target, property) {
      if (property === 'on') {
        return (name: string, handler: Handler) => {
          handlers.set(name, [...(handlers.get(name) ?? []), handler]);
          target.on(name, handler);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });

  return {
    connection: facade,
    onFirstOffer(callback) {
      start = callback;
      if (offered) callback();
    },
    release() {
      const signals = held.splice(0);
      dispose();
      for (const { event, message } of signals) {
        for (const handler of handlers.get(event) ?? []) (handler as (payload: typeof message) => void)(message);
      }
    },
    dispose,
  };
}
