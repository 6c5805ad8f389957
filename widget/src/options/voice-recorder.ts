import { button, formatDuration, h } from '../shared/dom.js';

/** The recorder of a voice message, as the options form holds it. */
export interface VoiceRecorder {
  readonly element: HTMLElement;
  /** The recording, or null when there is none. */
  recording(): { blob: Blob; seconds: number } | null;
  /** Stops the microphone and forgets the recording. */
  dispose(): void;
}

// Types the server takes, in the order tried; Chromium and Firefox record WebM or Ogg Opus, Safari MP4.
const types = ['audio/webm;codecs=opus', 'audio/webm', 'audio/ogg;codecs=opus', 'audio/mp4'];

/**
 * Record, Stop, Play back and Discard for a voice message, with a countdown to `maxSeconds`: the recording stops
 * by itself at the limit, and one over `maxBytes` is refused with a message.
 */
export function renderVoiceRecorder(maxSeconds: number, maxBytes: number): VoiceRecorder {
  let recorder: MediaRecorder | null = null;
  let result: { blob: Blob; seconds: number } | null = null;
  let startedAt = 0;
  let timer: ReturnType<typeof setInterval> | undefined;
  let player: HTMLAudioElement | null = null;

  const state = h('span', { class: 'recorder-state', role: 'status' });
  const left = h('span', { class: 'countdown', role: 'timer', hidden: true });
  const notice = h('p', { class: 'notice', role: 'alert', hidden: true });
  const record = button('Record', {}, () => void start());
  const stop = button('Stop', { class: 'secondary', hidden: true }, () => recorder?.stop());
  const play = button('Play back', { class: 'secondary', hidden: true }, () => {
    player?.pause();
    player = new Audio(URL.createObjectURL(result!.blob));
    player.addEventListener('ended', () => URL.revokeObjectURL(player!.src));
    void player.play();
  });
  const discard = button('Discard', { class: 'secondary', hidden: true }, () => {
    show(null, 'Recording discarded.');
    record.focus();
  });

  const show = (next: { blob: Blob; seconds: number } | null, words: string) => {
    result = next;
    clearInterval(timer);
    left.hidden = true;
    record.hidden = !!next;
    stop.hidden = true;
    play.hidden = discard.hidden = !next;
    state.textContent = words;
  };

  const say = (text: string) => {
    notice.hidden = !text;
    notice.textContent = text;
  };

  const tick = () => {
    const elapsed = (Date.now() - startedAt) / 1000;
    left.textContent = `${formatDuration(Math.max(0, maxSeconds - elapsed))} left`;
    if (elapsed >= maxSeconds && recorder?.state === 'recording') recorder.stop();
  };

  async function start(): Promise<void> {
    say('');
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch {
      say('The microphone could not be used. Allow it in the browser\u2019s site settings, or write your message.');
      return;
    }
    const mimeType = types.find((type) => MediaRecorder.isTypeSupported(type));
    const chunks: Blob[] = [];
    recorder = new MediaRecorder(stream, mimeType ? { mimeType } : {});
    recorder.addEventListener('dataavailable', (event) => chunks.push(event.data));
    recorder.addEventListener('stop', () => {
      for (const track of stream.getTracks()) track.stop();
      const seconds = Math.min(maxSeconds, Math.round((Date.now() - startedAt) / 1000));
      const blob = new Blob(chunks, { type: recorder!.mimeType || mimeType || 'audio/webm' });
      recorder = null;
      if (blob.size > maxBytes) {
        show(null, '');
        say(`The recording is larger than the ${Math.floor(maxBytes / 1024)} KB allowed. Record a shorter message.`);
        return;
      }
      show({ blob, seconds }, `Recorded ${formatDuration(seconds)}.`);
      play.focus();
    });
    startedAt = Date.now();
    recorder.start(1000);
    record.hidden = true;
    stop.hidden = left.hidden = false;
    state.textContent = 'Recording\u2026';
    tick();
    timer = setInterval(tick, 250);
    stop.focus();
  }

  const element = h('div', { class: 'recorder' },
    h('p', { class: 'hint' }, `Or record a voice message of up to ${formatDuration(maxSeconds)} minutes.`),
    h('div', { class: 'actions' }, record, stop, play, discard), h('p', {}, state, ' ', left), notice);
  return {
    element,
    recording: () => result,
    dispose() {
      clearInterval(timer);
      if (recorder?.state === 'recording') recorder.stop();
      player?.pause();
    },
  };
}
