/** Words of `<passerelle-consent-centre>`. English has the same shape (`satisfies typeof fr`). */
export const fr = {
  title: 'Mes consentements',
  intro: 'Choisissez, pour chaque usage de vos données, par quel moyen l’établissement peut vous écrire. Rien n’est coché d’avance : vous pouvez changer d’avis à tout moment.',
  loading: 'Chargement de vos choix…',
  loadError: 'Vos choix n’ont pas pu être chargés.',
  retry: 'Réessayer',
  saved: 'Votre choix est enregistré.',
  nothingChanged: 'Rien n’a changé.',
  withdrawAll: 'Tout retirer',
  withdrawAllHint: 'Retire en une fois tous vos consentements, sur tous les canaux, et vous oppose aux envois fondés sur l’intérêt légitime.',
  withdrawnAll: 'Tous vos consentements sont retirés.',
  purposes: 'Usages de vos données',
  owner: (entity: string) => `Responsable : ${entity}`,
  basis: {
    consent: 'Sur votre consentement : rien ne vous est envoyé tant que vous n’avez pas dit oui.',
    legitimate_interest: (entity: string) =>
      `Intérêt légitime : ${entity} peut vous écrire sans accord préalable, mais vous pouvez vous y opposer à tout moment en désactivant ces canaux.`,
  },
  retention: (months: number) => `Votre accord vaut ${months} mois, puis nous vous le redemandons.`,
  channels: { email: 'E-mail', sms: 'SMS', post: 'Courrier', phone: 'Téléphone' },
  channelsLegend: (title: string) => `Canaux pour « ${title} »`,
  on: 'oui',
  off: 'non',
};
