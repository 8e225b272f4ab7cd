/** English words of every email sent to people. */
import { euros } from '../format.ts';
import type { MailCatalogue } from './index.ts';

/** 2026-05-15 → 15 May 2026. */
const day = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const requestKind = (kind: 'represent' | 'create') => (kind === 'create' ? 'to add the company' : 'to represent the company');
const pledgeWhat = (kind: 'donation' | 'apprenticeship_tax') => (kind === 'donation' ? 'your gift' : 'your apprenticeship-tax pledge');

export const en: MailCatalogue = {
  kinds: {
    'offer.published': ({ title }) => ({
      subject: `Your offer is published: ${title}`,
      paragraphs: [`Your offer “${title}” was approved and published. Students can see it now.`],
      why: 'You receive this message because you wrote this offer.',
    }),
    'offer.rejected': ({ title, reason }) => ({
      subject: `Your offer was not accepted: ${title}`,
      paragraphs: [`Your offer “${title}” was not published.`, `Reason: ${reason}`],
      why: 'You receive this message because you wrote this offer.',
    }),
    'offer.changesRequested': ({ title, reason }) => ({
      subject: `Changes requested: ${title}`,
      paragraphs: [`Your offer “${title}” was sent back to you for changes before it is published.`, `What to change: ${reason}`],
      why: 'You receive this message because you wrote this offer.',
    }),
    'offer.expiresSoon': ({ title, expiresOn, days }) => ({
      subject: `Your offer expires in ${days} days: ${title}`,
      paragraphs: [`Your offer “${title}” will no longer be shown after ${day(expiresOn)}. Extend it if the position is still open.`],
      why: 'You receive this reminder because you wrote this offer.',
    }),
    'offer.expired': ({ title, expiresOn }) => ({
      subject: `Your offer has expired: ${title}`,
      paragraphs: [`Your offer “${title}” expired on ${day(expiresOn)} and is no longer shown. Post a new one if the position is still open.`],
      why: 'You receive this message because you wrote this offer.',
    }),
    'offer.digest': ({ offers, total }) => ({
      subject: total === 1 ? '1 offer is waiting for your review' : `${total} offers are waiting for your review`,
      paragraphs: [total === 1 ? 'An offer aimed at your entities is waiting for review:' : `${total} offers aimed at your entities are waiting for review:`],
      list: [...offers.map((o) => `${o.title} — ${o.company} (submitted ${day(o.submittedAt)})`), ...(total > offers.length ? [`and ${total - offers.length} more`] : [])],
      why: 'You receive this daily digest because you review the offers of your entities. You can turn it off in your preferences.',
    }),
    'company.request.approved': ({ company, kind }) => ({
      subject: `Your request is approved: ${company}`,
      paragraphs: [`Your request ${requestKind(kind)} ${company} was approved. You can now post offers and make pledges in the company’s name.`],
      why: 'You receive this message because you made this request.',
    }),
    'company.request.refused': ({ company, kind, reason }) => ({
      subject: `Your request was not approved: ${company}`,
      paragraphs: [`Your request ${requestKind(kind)} ${company} was not approved.`, `Reason: ${reason}`],
      why: 'You receive this message because you made this request.',
    }),
    'pledge.acknowledged': ({ reference, kind, beneficiary, amountCents, paymentUrl, soltea }) => ({
      subject: kind === 'donation' ? `Thank you for your pledge (ref. ${reference})` : `Your apprenticeship-tax pledge is recorded (ref. ${reference})`,
      paragraphs: [
        `We have recorded ${pledgeWhat(kind)} to ${beneficiary}${amountCents !== null ? ` (${euros('en', amountCents)})` : ''}. Reference: ${reference}.`,
        ...(kind === 'donation'
          ? [paymentUrl ? 'Next step: pay your gift on the institution’s payment page.' : 'Next step: the institution will tell you how to pay your gift.']
          : soltea
            ? [`Next step: allocate your tax on SOLTéA (${soltea.campaignYear} campaign):`]
            : []),
      ],
      ...(soltea
        ? {
            list: [
              soltea.periods.length > 0
                ? `Sign in to SOLTéA during an allocation period: ${soltea.periods.map((p) => `${day(p.opens)} to ${day(p.closes)}`).join(', ')}.`
                : `Sign in to SOLTéA once the ${soltea.campaignYear} campaign’s calendar is published.`,
              `Find ${soltea.school} by its UAI ${soltea.uai}${soltea.schoolSiret ? ` (SIRET ${soltea.schoolSiret})` : ''}.`,
              soltea.sharePercent !== null ? `Allocate ${soltea.sharePercent}% of your balance to it, then confirm.` : 'Enter the share of your balance you allocate to it, then confirm.',
            ],
          }
        : {}),
      ...(kind === 'donation' && paymentUrl ? { action: { label: 'Pay my gift', url: paymentUrl } } : {}),
      why: 'You receive this message because you made this pledge.',
    }),
    'pledge.received': ({ reference, kind, beneficiary, receivedCents, receivedOn, receipt }) => ({
      subject: `Thank you: ${kind === 'donation' ? 'your gift' : 'your apprenticeship tax'} has arrived (ref. ${reference})`,
      paragraphs: [
        `${beneficiary} has received ${pledgeWhat(kind)}${receivedCents !== null ? ` (${euros('en', receivedCents)})` : ''}${receivedOn ? ` on ${day(receivedOn)}` : ''}. Thank you for your support.`,
        `Reference: ${reference}.`,
        ...(receipt ? [`Your tax receipt no. ${receipt.number} has been issued.`] : []),
      ],
      ...(receipt
        ? {
            link: {
              label: 'Download my tax receipt',
              says: 'This link signs you in to your gifts and pledges, where you download the receipt (PDF).',
              otherwise: 'You can download it (PDF) from your gifts and pledges on the institution’s site.',
            },
          }
        : {}),
      why: 'You receive this message because you made this pledge.',
    }),
    'pledge.solteaReminder': ({ moment, reference, period: { en: period }, opens, closes, daysLeft, soltea }) => ({
      subject:
        moment === 'opens'
          ? `SOLTéA: the ${period.toLowerCase()} is open until ${day(closes)} (ref. ${reference})`
          : `SOLTéA: ${daysLeft} ${daysLeft === 1 ? 'day' : 'days'} left to allocate your apprenticeship tax (ref. ${reference})`,
      paragraphs: [
        moment === 'opens'
          ? `The ${period.toLowerCase()} of the ${soltea.campaignYear} campaign opened on ${day(opens)} and closes on ${day(closes)}. Your pledge to ${soltea.school} is still to be allocated on SOLTéA.`
          : `The ${period.toLowerCase()} of the ${soltea.campaignYear} campaign closes on ${day(closes)}: ${daysLeft} ${daysLeft === 1 ? 'day' : 'days'} left, today included. Your pledge to ${soltea.school} is still to be allocated on SOLTéA.`,
      ],
      list: [
        `Sign in to SOLTéA with the company’s account before ${day(closes)}.`,
        `Find ${soltea.school} by its UAI ${soltea.uai}${soltea.schoolSiret ? ` (SIRET ${soltea.schoolSiret})` : ''}.`,
        soltea.sharePercent !== null ? `Allocate ${soltea.sharePercent}% of your balance to it, then confirm.` : 'Enter the share of your balance you allocate to it, then confirm.',
      ],
      why: 'You receive this reminder because your company pledged its apprenticeship tax and has not allocated it yet.',
    }),
    'erasure.requested': ({ requestedAt }) => ({
      subject: 'Your erasure request is recorded',
      paragraphs: [
        `We received your erasure request of ${day(requestedAt)}. Your entry is already out of the directory and every solicitation has stopped.`,
        'The institution will erase the rest of your data; you will receive one last message once it is done.',
      ],
      why: 'You receive this message because you asked for your data to be erased.',
    }),
    'erasure.done': ({ processedAt }) => ({
      subject: 'Your data has been erased',
      paragraphs: [`Your data was erased on ${day(processedAt)}. Only what the law requires us to keep remains (tax receipts, proofs of consent).`, 'This is the last message you will receive from us.'],
      why: 'You receive this message because you asked for your data to be erased.',
    }),
    'consent.expiresSoon': ({ purpose: { en: purpose }, expiresAt, renewal }) => {
      const open = 'To renew it, open your consent centre and confirm your choice.';
      return {
        subject: `Your consent to “${purpose}” ends soon`,
        paragraphs: [`Your consent to “${purpose}” ends on ${day(expiresAt)}. Unless you renew it, we will stop on that date.`, ...(renewal ? [] : [open])],
        ...(renewal
          ? { link: { label: 'Renew my consent', says: `One click on this link renews your consent as it is, to the same text, for ${renewal.months} months, and opens your consent centre.`, otherwise: open } }
          : {}),
        why: 'You receive this reminder because you gave this consent.',
      };
    },
    'consent.textChanged': ({ purpose: { en: purpose } }) => ({
      subject: `The text of “${purpose}” changed: please confirm your consent`,
      paragraphs: [`The text you agreed to for “${purpose}” has changed.`, 'Open your consent centre to read the new text and confirm, or withdraw, your consent.'],
      why: 'You receive this message because you gave this consent.',
    }),
    'auth.link': () => ({
      subject: 'Your new sign-in link',
      paragraphs: ['Here is the new link you asked for: it signs you in and takes you where you were going.'],
      why: 'You receive this message because a new link was asked for this address. If it was not you, ignore it.',
    }),
    'profile.freshness': ({ months }) => ({
      subject: 'Are your details still up to date?',
      paragraphs: [`You have not confirmed your details for ${months} months. A glance is enough: correct what changed, or confirm that all is accurate.`],
      why: 'You receive this message because you agreed to be contacted to keep your entry up to date. You can turn it off in your preferences.',
    }),
    'person.graduated': ({ address }) => ({
      subject: 'Congratulations: how to sign in from now on',
      paragraphs: [
        'You are now one of our alumni. Your profile, your consents and your history stay as they are.',
        `From now on, sign in with this address, ${address}: ask for a sign-in code on the institution’s site, and it arrives here, even once your student account is closed.`,
      ],
      why: 'You receive this message because you added this address to your account and your status changed.',
    }),
    'person.addressAdded': ({ address, addedAt }) => ({
      subject: 'A new sign-in address was added to your account',
      paragraphs: [
        `On ${day(addedAt)}, the address ${address} was added to your account: it now signs you in.`,
        'If it was not you, remove it from “My sign-in addresses” in your profile and tell the institution.',
      ],
      why: 'You receive this message because the addresses that sign you in changed.',
    }),
  },
  chrome: {
    greeting: (name) => (name ? `Hello ${name},` : 'Hello,'),
    unsubscribeLabel: 'Stop receiving these messages',
    unsubscribe: (url) => `Stop receiving these messages: ${url}`,
    link: { profile: 'Update my details', consents: 'Manage my consents', offers: 'See my offers', pledges: 'See my gifts and pledges', company: 'Open my company space' },
    linkNote: (days) => `This link signs you in directly; it works once and lasts ${days} days. Do not forward it.`,
    sentBy: (institution) => `Sent by ${institution} through Passerelle.`,
  },
};
