/**
 * Browser notifications for calls that ring while the desk's tab is hidden. The desk asks for permission only from
 * a click on its "Allow notifications" button, never on its own, because browsers ignore or penalise unprompted
 * requests.
 */

/** Whether the desk may show notifications, or may still ask; "unsupported" when the browser has no Notification. */
export type NotificationAccess = NotificationPermission | 'unsupported';

export function notificationAccess(): NotificationAccess {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/** Asks the user; call it only from a click handler. */
export async function requestNotificationAccess(): Promise<NotificationAccess> {
  if (typeof Notification === 'undefined') {
    return 'unsupported';
  }

  try {
    return await Notification.requestPermission();
  } catch {
    return Notification.permission;
  }
}

/**
 * Shows a notification for a ringing call when the tab is hidden and the user allowed notifications; clicking it
 * brings the tab forward. Returns a function that takes the notification away, for when the call stops ringing.
 */
export function notifyIncomingCall(tag: string, title: string, body: string, page: Document = document): () => void {
  if (!page.hidden || notificationAccess() !== 'granted') {
    return () => undefined;
  }

  let notification: Notification;
  try {
    notification = new Notification(title, { body, tag, requireInteraction: true });
  } catch {
    // Some mobile browsers allow notifications only from a service worker; the ringing on the page still shows.
    return () => undefined;
  }

  notification.onclick = () => {
    window.focus();
    notification.close();
  };
  return () => notification.close();
}
