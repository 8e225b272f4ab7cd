export * from './mapping.ts';
export * from './rows.ts';
