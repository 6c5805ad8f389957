import { button, formatDuration, h } from './dom.js';
import { LocalMediaError, MAX_CHAT_LENGTH, type PeerCall } from './peer-call.js';

/** What the in-call view shows and whom it tells. */
export interface InCallViewOptions {
  readonly call: PeerCall;
  /** The other party as people read it: the caller's name on the desk, the site's name on the call screen. */
  readonly peerName: string;
  /** Hang up was pressed; the owner ends the call on the hub and then disposes the view. */
  readonly onHangUp: () => void;
  /**
   * Says to screen readers, through the owner's hidden live region, a change the view shows nowhere in words (the
   * microphone or camera switched off or on). The view's own status and problems are live regions themselves.
   */
  readonly announce?: (text: string) => void;
}

/** The rendered view. */
export interface InCallView {
  readonly hangUpButton: HTMLButtonElement;
  /** Whole seconds since the call connected; 0 before it did. */
  duration(): number;
  /** Stops the timer, lets go of the call's media and removes the view. */
  dispose(): void;
}

/**
 * Renders a call in progress into `container` (in a shadow root that adopts `tokenSheet` and `callSheet`): the
 * other party, "Connecting…" then "Connected" and a timer, Mute/Unmute, Camera off/Camera on for video, Hang up,
 * the media and the chat. Exposed parts: `in-call`, `peer`, `call-state`, `timer`, `remote-video`, `local-video`,
 * `mute`, `camera`, `hang-up`, `notice`, `chat`, `chat-log`, `chat-input`, `send`.
 */
export function renderInCallView(container: Element, options: InCallViewOptions): InCallView {
  const { call, peerName } = options;
  const announce = options.announce ?? (() => {});
  let connectedAt = 0;

  const state = h('span', { class: 'call-state', part: 'call-state', role: 'status' });
  const timer = h('span', { class: 'timer', part: 'timer', role: 'timer', hidden: true });
  let notice: HTMLElement = h('p', { hidden: true });
  const media = renderMedia(call);
  const chat = renderChat(call, peerName, (text) => showNotice(text));
  const mute = button('Mute', { class: 'secondary', part: 'mute' }, () => {
    call.setMuted(!call.muted);
    mute.textContent = call.muted ? 'Unmute' : 'Mute';
    announce(call.muted ? 'Your microphone is off' : 'Your microphone is on');
  });
  const camera = call.mode === 'video' ? renderCameraButton(call, media.showLocal, announce, showNotice) : null;
  const hangUp = button('Hang up', { class: 'danger', part: 'hang-up' }, () => options.onHangUp());

  const section = h('section', { class: 'in-call body', part: 'in-call', 'aria-label': `Call with ${peerName}` },
    h('div', { class: 'call-head' }, h('p', { class: 'peer', part: 'peer' }, peerName),
      h('p', { class: 'progress' }, state, timer)),
    media.element,
    h('div', { class: 'controls' }, call.mode === 'chat' ? null : mute, camera, hangUp),
    notice,
    chat.element);
  container.append(section);

  // A new alert each time, because screen readers read an alert as it is added, not when its text changes.
  function showNotice(text: string): void {
    const next = text ? h('p', { class: 'notice', part: 'notice', role: 'alert' }, text) : h('p', { hidden: true });
    notice.replaceWith(next);
    notice = next;
  }

  const tick = () => {
    if (connectedAt) timer.textContent = formatDuration((Date.now() - connectedAt) / 1000);
  };
  const showState = () => {
    state.textContent = connectedAt ? 'Connected' : 'Connecting…';
  };
  const onConnected = () => {
    connectedAt ||= Date.now();
    clearTimeout(firstState);
    showState();
    timer.hidden = false;
    tick();
  };
  // A status region is read when its text changes after it is in the page, so the first words come a moment later.
  const firstState = setTimeout(showState, 50);
  if (call.connected) onConnected();
  call.addEventListener('connected', onConnected);
  const interval = setInterval(tick, 1000);

  return {
    hangUpButton: hangUp,
    duration: () => (connectedAt ? Math.floor((Date.now() - connectedAt) / 1000) : 0),
    dispose() {
      clearInterval(interval);
      clearTimeout(firstState);
      call.removeEventListener('connected', onConnected);
      media.dispose();
      chat.dispose();
      section.remove();
    },
  };
}

interface MediaView {
  readonly element: HTMLElement | null;
  readonly showLocal: () => void;
  readonly dispose: () => void;
}

function renderMedia(call: PeerCall): MediaView {
  if (call.mode === 'chat') return { element: null, showLocal: () => {}, dispose: () => {} };

  const remote = call.mode === 'video'
    ? h('video', { class: 'remote-video', part: 'remote-video', autoplay: true, playsinline: true })
    : h('audio', { autoplay: true });
  const local = call.mode === 'video'
    ? h('video', { class: 'local-video', part: 'local-video', autoplay: true, playsinline: true, muted: true })
    : null;

  const play = () => {
    if (remote.srcObject !== call.remoteStream) remote.srcObject = call.remoteStream;
    remote.play().catch(() => {});
  };
  const showLocal = () => {
    if (!local) return;
    local.muted = true;
    local.hidden = !call.cameraOn;
    // Assigning again makes the preview pick up a camera track that replaced the one it was showing.
    local.srcObject = null;
    local.srcObject = call.cameraOn ? call.localStream : null;
  };

  showLocal();
  if (call.remoteStream.getTracks().length) play();
  call.addEventListener('remote-stream', play);

  const element = local ? h('div', { class: 'media' }, remote, local) : h('div', { hidden: true }, remote);
  return {
    element,
    showLocal,
    dispose() {
      call.removeEventListener('remote-stream', play);
      remote.srcObject = null;
      if (local) local.srcObject = null;
    },
  };
}

function renderCameraButton(
  call: PeerCall,
  showLocal: () => void,
  announce: (text: string) => void,
  showNotice: (text: string) => void,
): HTMLButtonElement {
  const camera = button('Camera off', { class: 'secondary', part: 'camera' }, async () => {
    if (camera.getAttribute('aria-disabled') === 'true') return;
    camera.setAttribute('aria-disabled', 'true');
    try {
      await call.setCameraOn(!call.cameraOn);
      showNotice('');
      announce(call.cameraOn ? 'Your camera is on' : 'Your camera is off');
    } catch (error) {
      showNotice(error instanceof LocalMediaError ? error.message : 'The camera could not be started.');
    } finally {
      camera.removeAttribute('aria-disabled');
      camera.textContent = call.cameraOn ? 'Camera off' : 'Camera on';
      showLocal();
    }
  });
  return camera;
}

interface ChatView {
  readonly element: HTMLElement;
  readonly dispose: () => void;
}

function renderChat(call: PeerCall, peerName: string, showNotice: (text: string) => void): ChatView {
  const log = h('div', { class: 'log', part: 'chat-log', role: 'log', 'aria-label': 'Chat' });
  const input = h('input', { id: 'domain-call-message', type: 'text', part: 'chat-input', autocomplete: 'off',
    maxlength: String(MAX_CHAT_LENGTH), enterkeyhint: 'send' });
  const form = h('form', { class: 'chat-form' },
    h('div', { class: 'field' }, h('label', { for: 'domain-call-message' }, 'Message'), input),
    h('button', { type: 'submit', part: 'send' }, 'Send'));

  const add = (from: string, text: string) => {
    log.append(h('p', { class: 'message' }, h('span', { class: 'from' }, `${from}: `), text));
    log.scrollTop = log.scrollHeight;
  };
  const onChat = (event: CustomEvent<string>) => add(peerName, event.detail);
  call.addEventListener('chat', onChat);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    if (!call.sendChat(text)) {
      showNotice('The chat is not connected yet. Try again in a moment.');
      return;
    }
    showNotice('');
    add('You', text);
    input.value = '';
  });

  return {
    element: h('div', { class: 'chat', part: 'chat' }, log, form),
    dispose: () => call.removeEventListener('chat', onChat),
  };
}
