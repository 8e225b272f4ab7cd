/**
 * The people of the demo institution's own directory — what its single
 * sign-on knows about them. `sub` is the stable identifier Passerelle keys on.
 */
export interface HostPerson {
  sub: string;
  name: string;
  email: string;
  /** Free text the host adds to the token, as an SSO would (`eduPersonAffiliation`). */
  affiliation: string;
  /** What the role switcher says, in both languages. */
  label: { fr: string; en: string };
}

export const HOST_PEOPLE: readonly HostPerson[] = [
  { sub: 'student-ines', name: 'Inès Martin', email: 'ines.martin@etu.demo.test', affiliation: 'student', label: { fr: "Étudiante — École d'ingénieurs", en: 'Student — School of Engineering' } },
  { sub: 'alumna-claire', name: 'Claire Dubois', email: 'claire.dubois@alumni.demo.test', affiliation: 'alum', label: { fr: 'Diplômée — École de management', en: 'Alumna — School of Management' } },
  { sub: 'rep-acme', name: 'Marc Lefèvre', email: 'marc.lefevre@acme-robotique.fr', affiliation: 'affiliate', label: { fr: 'Entreprise — Acme Robotique', en: 'Company — Acme Robotique' } },
  { sub: 'staff-eng', name: 'Sophie Bernard', email: 'sophie.bernard@demo.test', affiliation: 'staff', label: { fr: "Personnel — École d'ingénieurs", en: 'Staff — School of Engineering' } },
  { sub: 'staff-mgmt', name: 'Julien Moreau', email: 'julien.moreau@demo.test', affiliation: 'staff', label: { fr: 'Personnel — École de management', en: 'Staff — School of Management' } },
  { sub: 'admin-demo', name: 'Nadia Haddad', email: 'nadia.haddad@demo.test', affiliation: 'staff', label: { fr: 'Administratrice', en: 'Administrator' } },
];

/** The role switcher's value for "nobody signed in on the host site" (Passerelle then offers the email code). */
export const ANONYMOUS = 'anonymous';

/** Who a first-time visitor is on the host site: signed in as the student, so the components work at once. */
export const DEFAULT_SUB = 'student-ines';

export const findPerson = (sub: string): HostPerson | undefined => HOST_PEOPLE.find((p) => p.sub === sub);
