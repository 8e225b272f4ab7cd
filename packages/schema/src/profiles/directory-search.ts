import * as v from 'valibot';
import { ProfileListQuerySchema, type ProfileListQuery } from './schema.ts';

const { q, entity, graduationYear, employer, sector, city } = ProfileListQuerySchema.entries;
const availabilityKeys = ['mentoring', 'talks', 'hiringInterns'] as const;
const tick = v.optional(v.boolean());

/**
 * The directory's search form: the filters of `GET /v1/profiles`, checked
 * with the very entries the route checks, and the availability as three
 * checkboxes. `directoryQuery` turns its output into the route's query.
 */
export const DirectorySearchSchema = v.strictObject({ q, entity, graduationYear, employer, sector, city, mentoring: tick, talks: tick, hiringInterns: tick });
export type DirectorySearch = v.InferOutput<typeof DirectorySearchSchema>;

/**
 * The filters of `GET /v1/profiles` for a search, as the route's validated
 * query types them (the typed client takes that shape and sends strings).
 */
export type DirectoryQuery = Partial<Pick<ProfileListQuery, 'q' | 'entity' | 'graduationYear' | 'employer' | 'sector' | 'city' | (typeof availabilityKeys)[number]>>;

export function directoryQuery(search: DirectorySearch): DirectoryQuery {
  const query: DirectoryQuery = {};
  for (const key of ['q', 'entity', 'employer', 'sector', 'city'] as const) if (search[key] !== undefined) query[key] = search[key];
  if (search.graduationYear !== undefined) query.graduationYear = search.graduationYear;
  for (const key of availabilityKeys) if (search[key]) query[key] = 'true';
  return query;
}
