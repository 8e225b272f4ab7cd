export * from './siren.ts';
export * from './siret.ts';
export * from './uai.ts';
export { passesLuhn } from './luhn.ts';
