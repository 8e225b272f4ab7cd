export * from './fields.ts';
export * from './schema.ts';
export * from './scores.ts';
export { searchKey } from './normalise.ts';
export * from './directory-search.ts';
