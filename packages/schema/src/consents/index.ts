export * from './purpose.ts';
export * from './choice.ts';
