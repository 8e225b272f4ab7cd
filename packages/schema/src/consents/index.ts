export * from './purpose.ts';
export * from './choice.ts';
export * from './proof.ts';
export * from './erasure.ts';
export * from './form-bodies.ts';
