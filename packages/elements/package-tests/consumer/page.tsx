// A React 19 page of an institution's site using every Passerelle tag with its
// properties and typed events. package.test.ts type-checks it against the
// packed tarball (strict, skipLibCheck off); it is never run.
import { useState, type ReactElement } from 'react';
import '@passerelle/elements';
import type {} from '@passerelle/elements/react';
import type { PasserelleErrorEvent, PasserellePledge, ProfileSavedEvent, SavedEvent } from '@passerelle/elements';

const api = 'https://passerelle.univ-exemple.fr';
const getIdentityToken = async (): Promise<string | null> => (await (await fetch('/sso/passerelle-token')).json()).token;

export function Careers({ token }: { token: string }): ReactElement {
  const [log, setLog] = useState<string[]>([]);
  const note = (line: string) => setLog((lines) => [...lines, line]);
  const onSaved = (event: SavedEvent) => note(`${event.detail.kind} saved`);
  const onError = (event: PasserelleErrorEvent) => note(`${event.detail.action}: ${event.detail.error.status} ${event.detail.error.code}`);
  return (
    <main>
      <passerelle-portal
        api={api}
        tenant="univ-exemple"
        identityToken={token}
        getIdentityToken={getIdentityToken}
        sessionStorageMode="none"
        session-storage="email"
        lang="fr"
        onpasserelle-signed-in={(e) => note(`${e.detail.me.person.displayName} (${e.detail.method}), ${e.detail.me.memberships.length} memberships`)}
        onpasserelle-signed-out={(e) => note(e.detail.reason === 'expired' ? 'expired' : 'signed out')}
        onpasserelle-error={onError}
      >
        <passerelle-profile-editor
          personId=""
          person-id=""
          purposes="alumni-news events"
          onpasserelle-saved={(e: ProfileSavedEvent) => note(`profile ${e.detail.item.id}: ${e.detail.fields.join(', ')}`)}
          onpasserelle-error={onError}
        />
        <passerelle-offer-form offerId="0b6c7c1e-5d3a-4c38-9d59-3a5c2f0e7a11" offer-id="" purposes="job-offers" onpasserelle-saved={onSaved} onpasserelle-error={onError} />
        <passerelle-offer-moderation onpasserelle-saved={onSaved} onpasserelle-error={onError} />
        <passerelle-company-requests onpasserelle-saved={onSaved} onpasserelle-error={onError} />
        <passerelle-staff-desk onpasserelle-saved={onSaved} onpasserelle-error={onError} />
        <passerelle-consent-centre onpasserelle-saved={(e) => note(e.detail.kind)} onpasserelle-error={onError} />
        <form>
          <passerelle-consent-inline purpose="events" purposes="alumni-news" onpasserelle-saved={onSaved} onpasserelle-error={onError} />
        </form>
        <passerelle-directory pageSize={20} page-size={20} onpasserelle-error={onError} />
        <passerelle-offer-board pageSize={20} page-size={20} openToVisitors open-to-visitors onpasserelle-error={onError} />
        <passerelle-company-space companyId="" company-id="" pageSize={10} page-size={10} onpasserelle-saved={onSaved} onpasserelle-error={onError} />
      </passerelle-portal>
      {/* Alone, outside the portal: its own session and sign-in events. */}
      <passerelle-pledge
        api={api}
        tenant="univ-exemple"
        purposes="fundraising"
        identityToken={token}
        getIdentityToken={() => token}
        className="pledge"
        ref={(el: PasserellePledge | null) => el?.focus()}
        onpasserelle-saved={onSaved}
        onpasserelle-error={onError}
        onpasserelle-signed-in={(e) => note(e.detail.me.tenant?.name ?? '')}
        onpasserelle-signed-out={(e) => note(e.detail.reason)}
      />
      {/* What the typings refuse (each line must be an error, or tsc fails on an unused directive): */}
      {/* @ts-expect-error a number is not a URL */}
      <passerelle-pledge api={42} />
      {/* @ts-expect-error the profile editor's saved event has no `amount` */}
      <passerelle-profile-editor onpasserelle-saved={(e) => note(e.detail.amount)} />
      {/* @ts-expect-error only 'email' or 'none' */}
      <passerelle-portal sessionStorageMode="cookie" />
      {/* @ts-expect-error a sign-out's reason is no person */}
      <passerelle-portal onpasserelle-signed-out={(e) => note(e.detail.me.person.displayName)} />
      <ul>{log.map((line) => <li key={line}>{line}</li>)}</ul>
    </main>
  );
}
