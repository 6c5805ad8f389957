/**
 * Remembers whether the owner set this desk to available or away, per domain, so a reload or a reconnect keeps the
 * choice. A browser that refuses storage (a private window, a storage quota) forgets it, and the desk starts
 * available, which is the state a newcomer expects.
 */
export type Presence = 'available' | 'away';

const keyPrefix = 'domain-call-desk:presence:';

export function recallPresence(domain: string): Presence {
  try {
    return localStorage.getItem(keyPrefix + domain) === 'away' ? 'away' : 'available';
  } catch {
    return 'available';
  }
}

export function rememberPresence(domain: string, presence: Presence): void {
  try {
    localStorage.setItem(keyPrefix + domain, presence);
  } catch {
    // Without storage the choice lasts until the page is reloaded, which is all that can be done.
  }
}
