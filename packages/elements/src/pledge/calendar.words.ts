/**
 * The words of the SOLTéA calendar, in both languages: they come with the
 * calendar (calendar.ts), which the pledge element fetches for the tax form
 * only, so that a gift form does not carry them.
 */

/** « 1 jour », « 12 jours ». */
const frDays = (n: number) => (n === 1 ? '1 jour' : `${n} jours`);
/** "1 day", "12 days". */
const enDays = (n: number) => (n === 1 ? '1 day' : `${n} days`);

export const fr = {
  unpublished: (year: number) => `Les dates de la campagne ${year} ne sont pas encore publiées : les périodes de répartition ouvrent d’habitude à partir de fin mai.`,
  upcoming: (label: string, date: string, days: number) => `Aucune période n’est encore ouverte. ${label} : ouverture le ${date}, dans ${frDays(days)}.`,
  open: (label: string, date: string, days: number) =>
    days === 1 ? `${label} ouverte : dernier jour aujourd’hui, le ${date}.` : `${label} ouverte jusqu’au ${date} : encore ${frDays(days)}, aujourd’hui compris.`,
  closed: (label: string, date: string, days: number) => `Aucune période n’est ouverte aujourd’hui. ${label} : ouverture le ${date}, dans ${frDays(days)}.`,
  over: (year: number, transfers: string[], unallocated: string) =>
    `Les périodes de répartition de la campagne ${year} sont terminées : il n’est plus possible d’y répartir. Versements aux écoles à partir du ${transfers.join(' puis du ')} ; fonds non affectés à partir du ${unallocated}.`,
  transfers: (date: string) => `(versements à partir du ${date})`,
  unallocated: (date: string) => `Fonds non affectés répartis à partir du ${date}`,
  source: (text: string) => `Source : ${text}.`,
  stepOpen: (url: string, closes: string) => `Connectez-vous à SOLTéA (${url}) avec le compte de l’entreprise, avant le ${closes}, fin de la période ouverte.`,
  stepLater: (url: string) => `Dès qu’une période de répartition ouvre (voir le calendrier), connectez-vous à SOLTéA (${url}) avec le compte de l’entreprise.`,
};

export const en = {
  unpublished: (year: number) => `The ${year} campaign’s dates are not published yet: allocation periods usually open from late May.`,
  upcoming: (label: string, date: string, days: number) => `No period is open yet. ${label}: opens on ${date}, in ${enDays(days)}.`,
  open: (label: string, date: string, days: number) =>
    days === 1 ? `${label} open: today, ${date}, is the last day.` : `${label} open until ${date}: ${enDays(days)} left, today included.`,
  closed: (label: string, date: string, days: number) => `No period is open today. ${label}: opens on ${date}, in ${enDays(days)}.`,
  over: (year: number, transfers: string[], unallocated: string) =>
    `The ${year} campaign’s allocation periods are over: no more allocations can be made for it. Transfers to the schools from ${transfers.join(' and ')}; unallocated funds from ${unallocated}.`,
  transfers: (date: string) => `(transfers from ${date})`,
  unallocated: (date: string) => `Unallocated funds shared out from ${date}`,
  source: (text: string) => `Source: ${text}.`,
  stepOpen: (url: string, closes: string) => `Sign in to SOLTéA (${url}) with the company’s account before ${closes}, when the open period ends.`,
  stepLater: (url: string) => `As soon as an allocation period opens (see the calendar), sign in to SOLTéA (${url}) with the company’s account.`,
} satisfies typeof fr;
