import type { Tx } from '../db/open.ts';
import type { ProfileFields } from '@passerelle/schema';
import { initialFields, insertProfile, type NewProfile } from '../profiles/store.ts';
import { findProfile } from '../profiles/queries/profiles.ts';
import { findPerson } from '../profiles/queries/people.ts';
import type { DemoIds } from './demo.ts';

type Extra = Partial<Pick<NewProfile, 'visibility' | 'educationLocked' | 'confirmedAt'>> & { fields?: Partial<ProfileFields> };

/**
 * A profile for every demo person; Claire and Inès with the education the
 * institution recorded. Idempotent: an existing profile (maybe edited since)
 * is left alone.
 */
export async function seedProfiles(tx: Tx, ids: DemoIds, at: string): Promise<void> {
  const ensure = async (tenantId: string, personId: string, extra: Extra = {}) => {
    if (await findProfile(tx, tenantId, personId)) return;
    const person = await findPerson(tx, tenantId, personId);
    if (!person) return;
    await insertProfile(tx, {
      tenantId,
      personId,
      fields: { ...initialFields(person), ...extra.fields },
      visibility: extra.visibility,
      educationLocked: extra.educationLocked,
      confirmedAt: extra.confirmedAt,
      at,
      by: null,
    });
  };
  const { demo, other } = ids;
  await ensure(demo.tenantId, demo.people['alumna-claire'], {
    fields: {
      phone: '+33 6 12 34 56 78',
      address: { street: '12 rue de la République', postalCode: '69002', city: 'Lyon', country: 'FR' },
      programme: 'Master Management',
      educationEntityId: demo.entities.management,
      graduationYear: 2019,
      employer: 'Globex Conseil',
      jobTitle: 'Consultante senior',
      sector: 'Conseil',
      workCity: 'Lyon',
      workCountry: 'FR',
      linkedinUrl: 'https://www.linkedin.com/in/claire-dubois-demo',
      previousPositions: [{ employer: 'Acme Robotique', jobTitle: 'Chargée de projet', startYear: 2019, endYear: 2022 }],
      availability: { mentoring: true, talks: true, hiringInterns: false },
      bio: 'Consultante en stratégie, ancienne de l’École de management. Heureuse d’aider les étudiantes et étudiants qui visent le conseil.',
    },
    // A mix: identity and job open to all, education and bio to the network, contact private.
    visibility: {
      givenName: 'public',
      familyName: 'public',
      employer: 'public',
      jobTitle: 'public',
      linkedinUrl: 'public',
      programme: 'network',
      graduationYear: 'network',
      educationEntityId: 'network',
      bio: 'network',
      workCity: 'network',
      availability: 'network',
      phone: 'private',
      emails: 'private',
      address: 'private',
    },
    educationLocked: true,
    confirmedAt: at,
  });
  await ensure(demo.tenantId, demo.people['student-ines'], {
    fields: { programme: "Diplôme d'ingénieur", educationEntityId: demo.entities.engineering, graduationYear: 2027 },
    educationLocked: true,
  });
  for (const personId of Object.values(demo.people)) await ensure(demo.tenantId, personId);
  for (const personId of Object.values(other.people)) await ensure(other.tenantId, personId);
}
