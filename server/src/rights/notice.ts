/**
 * What happens to each kind of data, told to the person when they ask, so
 * they know what is kept and why (the element shows the same, translated).
 */
export const erasureNotice = {
  atOnce: [
    'Your directory entry is hidden: nobody can find or read your profile any more.',
    'Every optional use of your data (newsletters, events, job offers) is withdrawn and you object to fundraising messages: nobody may contact you for them.',
  ],
  whenProcessed: [
    'Staff process your request within one month (GDPR art. 12(3)), after checking nothing must legally be kept longer.',
    'Your profile and marketing data are deleted; your name, email and sign-in identity are removed from your account; your sessions end.',
    'Your pledges stay in the accounts without your name (anonymised).',
  ],
  kept: [
    {
      what: 'The data of the tax receipts issued for your donations (amount, date, receipt number, the donor’s identity printed on the receipt).',
      why: 'The institution must be able to show them to the tax administration for 6 years.',
      legalBasis: 'Art. L102 B du Livre des procédures fiscales (6 years); GDPR art. 17(3)(b), legal obligation.',
    },
    {
      what: 'The record of your consent choices (dates, texts you agreed to), under an anonymous id.',
      why: 'The institution must be able to prove the consents it relied on.',
      legalBasis: 'GDPR art. 7(1) and 5(2) (accountability).',
    },
    {
      what: 'This request and the audit log of changes, under an anonymous id.',
      why: 'To show that your request was handled.',
      legalBasis: 'GDPR art. 5(2) and 12 (accountability).',
    },
  ],
} as const;
