export * from './words.ts';
export * from './payment.ts';
export * from './receipt.ts';
export * from './answers.ts';
