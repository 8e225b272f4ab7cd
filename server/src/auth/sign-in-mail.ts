import type { Mail } from './mailer.ts';
import { CODE_LIFETIME_MINUTES, WRONG_CODES_WINDOW_HOURS, type IssuedCode } from './email-code.ts';

const ignore = "Si vous n'avez rien demandé, ignorez ce message. / If you did not ask for it, ignore this message.";

/** The sign-in code email (French and English): the code ends the subject. */
export function codeMail(institution: string, to: string, code: IssuedCode): Mail {
  const paused =
    code.kind === 'long'
      ? `\n\nCe code est plus long que d'habitude : après plusieurs codes erronés saisis pour votre adresse, les codes à 6 chiffres sont suspendus pendant ${WRONG_CODES_WINDOW_HOURS} heures. Saisissez-le avec ou sans tirets.\nThis code is longer than usual: after several wrong codes were entered for your address, 6-digit codes are paused for ${WRONG_CODES_WINDOW_HOURS} hours. Type it with or without the dashes.`
      : '';
  return {
    to,
    subject: `${institution} — code de connexion / sign-in code: ${code.display}`,
    text: `Votre code de connexion est ${code.display}. Il est valable ${CODE_LIFETIME_MINUTES} minutes.\nYour sign-in code is ${code.display}. It is valid for ${CODE_LIFETIME_MINUTES} minutes.${paused}\n\n${ignore}`,
  };
}

/** Sent when wrong codes paused 6-digit codes for the address: what happened, and a long code to sign in anyway. */
export function pausedMail(institution: string, to: string, code: IssuedCode): Mail {
  return {
    to,
    subject: `${institution} — codes erronés, voici un code long / wrong codes entered, here is a long code: ${code.display}`,
    text: [
      `Quelqu'un a saisi plusieurs codes de connexion erronés pour votre adresse. Par sécurité, les codes à 6 chiffres sont suspendus pour cette adresse pendant ${WRONG_CODES_WINDOW_HOURS} heures, et chaque code demandé sera un code long, impossible à deviner.`,
      `Pour vous connecter, saisissez ce code (avec ou sans tirets) : ${code.display}. Il est valable ${CODE_LIFETIME_MINUTES} minutes.`,
      `Si ce n'était pas vous, vous n'avez rien à faire : personne ne peut se connecter sans un code envoyé à cette adresse.`,
      '',
      `Someone entered several wrong sign-in codes for your address. To be safe, 6-digit codes are paused for this address for ${WRONG_CODES_WINDOW_HOURS} hours, and every code asked for will be a long code, which cannot be guessed.`,
      `To sign in, type this code (with or without the dashes): ${code.display}. It is valid for ${CODE_LIFETIME_MINUTES} minutes.`,
      `If it was not you, there is nothing to do: nobody can sign in without a code sent to this address.`,
    ].join('\n'),
  };
}
