import type { CallbackKind } from '../shared/protocol.js';

/** The state of one notification of a callback (email, web push, webhook), as the desk API lists it. */
export interface CallbackNotification {
  /** What the notification told, such as `callback-requested` or `calling-back`. */
  readonly kind?: string;
  readonly channel: string;
  readonly state: 'pending' | 'sent' | 'dead';
  readonly attempts: number;
  readonly lastError: string | null;
}

/** One callback or message, as `GET {prefix}/desk/api/callbacks` lists it. Every string is the caller's text. */
export interface DeskCallback {
  readonly id: string;
  readonly kind: CallbackKind;
  readonly status: 'new' | 'scheduled' | 'handled';
  readonly createdAt: string;
  readonly slot: string | null;
  readonly reason: { readonly id: string; readonly label: string };
  readonly name: string | null;
  readonly email: string | null;
  readonly message: string | null;
  readonly hasVoice: boolean;
  readonly voiceSeconds: number | null;
  readonly handledAt: string | null;
  readonly contact: {
    readonly identity: string;
    readonly kind: string;
    readonly client: string | null;
    readonly calls: number;
    readonly firstCall: string | null;
    readonly lastCall: string | null;
  };
  readonly notifications?: readonly CallbackNotification[];
}

/** Which callbacks the desk lists: new requests and messages, scheduled calls, or those already handled. */
export type CallbackFilter = 'new' | 'scheduled' | 'handled';
