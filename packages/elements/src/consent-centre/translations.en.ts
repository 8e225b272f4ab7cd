import type { fr } from './translations.ts';
import type { frRights } from './translations.rights.ts';

/** English words of `<passerelle-consent-centre>`: a chunk of its own, fetched when an element speaks English. */
export const en = {
  title: 'My consents',
  intro: 'For each use of your data, choose how the institution may write to you. Nothing is ticked in advance, and you can change your mind at any time.',
  loading: 'Loading your choices…',
  loadError: 'Your choices could not be loaded.',
  retry: 'Try again',
  saved: 'Your choice is saved.',
  nothingChanged: 'Nothing changed.',
  withdrawAll: 'Withdraw everything',
  withdrawAllHint: 'Withdraws all your consents on every channel at once, and objects to messages sent on legitimate interest.',
  withdrawnAll: 'All your consents are withdrawn.',
  purposes: 'Uses of your data',
  owner: (entity: string) => `Run by: ${entity}`,
  basis: {
    consent: 'Based on your consent: nothing is sent to you until you say yes.',
    legitimate_interest: (entity: string) =>
      `Legitimate interest: ${entity} may write to you without asking first, but you can object at any time by turning these channels off.`,
  },
  retention: (months: number) => `Your consent lasts ${months} months, then we ask you again.`,
  channels: { email: 'Email', sms: 'SMS', post: 'Post', phone: 'Phone' },
  channelsLegend: (title: string) => `Channels for “${title}”`,
  on: 'on',
  off: 'off',
} satisfies typeof fr;

/** English words of what src/consent-centre/rights.ts draws. */
export const enRights = {
  renewal: {
    title: 'The text has changed',
    body: (date: string) => `You agreed on ${date} to an earlier version of this text. Read it above and confirm if you still agree.`,
    confirm: 'I confirm my consent to the new text',
  },
  expires: {
    body: (date: string) => `Your consent ends on ${date}.`,
    renew: 'Extend my consent',
  },
  renewed: (date: string) => `Renewed by the link in your message: your consent now runs until ${date}.`,
  cap: {
    title: 'Number of messages',
    intro: 'At most how many messages a month may the institution send you, all services together?',
    label: 'Messages per month at most',
    hint: (n: number) => `The institution’s default: ${n}. From 0 to 30.`,
    save: 'Save this limit',
    saved: (n: number) => `Limit saved: at most ${n} message(s) a month.`,
  },
  history: {
    title: 'History of my choices',
    empty: 'You have not made any choice yet.',
    caption: 'Your choices, newest first, with the text they were about',
    date: 'Date',
    purpose: 'Use',
    channel: 'Channel',
    choice: 'Choice',
    text: 'Text',
    granted: 'Granted',
    withdrawn: 'Withdrawn',
    byStaff: 'by staff',
    version: (hash: string) => `Version ${hash}`,
  },
  data: {
    title: 'My data',
    intro: 'Download everything Passerelle holds about you at this institution: profile, roles, offers, pledges, the history of your consents and the log of changes.',
    json: 'Download my data (JSON)',
    zip: 'Download my data (ZIP of CSV files)',
    ready: 'Your file is ready: the download has started.',
  },
  erasure: {
    title: 'Delete my account',
    intro: 'You can ask for your account and your data to be deleted.',
    atOnceTitle: 'At once',
    atOnce: [
      'Your directory entry is hidden: nobody can find or read your profile any more.',
      'All your consents are withdrawn and you object to fundraising: nobody may write to you for these uses.',
    ],
    laterTitle: 'When staff process your request (within a month)',
    later: [
      'Your profile and marketing data are deleted; your name, email address and sign-in identity are erased; your sessions end.',
      'Your pledges stay in the accounts without your name (anonymised).',
      'A gift you promised and that is not yet received keeps your name and address until it is received (its tax receipt is then issued in your name, and the gift anonymised) or cancelled (then anonymised).',
    ],
    keptTitle: 'What is kept, and why',
    kept: [
      'The data of the tax receipts for your donations, for 6 years: the institution must be able to show them to the tax administration (art. L102 B of the French Livre des procédures fiscales; GDPR art. 17(3)(b), legal obligation).',
      'The record of your consent choices, under an anonymous id: the institution must be able to prove the consents it relied on (GDPR art. 7(1) and 5(2)).',
      'Your request and the log of changes, under an anonymous id, to show it was handled.',
    ],
    confirm: 'I understand and ask for my account to be deleted',
    note: 'A note for staff (optional)',
    submit: 'Ask for deletion',
    pending: (date: string) => `Your deletion request of ${date} is being processed. Your consents are already withdrawn and your directory entry hidden.`,
    processed: (date: string) => `Your request was processed on ${date}.`,
    sent: 'Your request is recorded.',
  },
} satisfies typeof frRights;
