/**
 * Web Push for a callback: registers the widget's push worker for the server's prefix and subscribes with the
 * server's VAPID key. A refusal rejects with a sentence that says the request goes on without notifications.
 */

/** Whether this browser can take push notifications at all. */
export function pushSupported(): boolean {
  return 'serviceWorker' in navigator && 'PushManager' in window && typeof Notification !== 'undefined';
}

/** Asks for permission and subscribes; gives the subscription as the server takes it (`push` form field). */
export async function subscribeToPush(base: URL, publicKey: string): Promise<string> {
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') {
    throw new Error('Notifications are blocked in this browser; your request is sent without them.');
  }
  try {
    const registration = await navigator.serviceWorker.register(new URL('widget/push-worker.js', base),
      { scope: base.pathname });
    await activated(registration);
    const subscription = await registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: fromBase64Url(publicKey),
    });
    return JSON.stringify(subscription.toJSON());
  } catch {
    throw new Error('This browser could not be set up for notifications; your request is sent without them.');
  }
}

// The worker of a fresh registration is still installing; subscribing needs it active.
function activated(registration: ServiceWorkerRegistration): Promise<void> {
  const worker = registration.installing ?? registration.waiting;
  if (registration.active || !worker) return Promise.resolve();
  return new Promise((resolve) => {
    worker.addEventListener('statechange', () => {
      if (worker.state === 'activated') resolve();
    });
  });
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '='));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
