/** Words of the profile editor's "My addresses" section (addresses.ts). English has the same shape. */
export const fr = {
  title: 'Mes adresses de connexion',
  intro: 'Ajoutez une adresse personnelle : vous pourrez vous connecter avec elle par un code, même quand votre adresse de l’établissement sera fermée.',
  primary: (email: string) => `Adresse de l’établissement : ${email}`,
  none: 'Aucune adresse personnelle pour l’instant.',
  remove: 'Retirer',
  removeLabel: (email: string) => `Retirer ${email}`,
  newAddress: 'Nouvelle adresse',
  sendCode: 'Recevoir un code',
  code: (email: string) => `Code reçu à ${email}`,
  verify: 'Vérifier',
  cancel: 'Annuler',
  sent: (email: string) => `Un code a été envoyé à ${email}.`,
  added: (email: string) => `${email} est ajoutée : vous pouvez vous connecter avec elle.`,
  removed: (email: string) => `${email} est retirée.`,
};
