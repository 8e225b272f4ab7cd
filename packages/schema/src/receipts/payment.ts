/** How the money of a gift came (a receipt's "mode de versement"); the receive verb and the payment callback may say it. */
export const paymentMethods = ['transfer', 'card', 'cheque', 'direct_debit', 'cash'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];
