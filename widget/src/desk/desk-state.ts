import type { InCallView } from '../shared/in-call-view.js';
import type { PeerCall } from '../shared/peer-call.js';
import type { AcceptedCall, Availability, CallOffer, SiteInfo } from '../shared/protocol.js';
import type { HubConnection } from '../shared/server.js';
import type { AwayControls } from './desk-away.js';
import type { CallbackBoard } from './desk-callbacks.js';
import type { DeskView } from './desk-view.js';
import type { OfferCard } from './offer-card.js';
import type { Presence } from './presence-memory.js';
import type { RingTone } from './ring-tone.js';

/** How the desk's connection to the hub stands; `refused` means the server would not let it join as a desk. */
export type ConnectionStatus = 'connecting' | 'online' | 'offline' | 'refused';

/** A call ringing on this desk. */
export interface RingingCall {
  readonly offer: CallOffer;
  readonly who: string;
  readonly card: OfferCard;
  /** True from the press of Answer until the call is this desk's or is lost. */
  answering: boolean;
  readonly timeout: ReturnType<typeof setTimeout>;
  readonly closeNotification: () => void;
}

/** The call this desk answered, from the answer until it ends. */
export interface CurrentCall {
  readonly callId: string;
  readonly who: string;
  readonly reasonLabel: string;
  readonly accepted: AcceptedCall;
  readonly peer: PeerCall;
  readonly view: InCallView;
  readonly connectTimer: ReturnType<typeof setTimeout>;
  hangingUp: boolean;
}

/** Everything one `<domain-call-desk>` knows while it runs; the desk's functions share it. */
export interface Desk {
  readonly host: HTMLElement;
  readonly domain: string;
  readonly base: URL;
  readonly view: DeskView;
  readonly ring: RingTone;
  readonly offers: Map<string, RingingCall>;
  /** Undoes what opening the desk set up on the page (listeners on the window and the document). */
  readonly cleanups: (() => void)[];
  connection: HubConnection | null;
  /** Counts connection attempts, so the result of an attempt that was overtaken is dropped. */
  attempt: number;
  retries: number;
  retryTimer: ReturnType<typeof setTimeout> | undefined;
  status: ConnectionStatus;
  presence: Presence;
  joined: boolean;
  info: SiteInfo | null;
  call: CurrentCall | null;
  closed: boolean;
  /** The callbacks and messages section. */
  readonly board: CallbackBoard;
  /** The out-of-office switch and whether the domain is open. */
  readonly away: AwayControls;
  availability: Availability | null;
}
