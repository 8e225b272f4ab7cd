import * as v from 'valibot';
import { ProfileListQuerySchema } from './schema.ts';

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

/** The query string values of `GET /v1/profiles` for a search (absent filters left out). */
export type DirectoryQuery = Partial<Record<'q' | 'entity' | 'graduationYear' | 'employer' | 'sector' | 'city' | (typeof availabilityKeys)[number], string>>;

export function directoryQuery(search: DirectorySearch): DirectoryQuery {
  const query: DirectoryQuery = {};
  for (const key of ['q', 'entity', 'employer', 'sector', 'city'] as const) if (search[key] !== undefined) query[key] = search[key];
  if (search.graduationYear !== undefined) query.graduationYear = String(search.graduationYear);
  for (const key of availabilityKeys) if (search[key]) query[key] = 'true';
  return query;
}
