import type { CallMode, IceCandidateMessage, IceServerInfo } from './protocol.js';
import { invokeHub, onHub, type HubConnection } from './server.js';

/** The longest chat message sent or shown; the other party is not trusted to keep to it. */
export const MAX_CHAT_LENGTH = 2000;

const VIDEO_CONSTRAINTS: MediaTrackConstraints = { facingMode: 'user', width: { ideal: 640 }, height: { ideal: 480 } };

/** What a `PeerCall` is built from. */
export interface PeerCallOptions {
  readonly connection: HubConnection;
  readonly callId: string;
  readonly mode: CallMode;
  /** True on the desk, false on the caller: the polite side gives way when both offer at once. */
  readonly polite: boolean;
  readonly iceServers: readonly IceServerInfo[];
  /** The microphone (and camera) to send; null in chat mode. The call stops its tracks when it closes. */
  readonly localStream: MediaStream | null;
}

/** Why a `PeerCall` closed: `local` when `close()` was called, `failed` when the peer connection broke. */
export type PeerCallCloseReason = 'local' | 'failed';

/** The events of a `PeerCall`. */
export interface PeerCallEventMap {
  /** The peer connection (in chat mode, the chat channel) is up; fired once. */
  connected: Event;
  /** The other party's media arrived or grew a track; `detail` is the call's `remoteStream`. */
  'remote-stream': CustomEvent<MediaStream>;
  /** The chat channel opened: `sendChat` works from now on. */
  'chat-open': Event;
  /** The other party sent a chat message; `detail` is its text, to be shown as text. */
  chat: CustomEvent<string>;
  /** The call's peer connection is closed; fired once. */
  closed: CustomEvent<PeerCallCloseReason>;
}

/** A failure to get the microphone or camera, with a message that says what the person can do about it. */
export class LocalMediaError extends Error {
  readonly kind: 'denied' | 'missing' | 'other';

  constructor(kind: LocalMediaError['kind'], message: string) {
    super(message);
    this.name = 'LocalMediaError';
    this.kind = kind;
  }
}

/** The devices a request asks for, as a person would name them. */
type Devices = 'microphone' | 'camera' | 'microphone and camera';

/** How a media problem's message ends: the step that tries again, and whether another way to talk is an option. */
export interface MediaRetry {
  /** The step that tries again once the problem is fixed. The default is `press Call again`. */
  readonly retry?: string;
  /**
   * Whether the person could pick a way to talk that needs fewer devices, as a caller can; the desk answers in the
   * mode it was called in. The default is true.
   */
  readonly otherModes?: boolean;
}

/**
 * The microphone for a voice call, the microphone and camera for a video call, and null for a chat. Rejects with a
 * `LocalMediaError` whose message tells the person how to allow access or what is missing, and ends with the step
 * that `words` names.
 */
export async function getLocalMedia(mode: CallMode, words: MediaRetry = {}): Promise<MediaStream | null> {
  if (mode === 'chat') return null;
  const next = { retry: words.retry ?? 'press Call again', otherModes: words.otherModes ?? true };
  return mode === 'video'
    ? requestMedia({ audio: true, video: VIDEO_CONSTRAINTS }, 'microphone and camera', next)
    : requestMedia({ audio: true }, 'microphone', next);
}

async function requestMedia(constraints: MediaStreamConstraints, devices: Devices, next: Required<MediaRetry>) {
  if (!navigator.mediaDevices?.getUserMedia) {
    throw new LocalMediaError('other', `This page cannot use the ${devices} because it was not opened over HTTPS.`);
  }
  try {
    return await navigator.mediaDevices.getUserMedia(constraints);
  } catch (error) {
    throw mediaError(error, devices, next);
  }
}

function mediaError(error: unknown, devices: Devices, next: Required<MediaRetry>): LocalMediaError {
  const name = error instanceof Error ? error.name : '';
  const { retry } = next;
  if (name === 'NotAllowedError' || name === 'SecurityError') {
    return new LocalMediaError('denied', `Your browser blocked the ${devices}. Allow ${devices} access for this site ` +
      `in the browser's site settings, then ${retry}.`);
  }
  if (name === 'NotFoundError' || name === 'OverconstrainedError') {
    const missing = devices === 'microphone and camera' ? 'camera or microphone' : devices;
    const other = next.otherModes ? ', or choose another way to talk' : '';
    return new LocalMediaError('missing', `The browser finds no ${missing} on this device. Connect one${other}, ` +
      `then ${retry}.`);
  }
  return new LocalMediaError('other', `The ${devices} could not be started; another app may be using it. ` +
    `Close that app, then ${retry}.`);
}

function rtcIceServers(servers: readonly IceServerInfo[]): RTCIceServer[] {
  return servers.map(({ urls, username, credential }) => {
    const server: RTCIceServer = { urls: [...urls] };
    if (username != null) server.username = username;
    if (credential != null) server.credential = credential;
    return server;
  });
}

/**
 * One call's peer connection, signalled through the hub: the perfect-negotiation pattern over `SendOffer`,
 * `SendAnswer` and `SendIceCandidate` (the caller impolite, the desk polite), trickle ICE, and a chat data channel
 * negotiated on both sides as id 0 in every mode. It reports the call connected to the server once.
 *
 * The impolite side makes the first offer; the polite side waits for it and offers only to renegotiate. A call
 * listens for its signals from the moment it is made, and holds candidates until their description is applied, so
 * make it before the other party can signal: the desk before `AcceptCall`, the caller when `CallAccepted` comes.
 */
export class PeerCall extends EventTarget {
  readonly callId: string;
  readonly mode: CallMode;
  /** What the other party sends; tracks are added as they arrive. */
  readonly remoteStream = new MediaStream();
  /** What this side sends; its video track changes when the camera is turned off and on. */
  readonly localStream: MediaStream | null;

  readonly #connection: HubConnection;
  readonly #polite: boolean;
  readonly #pc: RTCPeerConnection;
  readonly #channel: RTCDataChannel;
  readonly #unsubscribe: (() => void)[];
  #videoSender: RTCRtpSender | null = null;
  #signals: Promise<void> = Promise.resolve();
  #earlyCandidates: RTCIceCandidateInit[] = [];
  #makingOffer = false;
  #ignoreOffer = false;
  #connected = false;
  #closed = false;
  #muted = false;
  #cameraOn: boolean;

  constructor(options: PeerCallOptions) {
    super();
    this.callId = options.callId;
    this.mode = options.mode;
    this.localStream = options.localStream;
    this.#connection = options.connection;
    this.#polite = options.polite;
    this.#cameraOn = (this.localStream?.getVideoTracks().length ?? 0) > 0;

    this.#pc = new RTCPeerConnection({ iceServers: rtcIceServers(options.iceServers) });
    this.#channel = this.#pc.createDataChannel('chat', { negotiated: true, id: 0 });
    this.#unsubscribe = this.#subscribe();
    this.#wirePeerConnection();
    this.#wireChannel();

    for (const track of this.localStream?.getTracks() ?? []) {
      const sender = this.#pc.addTrack(track, this.localStream!);
      if (track.kind === 'video') this.#videoSender = sender;
    }
  }

  /** Whether the call is up (see the `connected` event). */
  get connected(): boolean {
    return this.#connected;
  }

  /** Whether the chat channel is open. */
  get chatOpen(): boolean {
    return this.#channel.readyState === 'open';
  }

  get muted(): boolean {
    return this.#muted;
  }

  get cameraOn(): boolean {
    return this.#cameraOn;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Sends a chat message, cut to `MAX_CHAT_LENGTH`; false when the chat channel is not open. */
  sendChat(text: string): boolean {
    if (!this.chatOpen) return false;
    this.#channel.send(text.slice(0, MAX_CHAT_LENGTH));
    return true;
  }

  /** Mutes or unmutes the microphone without renegotiating. */
  setMuted(muted: boolean): void {
    this.#muted = muted;
    for (const track of this.localStream?.getAudioTracks() ?? []) track.enabled = !muted;
  }

  /**
   * Turns the camera off (the track is stopped, so the camera light goes out) or on again (a new camera track
   * replaces the old one on the same sender, so the call is not renegotiated). Turning it on can reject with a
   * `LocalMediaError`.
   */
  async setCameraOn(on: boolean): Promise<void> {
    const stream = this.localStream;
    if (this.mode !== 'video' || !stream || on === this.#cameraOn || this.#closed) return;

    if (!on) {
      for (const track of stream.getVideoTracks()) {
        track.enabled = false;
        track.stop();
        stream.removeTrack(track);
      }
      this.#cameraOn = false;
      return;
    }

    const camera = await requestMedia({ video: VIDEO_CONSTRAINTS }, 'camera',
      { retry: 'press Camera on again', otherModes: false });
    const track = camera.getVideoTracks()[0]!;
    if (this.#closed || this.#cameraOn) {
      track.stop();
      return;
    }
    if (this.#videoSender) await this.#videoSender.replaceTrack(track);
    else this.#videoSender = this.#pc.addTrack(track, stream);
    stream.addTrack(track);
    this.#cameraOn = true;
  }

  /** Closes the peer connection, stops the local tracks and removes the call's hub handlers. */
  close(): void {
    this.#finish('local');
  }

  #subscribe(): (() => void)[] {
    const connection = this.#connection;
    const mine = (message: { callId: string }) => message.callId === this.callId && !this.#closed;
    return [
      onHub(connection, 'ReceiveOffer', (message) => {
        if (mine(message)) this.#signal(() => this.#receiveDescription({ type: 'offer', sdp: message.sdp }));
      }),
      onHub(connection, 'ReceiveAnswer', (message) => {
        if (mine(message)) this.#signal(() => this.#receiveDescription({ type: 'answer', sdp: message.sdp }));
      }),
      onHub(connection, 'ReceiveIceCandidate', (message) => {
        if (mine(message)) this.#signal(() => this.#receiveCandidate(message));
      }),
    ];
  }

  #wirePeerConnection(): void {
    const pc = this.#pc;
    pc.onnegotiationneeded = async () => {
      // The tracks and the chat channel ask for negotiation at once. Were the polite side to offer then, its offer
      // would cross the caller's first one and be rolled back, and Chromium gathers no candidates for the answer
      // it gives after a rollback: the call would never connect.
      if (this.#polite && !pc.remoteDescription) return;
      try {
        this.#makingOffer = true;
        await pc.setLocalDescription();
        await this.#sendDescription();
      } catch {
        // A failed offer leaves the connection as it was; the next negotiation, or the other side's, tries again.
      } finally {
        this.#makingOffer = false;
      }
    };
    pc.onicecandidate = ({ candidate }) => {
      if (!candidate?.candidate || this.#closed) return;
      const { sdpMid = null, sdpMLineIndex = null, usernameFragment = null } = candidate.toJSON();
      invokeHub(this.#connection, 'SendIceCandidate', this.callId,
        { candidate: candidate.candidate, sdpMid, sdpMLineIndex, usernameFragment }).catch(() => {});
    };
    pc.ontrack = ({ track }) => {
      this.remoteStream.addTrack(track);
      this.#emit('remote-stream', this.remoteStream);
    };
    pc.onconnectionstatechange = () => {
      if (pc.connectionState === 'connected' && this.mode !== 'chat') this.#reportConnected();
      if (pc.connectionState === 'failed') this.#finish('failed');
    };
  }

  #wireChannel(): void {
    this.#channel.onopen = () => {
      this.dispatchEvent(new Event('chat-open'));
      if (this.mode === 'chat') this.#reportConnected();
    };
    this.#channel.onmessage = ({ data }) => {
      if (typeof data === 'string' && data.trim()) this.#emit('chat', data.slice(0, MAX_CHAT_LENGTH));
    };
  }

  // Signals are applied one at a time, in the order they came, so a candidate waits for the description before it.
  #signal(apply: () => Promise<void>): void {
    this.#signals = this.#signals.then(apply).catch(() => {
      // A description this side cannot apply leaves the call as it was; the connection state says if it broke.
    });
  }

  async #receiveDescription(description: RTCSessionDescriptionInit): Promise<void> {
    const pc = this.#pc;
    if (description.type === 'answer' && pc.signalingState !== 'have-local-offer') return;

    const collision = description.type === 'offer' && (this.#makingOffer || pc.signalingState !== 'stable');
    this.#ignoreOffer = !this.#polite && collision;
    if (this.#ignoreOffer) return;

    await pc.setRemoteDescription(description);
    const early = this.#earlyCandidates.splice(0);
    for (const candidate of early) await pc.addIceCandidate(candidate).catch(() => {});
    if (description.type === 'offer') {
      await pc.setLocalDescription();
      await this.#sendDescription();
    }
  }

  async #receiveCandidate(message: IceCandidateMessage): Promise<void> {
    const { candidate, sdpMid, sdpMLineIndex, usernameFragment } = message;
    const init: RTCIceCandidateInit = { candidate, sdpMid, sdpMLineIndex, usernameFragment };
    if (!this.#pc.remoteDescription) {
      this.#earlyCandidates.push(init);
      return;
    }
    // A candidate of an offer this side ignored, or a malformed one, must not break a call that works.
    await this.#pc.addIceCandidate(init).catch(() => {});
  }

  async #sendDescription(): Promise<void> {
    const description = this.#pc.localDescription;
    if (!description || this.#closed) return;
    const method = description.type === 'offer' ? 'SendOffer' : 'SendAnswer';
    await invokeHub(this.#connection, method, this.callId, description.sdp);
  }

  #reportConnected(): void {
    if (this.#connected || this.#closed) return;
    this.#connected = true;
    this.dispatchEvent(new Event('connected'));
    invokeHub(this.#connection, 'ReportConnected', this.callId).catch(() => {});
  }

  #finish(reason: PeerCallCloseReason): void {
    if (this.#closed) return;
    this.#closed = true;

    for (const unsubscribe of this.#unsubscribe) unsubscribe();
    this.#channel.close();
    this.#pc.close();
    for (const track of this.localStream?.getTracks() ?? []) track.stop();
    this.#emit('closed', reason);
  }

  #emit<K extends 'remote-stream' | 'chat' | 'closed'>(type: K, detail: PeerCallEventMap[K]['detail']): void {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}

export interface PeerCall {
  addEventListener<K extends keyof PeerCallEventMap>(
    type: K,
    listener: (this: PeerCall, event: PeerCallEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof PeerCallEventMap>(
    type: K,
    listener: (this: PeerCall, event: PeerCallEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions): void;
}
