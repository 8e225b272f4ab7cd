export * from './parameters.ts';
export * from './rules.ts';
export * from './offer.ts';
export * from './submission.ts';
export * from './markdown.ts';
