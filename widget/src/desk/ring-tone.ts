/**
 * The ring of the desk: two short beeps every two seconds, made with Web Audio so the package ships no sound file.
 *
 * Browsers keep an AudioContext suspended until the page has had a user gesture (the autoplay policy), so the
 * context is made or resumed on the first click or key press anywhere on the page. Until then the ring is silent;
 * the ringing calls stay visible all the same, and `isLocked` lets the desk say why nothing is heard.
 */
export interface RingTone {
  /** Starts ringing; a second start while ringing changes nothing. */
  start(): void;
  /** Stops ringing; stopping when silent changes nothing. */
  stop(): void;
  /** True while the browser has not yet allowed sound on this page. */
  readonly isLocked: boolean;
  /** Removes the page listeners and closes the audio context. */
  dispose(): void;
}

const cycleSeconds = 2;
const beepSeconds = 0.18;
const beepGapSeconds = 0.12;
const pitchHertz = 880;
const loudness = 0.2;

/**
 * Makes the ring of one desk. `onLockChange` is called when the browser allows sound (or takes it away again),
 * so the desk can stop saying that the ring is silent.
 */
export function createRingTone(page: Document, onLockChange: () => void): RingTone {
  let context: AudioContext | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;
  let output: GainNode | undefined;

  const wake = (): void => {
    if (!context) {
      context = makeContext();
      context?.addEventListener('statechange', onLockChange);
    }
    if (context?.state === 'suspended') {
      void context.resume().catch(() => undefined);
    }
  };
  page.addEventListener('pointerdown', wake, { capture: true });
  page.addEventListener('keydown', wake, { capture: true });

  const ringOnce = (): void => {
    if (!context || context.state !== 'running') {
      return;
    }

    output ??= connectOutput(context);
    const start = context.currentTime + 0.02;
    scheduleBeep(context, output, start);
    scheduleBeep(context, output, start + beepSeconds + beepGapSeconds);
  };

  return {
    start() {
      if (timer !== undefined) {
        return;
      }

      // Some pages may play sound without a gesture (an installed app, a site the user often plays media on).
      wake();
      ringOnce();
      timer = setInterval(ringOnce, cycleSeconds * 1000);
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
    get isLocked() {
      return context?.state !== 'running';
    },
    dispose() {
      clearInterval(timer);
      timer = undefined;
      page.removeEventListener('pointerdown', wake, { capture: true });
      page.removeEventListener('keydown', wake, { capture: true });
      context?.removeEventListener('statechange', onLockChange);
      void context?.close().catch(() => undefined);
      context = undefined;
      output = undefined;
    },
  };
}

function makeContext(): AudioContext | undefined {
  try {
    return new AudioContext();
  } catch {
    // A browser without Web Audio, or one that refuses a context, rings silently; the visual ring still shows.
    return undefined;
  }
}

function connectOutput(context: AudioContext): GainNode {
  const gain = context.createGain();
  gain.gain.value = loudness;
  gain.connect(context.destination);
  return gain;
}

function scheduleBeep(context: AudioContext, output: AudioNode, at: number): void {
  const oscillator = context.createOscillator();
  const envelope = context.createGain();
  oscillator.type = 'sine';
  oscillator.frequency.value = pitchHertz;

  // A short ramp in and out avoids the click a square-edged tone makes.
  envelope.gain.setValueAtTime(0, at);
  envelope.gain.linearRampToValueAtTime(1, at + 0.01);
  envelope.gain.setValueAtTime(1, at + beepSeconds - 0.02);
  envelope.gain.linearRampToValueAtTime(0, at + beepSeconds);

  oscillator.connect(envelope).connect(output);
  oscillator.start(at);
  oscillator.stop(at + beepSeconds);
  oscillator.onended = () => envelope.disconnect();
}
