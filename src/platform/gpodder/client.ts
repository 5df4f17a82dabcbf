/**
 * A client of the listener's own gPodder sync server, in either of the two APIs podcast apps use:
 * the gpodder.net API v2 (gpodder.net, oPodSync, gpodder2go…) or Nextcloud's "gPodder Sync" app.
 * Which one a server speaks is found by asking it. The password goes into the Authorization
 * header and nowhere else: no error, message or log line holds it.
 */
import type { OutgoingAction } from '../../core/gpodder/actions';

export type GpodderApi = 'gpodder' | 'nextcloud';

export interface GpodderAccount {
  /** The address the listener gave, without a trailing slash. */
  server: string;
  user: string;
  password: string;
  api: GpodderApi;
  /** This extension's device id on the server. */
  device: string;
}

/** What went wrong, in the terms the settings tell the listener. */
export type GpodderProblem = 'address' | 'unreachable' | 'not-gpodder' | 'password' | 'server' | 'too-large';

export class GpodderError extends Error {
  constructor(
    readonly problem: GpodderProblem,
    readonly status?: number,
  ) {
    super(`gPodder server: ${problem}${status === undefined ? '' : ` (HTTP ${status})`}`);
    this.name = 'GpodderError';
  }
}

/** An answer larger than this is no sync of one listener: it is refused unread. */
export const MAX_ANSWER_BYTES = 8 * 1024 * 1024;
const TIMEOUT_MS = 30_000;

/** The server's address as the listener typed it, made a base: http(s) only, no credentials, query or fragment. */
export function serverBase(address: string): string {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    throw new GpodderError('address');
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) throw new GpodderError('address');
  // A Nextcloud address is often copied with its `index.php`.
  return `${url.origin}${url.pathname.replace(/\/index\.php\/?$/, '/').replace(/\/+$/, '')}`;
}

/** The match pattern a host permission is asked for: match patterns name no port, so any port of that host. */
export function serverOrigin(server: string): string {
  const url = new URL(server);
  return `${url.protocol}//${url.hostname}/*`;
}

function basicAuth(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

type Credentials = Pick<GpodderAccount, 'server' | 'user' | 'password'>;

async function call(
  account: Credentials,
  path: string,
  init: { method: 'GET' | 'POST'; body?: unknown } = { method: 'GET' },
): Promise<Response> {
  try {
    return await fetch(`${account.server}${path}`, {
      method: init.method,
      headers: {
        Authorization: basicAuth(account.user, account.password),
        ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      // The Basic header on every call: no session cookie kept in the browser's jar.
      credentials: 'omit',
      redirect: 'error',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    throw new GpodderError('unreachable');
  }
}

function refuseFailure(response: Response): void {
  if (response.status === 401 || response.status === 403) throw new GpodderError('password', response.status);
  if (response.status >= 500) throw new GpodderError('server', response.status);
  if (!response.ok) throw new GpodderError('not-gpodder', response.status);
}

/** The body as text, refused past MAX_ANSWER_BYTES without reading the rest. */
async function cappedText(response: Response): Promise<string> {
  if (Number(response.headers.get('Content-Length') ?? 0) > MAX_ANSWER_BYTES) throw new GpodderError('too-large');
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_ANSWER_BYTES) {
      await reader.cancel();
      throw new GpodderError('too-large');
    }
    chunks.push(value);
  }
  const whole = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(whole);
}

const user = (account: Pick<GpodderAccount, 'user'>) => encodeURIComponent(account.user);
const NEXTCLOUD = '/index.php/apps/gpoddersync';

/**
 * Which API the server speaks, found by asking it: a login of the gpodder.net API, else an empty
 * read of Nextcloud's. A refused password is said as such on either.
 */
export async function discoverApi(credentials: Credentials): Promise<GpodderApi> {
  const login = await call(credentials, `/api/2/auth/${user(credentials)}/login.json`, { method: 'POST' });
  if (login.status === 401 || login.status === 403) throw new GpodderError('password', login.status);
  // A site that answers every address with a page is no gPodder server.
  if (login.ok && !login.headers.get('Content-Type')?.includes('html')) return 'gpodder';
  if (login.status >= 500) throw new GpodderError('server', login.status);
  const nextcloud = await call(credentials, `${NEXTCLOUD}/episode_action?since=${Math.floor(Date.now() / 1000)}`);
  refuseFailure(nextcloud);
  const text = await cappedText(nextcloud);
  try {
    const body = JSON.parse(text) as unknown;
    if (typeof body === 'object' && body !== null && 'actions' in body) return 'nextcloud';
  } catch {
    // Below: a page that answers 200 to everything is no gPodder server.
  }
  throw new GpodderError('not-gpodder');
}

/** Makes this extension a device of the account (the gpodder.net API has devices; Nextcloud's does not). */
export async function registerDevice(account: GpodderAccount, caption: string): Promise<void> {
  if (account.api !== 'gpodder') return;
  const response = await call(account, `/api/2/devices/${user(account)}/${encodeURIComponent(account.device)}.json`, {
    method: 'POST',
    body: { caption, type: 'desktop' },
  });
  refuseFailure(response);
}

/** The raw answer to "the episode actions since `since`" (the server's timestamp of the last call; 0 for all). */
export async function fetchActions(account: GpodderAccount, since: number): Promise<string> {
  const path =
    account.api === 'gpodder' ? `/api/2/episodes/${user(account)}.json?since=${since}` : `${NEXTCLOUD}/episode_action?since=${since}`;
  const response = await call(account, path);
  refuseFailure(response);
  return cappedText(response);
}

/** Sends actions; resolves once the server took them. */
export async function uploadActions(account: GpodderAccount, actions: OutgoingAction[]): Promise<void> {
  if (actions.length === 0) return;
  const path = account.api === 'gpodder' ? `/api/2/episodes/${user(account)}.json` : `${NEXTCLOUD}/episode_action/create`;
  const response = await call(account, path, { method: 'POST', body: actions });
  refuseFailure(response);
  // The answer says nothing the extension needs; it is read so that the connection is released.
  await cappedText(response);
}
