/** The host site's own session (its single sign-on), as served by `host/backend.ts`. */
export interface HostPersonView {
  sub: string;
  name: string;
  email: string;
  label: { fr: string; en: string };
}

export interface HostSession {
  person: HostPersonView | null;
  people: HostPersonView[];
  anonymous: string;
}

export async function hostSession(): Promise<HostSession> {
  const res = await fetch('/host/session', { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`The host site did not answer (${res.status}).`);
  return (await res.json()) as HostSession;
}

/** Changes who is signed in on the host site. */
export async function switchPerson(sub: string): Promise<void> {
  const res = await fetch('/host/switch', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sub }) });
  if (!res.ok) throw new Error(`The host site refused the switch (${res.status}).`);
}

/**
 * What the portal calls when it needs a Passerelle session: the host back end
 * signs a short-lived identity token for the person signed in here.
 */
export async function getIdentityToken(): Promise<string> {
  const res = await fetch('/host/identity-token', { headers: { accept: 'application/json' }, cache: 'no-store' });
  if (!res.ok) throw new Error('Nobody is signed in on the university site.');
  return ((await res.json()) as { token: string }).token;
}
