// Mistakes a consumer could make: package.test.ts checks that tsc reports each one
// (the proof that the typings check something).
import '@passerelle/elements';
import type {} from '@passerelle/elements/react';

export const wrong = (
  <>
    <passerelle-pledge api={42} />
    <passerelle-profile-editor onpasserelle-saved={(e) => e.detail.amount} />
    <passerelle-offer-form offerId={7} />
    <passerelle-pledge onpasserelle-error={(e) => e.detail.error.nope} />
    <passerelle-nope />
  </>
);
