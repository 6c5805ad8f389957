/**
 * The callbacks this browser asked for, kept in localStorage so that a call screen opened later still hears the
 * business calling back. A browser that refuses storage forgets them; the business can still reach the caller by
 * email or push.
 */
export interface RememberedCallback {
  readonly id: string;
  readonly token: string;
  readonly domain: string;
}

const key = 'domain-call:callbacks';
const kept = 20;

export function recallCallbacks(domain?: string): RememberedCallback[] {
  try {
    const all = JSON.parse(localStorage.getItem(key) ?? '[]') as RememberedCallback[];
    return Array.isArray(all) ? all.filter((c) => typeof c?.id === 'string' && (!domain || c.domain === domain)) : [];
  } catch {
    return [];
  }
}

export function rememberCallback(callback: RememberedCallback): void {
  const others = recallCallbacks().filter((c) => c.id !== callback.id);
  store([...others, callback].slice(-kept));
}

export function forgetCallback(id: string): void {
  store(recallCallbacks().filter((c) => c.id !== id));
}

function store(callbacks: RememberedCallback[]): void {
  try {
    localStorage.setItem(key, JSON.stringify(callbacks.map(({ id, token, domain }) => ({ id, token, domain }))));
  } catch {
    // Without storage the callback is heard only while this page stays open.
  }
}
