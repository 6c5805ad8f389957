/**
 * The shapes the DomainCall server sends and accepts, as docs/protocol.md describes them: hub method results,
 * hub events, and the `GET {prefix}/info` document. Field names are camelCase, times are ISO 8601 strings in UTC.
 * Every string that a caller or another party chose (names, reasons, labels, chat) is text, never markup.
 */

/** How the parties talk. Every call also has a chat data channel, whatever its mode. */
export type CallMode = 'voice' | 'video' | 'chat';

/** The modes in the order a caller is offered them. */
export const CALL_MODES: readonly CallMode[] = ['voice', 'video', 'chat'];

/** `guest` for a guest name the server gave the connection; `verified` is reserved for verified domains. */
export type CallerKind = 'guest' | 'verified';

/** Who a caller is: the result of `GetIdentity`, and the `caller` of offers and placed calls. */
export interface CallerIdentity {
  readonly name: string;
  readonly kind: CallerKind;
  readonly expiresAt: string;
}

/** The result of `GetIdentity`: the connection's guest name and the authorization code that `ProveIdentity` takes. */
export interface GuestIdentity extends CallerIdentity {
  readonly code: string;
}

/** One reason a caller may pick; `id` is what `PlaceCall` takes, `label` what people read. */
export interface ReasonInfo {
  readonly id: string;
  readonly label: string;
}

/** The result of `JoinDesk`. */
export interface DeskJoined {
  readonly domain: string;
  readonly reasons: readonly ReasonInfo[];
  /** A warning for the owner, such as a verification record found missing; null when all is well. */
  readonly notice?: string | null;
  /** Whether the domain takes calls now; absent from a server without opening hours. */
  readonly availability?: Availability;
}

/** The out-of-office notice an owner set from the desk. `returnsOn` is a `YYYY-MM-DD` date. */
export interface OutOfOffice {
  readonly message: string | null;
  readonly returnsOn: string | null;
}

/** Whether a domain takes calls now, and when it next opens (an ISO instant), in `/info` and on the desk. */
export interface Availability {
  readonly open: boolean;
  readonly nextOpening: string | null;
  /** The owner's IANA time zone. */
  readonly timeZone: string;
  readonly outOfOffice: OutOfOffice | null;
  /** Only in the `AvailabilityChanged` event. */
  readonly domain?: string;
}

/**
 * What `PlaceCall` found: `unavailable` (no desk present), `busy` (every desk in a call) and `closed` (outside the
 * opening hours, or out of office: nothing rang) end the attempt.
 */
export type PlaceCallStatus = 'ringing' | 'unavailable' | 'busy' | 'closed';

/** The result of `PlaceCall`. It carries no call id: the caller learns that only from `CallAccepted`. */
export interface PlaceCallResult {
  readonly status: PlaceCallStatus;
  readonly caller: CallerIdentity;
  /** When the ring times out; null unless `status` is `ringing`. */
  readonly ringsUntil: string | null;
  /** When `status` is `closed`: when the domain opens again. */
  readonly availability?: Availability;
}

/** The `CallOffered` event a desk receives for each call that rings on it. */
export interface CallOffer {
  readonly callId: string;
  readonly callee: string;
  readonly caller: CallerIdentity;
  readonly reason: string;
  readonly reasonLabel: string;
  readonly mode: CallMode;
  readonly ringsUntil: string;
  /** Set when this call is a caller's answer to this desk's "Call back now": the desk answers it by itself. */
  readonly callbackId?: string | null;
}

/** The result of `AcceptCall`. */
export interface AcceptedCall {
  readonly callId: string;
  readonly caller: CallerIdentity;
  readonly reason: string;
  readonly mode: CallMode;
}

/** The `CallAnsweredElsewhere` event: another desk answered a call that rang here. */
export interface CallAnsweredElsewhere {
  readonly callId: string;
}

/** The `CallAccepted` event: a desk answered the caller's call. */
export interface CallAccepted {
  readonly callId: string;
  readonly callee: string;
  readonly mode: CallMode;
}

/** Every state of a call, as the call log keeps it. */
export type CallState = 'ringing' | 'accepted' | 'connected' | 'ended' | 'missed' | 'rejected' | 'cancelled';

/** The states a call can finish in. */
export type FinalCallState = 'ended' | 'missed' | 'rejected' | 'cancelled';

/** Why a call finished. `nobody-available` and `all-busy` appear only in the call log, never in `CallEnded`. */
export type EndReason =
  | 'caller-hung-up'
  | 'callee-hung-up'
  | 'caller-left'
  | 'callee-left'
  | 'cancelled'
  | 'declined'
  | 'ring-timeout'
  | 'nobody-available'
  | 'all-busy';

/** The `CallEnded` event. `callId` is null for a caller whose call nobody answered. */
export interface CallEnded {
  readonly callId: string | null;
  readonly state: FinalCallState;
  readonly endReason: EndReason;
}

/** The `DeskClosed` event: the server took this connection off the desk, such as when its member was removed. */
export interface DeskClosed {
  readonly domain: string;
  readonly reason: 'member-removed';
  readonly message: string;
}

/** The `ReceiveOffer` and `ReceiveAnswer` events: the `sdp` of the other party's session description. */
export interface SessionDescriptionMessage {
  readonly callId: string;
  readonly sdp: string;
}

/** What `SendIceCandidate` takes: the object `RTCIceCandidate.toJSON()` gives. */
export interface IceCandidateInfo {
  readonly candidate: string;
  readonly sdpMid: string | null;
  readonly sdpMLineIndex: number | null;
  readonly usernameFragment: string | null;
}

/** The `ReceiveIceCandidate` event. */
export interface IceCandidateMessage extends IceCandidateInfo {
  readonly callId: string;
}

/** The codes of a refused request; see `hubError` in server.ts for reading them. */
export type HubErrorCode =
  | 'invalid-argument'
  | 'unknown-reason'
  | 'unknown-domain'
  | 'not-allowed'
  | 'already-calling'
  | 'no-such-call'
  | 'not-ringing'
  | 'not-answered'
  | 'busy'
  | 'rate-limited'
  | 'no-guest-name'
  | 'identity-required'
  | 'not-authorized'
  | 'dns-unavailable';

/** One STUN or TURN server of `/info`; null credentials are for servers that need none. */
export interface IceServerInfo {
  readonly urls: readonly string[];
  readonly username: string | null;
  readonly credential: string | null;
}

/** The document `GET {prefix}/info` gives: what the call screen needs before it can place a call. */
export interface SiteInfo {
  readonly domain: string;
  readonly name: string;
  readonly reasons: readonly ReasonInfo[];
  readonly modes: readonly CallMode[];
  readonly iceServers: readonly IceServerInfo[];
  /** Absent from a server without opening hours, which takes calls at all hours. */
  readonly availability?: Availability;
  /** The VAPID public key (base64url) for Web Push, or null when the server sends no push notifications. */
  readonly pushKey?: string | null;
  /** The limits of a callback request; absent from a server that takes none. */
  readonly callbacks?: CallbackLimits;
}

/** The limits of `POST {prefix}/api/callbacks`, from `/info`. */
export interface CallbackLimits {
  readonly maxMessageLength: number;
  readonly maxVoiceBytes: number;
  readonly maxVoiceSeconds: number;
  readonly slotMinutes: number;
}

/** What a callback asks for: a call as soon as possible, a call in a slot, or a message. */
export type CallbackKind = 'asap' | 'slot' | 'message';

/** The `CallingBack` event: a desk calls the caller back; `ReturnCall` answers it. */
export interface CallingBack {
  readonly callbackId: string;
  readonly domain: string;
  readonly name: string;
  readonly mode: CallMode;
  readonly ringsUntil: string;
}

/** The result of `CallBack`: how the desk's "Call back now" reached the caller, or that it could not. */
export interface CallBackResult {
  readonly outcome: 'ringing' | 'push-sent' | 'email-sent' | 'unreachable';
}

/** The `CallbackDue` event: a scheduled callback's slot has come. */
export interface CallbackDue {
  readonly domain: string;
  readonly callbackId: string;
  readonly slot: string;
  readonly name: string;
  readonly reason: string;
}

/** Each hub method with its positional arguments and its result (`void` when it completes with none). */
export interface HubMethods {
  JoinDesk: { args: [domain: string, ownerKey: string | null]; result: DeskJoined };
  LeaveDesk: { args: [domain: string]; result: void };
  ProveDomain: { args: [domain: string, key: string | null]; result: CallerIdentity };
  GetIdentity: { args: []; result: GuestIdentity };
  ProveIdentity: { args: [name: string, code: string]; result: CallerIdentity };
  PlaceCall: { args: [domain: string, reason: string, mode: CallMode]; result: PlaceCallResult };
  CancelCall: { args: []; result: void };
  AcceptCall: { args: [callId: string]; result: AcceptedCall };
  DeclineCall: { args: [callId: string]; result: void };
  HangUp: { args: [callId: string]; result: void };
  ReportConnected: { args: [callId: string]; result: void };
  SendOffer: { args: [callId: string, sdp: string]; result: void };
  SendAnswer: { args: [callId: string, sdp: string]; result: void };
  SendIceCandidate: { args: [callId: string, candidate: IceCandidateInfo]; result: void };
  AwaitCallback: { args: [callbackId: string, token: string]; result: boolean };
  ReturnCall: { args: [callbackId: string, token: string, mode: CallMode]; result: PlaceCallResult };
  DeclineCallBack: { args: [callbackId: string]; result: void };
  CallBack: { args: [domain: string, callbackId: string, mode: CallMode]; result: CallBackResult };
  SetOutOfOffice: {
    args: [domain: string, on: boolean, message: string | null, returnsOn: string | null];
    result: Availability;
  };
}

/** Each hub event with its payload. */
export interface HubEvents {
  CallOffered: CallOffer;
  CallAnsweredElsewhere: CallAnsweredElsewhere;
  CallAccepted: CallAccepted;
  CallEnded: CallEnded;
  ReceiveOffer: SessionDescriptionMessage;
  ReceiveAnswer: SessionDescriptionMessage;
  ReceiveIceCandidate: IceCandidateMessage;
  DeskClosed: DeskClosed;
  CallingBack: CallingBack;
  CallBackDeclined: { readonly callbackId: string };
  CallbacksChanged: { readonly domain: string };
  CallbackDue: CallbackDue;
  AvailabilityChanged: Availability;
}
