// The push worker, served as {prefix}/widget/push-worker.js with Service-Worker-Allowed: {prefix}/ and registered by
// the call screen for the scope {prefix}/ when a caller asks to be notified in the browser. It shows the
// notification the server pushes, `{ title, body, url }`, and opens or focuses its link when clicked. It imports
// nothing, so that the bundle is a plain script and runs as a classic worker.

interface Extendable extends Event {
  waitUntil(promise: Promise<unknown>): void;
}

interface WorkerWindow {
  readonly url: string;
  focus(): Promise<unknown>;
}

interface WorkerScope {
  readonly location: Location;
  readonly registration: ServiceWorkerRegistration;
  readonly clients: {
    matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<readonly WorkerWindow[]>;
    openWindow(url: string): Promise<unknown>;
  };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install', listener: (event: Extendable) => void): void;
  addEventListener(type: 'push', listener: (event: Extendable & { data: { json(): unknown } | null }) => void): void;
  addEventListener(type: 'notificationclick',
    listener: (event: Extendable & { notification: Notification }) => void): void;
}

const worker = self as unknown as WorkerScope;

// The call screen subscribes as soon as the worker is active; it has nothing to wait for.
worker.addEventListener('install', (event) => event.waitUntil(worker.skipWaiting()));

worker.addEventListener('push', (event) => {
  let payload: { title?: unknown; body?: unknown; url?: unknown } = {};
  try {
    payload = (event.data?.json() ?? {}) as typeof payload;
  } catch {
    // A payload that is not JSON still gets a notification, so a push is never silent.
  }
  const title = typeof payload.title === 'string' && payload.title ? payload.title : 'Call back';
  const body = typeof payload.body === 'string' ? payload.body : '';
  event.waitUntil(worker.registration.showNotification(title, { body, data: { url: sameOrigin(payload.url) } }));
});

worker.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = String((event.notification.data as { url?: string } | null)?.url ?? worker.registration.scope);
  event.waitUntil(worker.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
    const open = windows.find((window) => window.url === url);
    return open ? open.focus() : worker.clients.openWindow(url);
  }));
});

// Only the server's own pages open from a notification.
function sameOrigin(url: unknown): string {
  try {
    const target = new URL(String(url), worker.registration.scope);
    return target.origin === worker.location.origin ? target.href : worker.registration.scope;
  } catch {
    return worker.registration.scope;
  }
}
