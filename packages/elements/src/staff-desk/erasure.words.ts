/** Words of the desk's erasure requests panel (erasure-requests.ts), French first; English with the same keys. Fetched with the panel. */

export const frErasure = {
  pendingTitle: 'Demandes d’effacement à traiter',
  pendingIntro:
    'Une personne qui demande l’effacement de ses données reçoit une réponse dans le mois qui suit sa demande (RGPD, article 12). Les demandes en attente des personnes de vos écoles, de l’échéance la plus proche à la plus lointaine.',
  empty: 'Aucune demande d’effacement en attente.',
  count: (n: number, late: number) =>
    `${n === 1 ? '1 demande en attente' : `${n} demandes en attente`}${late === 0 ? '.' : late === 1 ? ', dont 1 en retard.' : `, dont ${late} en retard.`}`,
  erased: 'Personne effacée',
  requestedOn: (date: string) => `Demandée le ${date}`,
  dueIn: (date: string, days: number) => `À traiter avant le ${date}, dans ${days === 1 ? '1 jour' : `${days} jours`}.`,
  dueToday: (date: string) => `À traiter aujourd’hui, le ${date}.`,
  overdue: (date: string, days: number) => `En retard : à traiter avant le ${date}, dépassé de ${days === 1 ? '1 jour' : `${days} jours`}.`,
  note: 'Message de la personne',
  process: 'Traiter la demande',
  processLabel: (name: string) => `Traiter la demande de ${name}`,
  cancel: 'Annuler',
  confirmTitle: 'Effacer ces données ?',
  confirmBody:
    'Le profil est supprimé, les dons et promesses anonymisés (les données fiscales sont gardées le temps que la loi l’exige), le nom, l’adresse et les rôles retirés, les sessions fermées. La personne en est avertie par courriel. C’est définitif.',
  confirm: (name: string) => `Effacer les données de ${name}`,
  processed: (name: string) => `Demande de ${name} traitée : ses données sont effacées.`,
  doneTitle: 'Demandes traitées',
  doneIntro:
    'Les plus récentes d’abord. Une fois effacée, la personne n’appartient plus à aucune école : seuls les administrateurs retrouvent ici sa demande ; le journal d’audit garde chaque traitement (action « erasure.process »).',
  doneEmpty: 'Aucune demande traitée à afficher.',
  processedOn: (date: string, onTime: boolean) => `Traitée le ${date}${onTime ? ', dans le délai' : ', après l’échéance'}.`,
  more: 'Afficher plus',
};

export const enErasure: typeof frErasure = {
  pendingTitle: 'Erasure requests to process',
  pendingIntro:
    'A person who asks for their data to be erased gets an answer within one month of asking (GDPR, article 12). The pending requests of the people of your schools, the nearest due date first.',
  empty: 'No erasure request is pending.',
  count: (n: number, late: number) =>
    `${n === 1 ? '1 pending request' : `${n} pending requests`}${late === 0 ? '.' : late === 1 ? ', 1 of them overdue.' : `, ${late} of them overdue.`}`,
  erased: 'Erased person',
  requestedOn: (date: string) => `Asked on ${date}`,
  dueIn: (date: string, days: number) => `Due by ${date}, in ${days === 1 ? '1 day' : `${days} days`}.`,
  dueToday: (date: string) => `Due today, ${date}.`,
  overdue: (date: string, days: number) => `Overdue: due by ${date}, ${days === 1 ? '1 day' : `${days} days`} late.`,
  note: 'The person’s message',
  process: 'Process the request',
  processLabel: (name: string) => `Process the request of ${name}`,
  cancel: 'Cancel',
  confirmTitle: 'Erase this data?',
  confirmBody:
    'The profile is deleted, gifts and pledges anonymised (tax data is kept as long as the law requires), the name, address and roles removed, sessions ended. The person is told by email. This cannot be undone.',
  confirm: (name: string) => `Erase ${name}’s data`,
  processed: (name: string) => `${name}’s request processed: their data is erased.`,
  doneTitle: 'Processed requests',
  doneIntro:
    'Latest first. Once erased, the person belongs to no school any more: only administrators find their request here; the audit log keeps each processing (action “erasure.process”).',
  doneEmpty: 'No processed request to show.',
  processedOn: (date: string, onTime: boolean) => `Processed on ${date}${onTime ? ', on time' : ', after the due date'}.`,
  more: 'Show more',
};
