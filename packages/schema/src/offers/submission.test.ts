import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { fieldsRequiredToSubmit, isRequiredToSubmit, missingForSubmission, OfferSubmissionSchema, requiredForSubmission } from '../index.ts';

const complete = {
  companyId: '7f9c2d4e-1b3a-4c5d-8e6f-0a1b2c3d4e5f',
  title: 'Stage robotique',
  kind: 'internship',
  targetEntityIds: ['0b1c2d3e-4f50-4617-8283-94a5b6c7d8e9'],
  description: 'ROS 2',
  location: 'Lyon',
  remote: 'hybrid',
  startDate: '2027-02-01',
  duration: { amount: 3, unit: 'months' },
  weeklyHours: 35,
  apply: 'https://example.org/stages',
  expiresOn: '2027-01-01',
};

describe('what submitting an offer requires', () => {
  it('is every field but the stipend, read from the submission schema', () => {
    expect([...fieldsRequiredToSubmit].sort()).toEqual(
      ['apply', 'companyId', 'description', 'duration', 'expiresOn', 'kind', 'location', 'remote', 'startDate', 'targetEntityIds', 'title', 'weeklyHours'].sort(),
    );
    expect(isRequiredToSubmit('stipend')).toBe(false);
    expect(isRequiredToSubmit('location')).toBe(true);
    expect(v.safeParse(OfferSubmissionSchema, complete).success).toBe(true);
    for (const field of fieldsRequiredToSubmit) {
      const { [field]: _left, ...lacking } = complete;
      expect(v.safeParse(OfferSubmissionSchema, lacking).success, field).toBe(false);
    }
  });

  it('names, of those, what a draft may lack, with a code each', () => {
    expect([...requiredForSubmission].sort()).toEqual(['apply', 'description', 'duration', 'expiresOn', 'location', 'remote', 'startDate', 'weeklyHours']);
    expect(missingForSubmission({}).map((e) => e.path)).toEqual([...requiredForSubmission]);
    expect(missingForSubmission({ ...complete, location: '' })).toEqual([
      { path: 'location', code: 'offer.submit.required', params: { field: 'location' } },
    ]);
    expect(missingForSubmission(complete)).toEqual([]);
  });
});
