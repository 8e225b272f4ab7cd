// Helpers for browser tests (web-test-runner) against the real API that
// web-test-runner.config.mjs starts. Never imported by a component.

export interface ApiConfig {
  /** Base URL of the running API (without `/v1`). */
  api: string;
  /** The demo tenant's slug: `demo`. */
  tenant: string;
}

let config: Promise<ApiConfig> | undefined;

/** Where the test API runs: `{ api, tenant: 'demo' }`. */
export function apiConfig(): Promise<ApiConfig> {
  config ??= fetch('/__passerelle/config').then((r) => r.json() as Promise<ApiConfig>);
  return config;
}

/** Demo people (host-site subjects). */
export type DemoSubject = 'student-ines' | 'alumna-claire' | 'rep-acme' | 'staff-eng' | 'staff-mgmt' | 'admin-demo';

/** A fresh host-signed identity token (HS256, demo key) for a demo person. Single use. */
export async function hostToken(sub: DemoSubject = 'student-ines'): Promise<string> {
  const r = await fetch(`/__passerelle/host-token?sub=${encodeURIComponent(sub)}`);
  return ((await r.json()) as { token: string }).token;
}

/**
 * A host token for a new person the host vouches for (`affiliation` student
 * or alum): the API creates them on the first exchange, as a member of the
 * institution's root entity. Gives a test people of its own.
 */
export async function newPersonToken(person: { sub: string; affiliation: 'student' | 'alum'; name?: string; email?: string }): Promise<string> {
  const r = await fetch(`/__passerelle/host-token?${new URLSearchParams(Object.entries(person).filter((e): e is [string, string] => e[1] !== undefined))}`);
  return ((await r.json()) as { token: string }).token;
}

/** Signs in through the real `/v1/auth/exchange` and returns the bearer token (for setting up data). */
export async function sessionToken(sub: DemoSubject = 'student-ines'): Promise<string> {
  const { api } = await apiConfig();
  const r = await fetch(`${api}/v1/auth/exchange`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: await hostToken(sub) }) });
  if (!r.ok) throw new Error(`exchange failed: ${r.status} ${await r.text()}`);
  return ((await r.json()) as { token: string }).token;
}

/** The 6-digit code of the latest sign-in email sent to `email` (from the dev outbox). */
export async function readOutboxCode(email: string, timeoutMs = 5000): Promise<string> {
  const { api } = await apiConfig();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await fetch(`${api}/v1/dev/outbox`);
    const { items } = (await r.json()) as { items: { to: string; subject: string }[] };
    const mail = items.find((m) => m.to === email.toLowerCase());
    const code = mail?.subject.match(/(\d{6})\s*$/)?.[1];
    if (code) return code;
    if (Date.now() > deadline) throw new Error(`No sign-in code for ${email} in the outbox.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A unique address, so each test has its own codes and rate limit. */
export const uniqueEmail = (prefix = 'test'): string => `${prefix}-${crypto.randomUUID().slice(0, 8)}@example.org`;

/**
 * Real keyboard input through the browser (Chrome DevTools protocol), as a
 * person would type: `await keys({ type: 'hello' })`, `await keys({ press: 'Enter' })`.
 * (Same command as `sendKeys` of @web/test-runner-commands, which is not a
 * direct dependency of this package.)
 */
export function keys(payload: { type: string } | { press: string } | { down: string } | { up: string }): Promise<void> {
  return command('send-keys', payload);
}

/** Emulates `prefers-color-scheme` / `prefers-reduced-motion`, or the print media type (the wtr `emulate-media` command). */
export function emulateMedia(media: { colorScheme?: 'light' | 'dark'; reducedMotion?: 'reduce' | 'no-preference'; media?: 'print' | 'screen' }): Promise<void> {
  return command('emulate-media', media);
}

/** Resizes the browser's viewport (the wtr `set-viewport` command), e.g. `{ width: 360, height: 640 }` for a phone; media queries follow. */
export function setViewport(size: { width: number; height: number }): Promise<void> {
  return command('set-viewport', size);
}

/** The viewport web-test-runner's Chromium starts with: restore it after `setViewport`. */
export const DEFAULT_VIEWPORT = { width: 800, height: 600 } as const;

/** Runs one of web-test-runner's built-in server commands for this browser page. */
async function command(name: string, payload: unknown): Promise<void> {
  const sessionId = new URL(location.href).searchParams.get('wtr-session-id');
  // @ts-expect-error — served by web-test-runner at runtime, no types.
  const { sendMessageWaitForResponse } = (await import('/__web-dev-server__web-socket.js')) as {
    sendMessageWaitForResponse(m: unknown): Promise<{ executed: boolean }>;
  };
  const response = await sendMessageWaitForResponse({ type: 'wtr-command', sessionId, command: name, payload });
  if (!response.executed) throw new Error(`${name} is not available: run the tests with web-test-runner.`);
}

/**
 * Waits until `predicate` holds (polling), for what the real server answers
 * asynchronously. The deadline is a bound against a hang, not a speed check:
 * on a busy 2-core machine a first render with its reads took past 5 s.
 */
export async function until(predicate: () => unknown, message = 'condition', timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${message}.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The element inside an element's shadow root. */
export function shadow<T extends Element = HTMLElement>(host: Element, selector: string): T {
  const found = host.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`No ${selector} in <${host.localName}>'s shadow root.`);
  return found;
}

/** Types into a field (by its `name`) the way a person does: value, then the input event (`change` for a select). */
export function fill(host: Element, name: string, value: string): void {
  const control = shadow<HTMLInputElement | HTMLSelectElement>(host, `[name="${name}"]`);
  control.value = value;
  control.dispatchEvent(new Event(control.tagName === 'SELECT' ? 'change' : 'input'));
}

/** Focus inside shadow roots: the deepest active element. */
export function deepActiveElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** A new consent purpose of the administrator's school (first version), through the real API; `edit` publishes a second version of its text. */
export async function newPurpose(): Promise<{ key: string; version: string; edit: () => Promise<void> }> {
  const { api } = await apiConfig();
  const auth = { authorization: `Bearer ${await sessionToken('admin-demo')}`, 'content-type': 'application/json' };
  const key = `survey-${crypto.randomUUID().slice(0, 8)}`;
  const me = (await (await fetch(`${api}/v1/me`, { headers: auth })).json()) as { memberships: { entityId: string }[] };
  const created = await fetch(`${api}/v1/purposes`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ key, title: { fr: 'Enquête', en: 'Survey' }, description: { fr: 'Première version.', en: 'First version.' }, legalBasis: 'consent', channels: ['email'], entityId: me.memberships[0]!.entityId, retentionMonths: 12 }),
  });
  if (created.status !== 201) throw new Error(`creating a purpose: ${created.status}`);
  const purpose = (await created.json()) as { id: string; version: { hash: string } };
  const etag = created.headers.get('etag')!;
  const edit = async () => {
    const edited = await fetch(`${api}/v1/purposes/${purpose.id}`, { method: 'PATCH', headers: { ...auth, 'if-match': etag }, body: JSON.stringify({ description: { fr: 'Deuxième version.', en: 'Second version.' } }) });
    if (edited.status !== 200) throw new Error(`editing a purpose: ${edited.status}`);
  };
  return { key, version: purpose.version.hash, edit };
}
