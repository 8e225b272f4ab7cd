/** Words of `<passerelle-consent-inline>` and of the consent choices inside the forms. English has the same shape (`satisfies typeof fr`). */
export const fr = {
  heading: 'Rester en contact',
  intro: 'Facultatif : rien n’est coché d’avance, et vous pourrez changer d’avis à tout moment dans « Mes consentements ».',
  loading: 'Chargement des choix de contact…',
  loadError: 'Les choix de contact n’ont pas pu être chargés : le reste du formulaire peut être envoyé sans eux.',
  retry: 'Réessayer',
  channels: { email: 'Par e-mail', sms: 'Par SMS', post: 'Par courrier', phone: 'Par téléphone' },
  owner: (entity: string) => `Responsable : ${entity}`,
  recorded: 'Vos choix de contact sont enregistrés.',
  notRecorded: 'Vos choix de contact n’ont pas pu être enregistrés.',
};
