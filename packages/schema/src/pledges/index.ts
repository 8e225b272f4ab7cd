export * from './parameters.ts';
export * from './estimate.ts';
export * from './pledge.ts';
export * from './calendar.ts';
export * from './calendar-set.ts';
export * from './payment-page.ts';
export * from './transfers.ts';
