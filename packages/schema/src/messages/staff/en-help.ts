/** English help of the CLI: `pnpm passerelle --help`, and one text per command (`help <command>`, `<command> --help`). */
import type { HelpCatalogue } from './codes.ts';

const keyAdd = `tenant key add <slug> --kid <kid> --alg <HS256|EdDSA|RS256|ES256> (--key <secret> | --key-file <pem>)`;

export const enHelp: HelpCatalogue = {
  'cli.usage': () => `Usage: pnpm passerelle <command> [options]    (pnpm passerelle help <command> says more about one)

  migrate                                  apply the database migrations
  seed --demo                              add the demo institutions (idempotent)
  tenant list [--json]                     the institutions, with how many origins and keys each has
  tenant add <slug> <name>                 register an institution
  tenant origin list|add|remove <slug> [<origin>]
                                           the website origins allowed to call the API (CORS)
  tenant key list <slug> [--json]          the host signing keys
  ${keyAdd}
                                           register a host signing key
  tenant key remove <slug> --kid <kid>     revoke a host signing key
  entity siret <slug> "<entity name>" <siret>
                                           set a school's SIRET (shown with its UAI for SOLTéA)
  institution set-staff-email-sign-in <slug> <on|off>
                                           let staff and admins keep their rights after an email code (default off)
  institution set-offers-open-to-visitors <slug> <on|off>
                                           let people read the published offers without signing in (default off)
  institution set-receipt-issuer <slug> --legal-name … --address … --postal-code … --city … --object …
      --status general_interest|public_utility|higher_education --siren … --signatory-name … --signatory-title …
                                           in whose name gifts' tax receipts are issued (none until set)
  institution set-payment-page <slug> <url|none> [--entity "<name>"] [--fund <code>]
                                           where gifts are paid: https://…?amount={amount}&ref={reference}
  institution rotate-payment-secret <slug> the secret that signs the payment page's callback (shown once)
  institution set-branding <slug> [--name "…"] [--primary-color #rrggbb] [--text-color #rrggbb] [--background-color #rrggbb]
                                           the name and colours of the messages people receive
  institution set-pages <slug> [--profile URL] [--consents URL] [--offers URL] [--pledges URL] [--company URL]
                                           the pages the links in messages open, signed in (none: no link)
  institution set-retention <slug> <years|default>
                                           years without activity before people are listed for anonymisation (default 3)
  soltea calendar | set-calendar <year> … | reset-calendar <year>
                                           the national SOLTéA calendar, without a redeploy
  import <people|companies> FILE.csv --tenant <slug> [--map "Header=field"]... [--dry-run]
  backup <dest-file> [--json]              online copy of the database, checked (safe while the server runs)
  restore <backup-file> [--json]           replace the database with a checked backup (stop the server first)
  copy <sqlite-file> <postgres-url>        move an institution's SQLite file into an empty PostgreSQL database
  help [<command>]                         this help, or one command's
  --version                                the server's version

Environment: DATABASE_URL (default ./data/passerelle.db; postgres://… for PostgreSQL); PASSERELLE_LANG=fr|en, the language of these words (else the locale's, else French).`,
  'cli.help.migrate': () => `Usage: pnpm passerelle migrate

Applies the migrations the database lacks (every other command does too, before it runs). The server applies them at boot as well.`,
  'cli.help.seed': () => `Usage: pnpm passerelle seed --demo

Adds the demo institutions demo and other, with their sample data. Running it again changes nothing that is already there.`,
  'cli.help.tenant': () => `Usage: pnpm passerelle tenant <list|add|origin|key> …

  tenant list [--json]                     each institution: slug, name, how many origins and live keys
  tenant add <slug> <name>                 register an institution
  tenant origin list <slug> [--json]       the website origins allowed to call the API (CORS)
  tenant origin add <slug> <origin>        allow an origin, such as https://www.univ-exemple.fr
  tenant origin remove <slug> <origin>     stop allowing an origin
  tenant key list <slug> [--json]          the host signing keys: kid, algorithm, added, revoked (never the key itself)
  ${keyAdd}
                                           register a key the institution's site signs identity tokens with
                                           (a revoked kid added again is replaced and live again)
  tenant key remove <slug> --kid <kid>     revoke a key: the tokens it signs are refused at once`,
  'cli.help.entity': () => `Usage: pnpm passerelle entity siret <slug> "<entity name>" <siret>

Sets the SIRET of a school or faculty of the institution, named exactly as in Passerelle; companies copy it into SOLTéA with the UAI.`,
  'cli.help.institution': () => `Usage: pnpm passerelle institution set-staff-email-sign-in <slug> <on|off>

on: staff and administrators who sign in with an email code keep their rights; off (the default): they sign in through the institution's site. Applies at once, to sessions already open too, and is audited.

       pnpm passerelle institution set-offers-open-to-visitors <slug> <on|off>

on: the institution's published offers can be read without signing in (<passerelle-offer-board open-to-visitors>), from its registered origins only; off (the default): reading them needs a sign-in. Audited.

       pnpm passerelle institution set-payment-page <slug> <url|none> [--entity "<entity name>"] [--fund <code>]

Where gifts are paid: the institution's page, or that of an entity (and the entities below it) or of a fund of the pledge configuration. The address is https and may hold {amount} (euros, 50.00), {amountCents}, {reference} (the gift's reference, which the callback sends back) and {currency}; each gift links to it with its own filled in. none removes it. Audited.

       pnpm passerelle institution rotate-payment-secret <slug>

A new secret for the payment page's signed callback (POST /v1/pledges/payment-callback?tenant=<slug>, signed as webhooks are), shown once; the previous one is still accepted for 24 hours. Audited.

       pnpm passerelle institution set-branding <slug> [--name "<name>"] [--primary-color #rrggbb] [--text-color #rrggbb] [--background-color #rrggbb]

What the messages people receive show: the name at their top and in their subject (default: the institution's name), the colour of the header and buttons (white text on it), of the text (on white) and around the message. Both must read at 4.5:1 at least. What is left out goes back to its default. The same setting as PUT /v1/mail/branding. Audited.

       pnpm passerelle institution set-pages <slug> [--profile URL] [--consents URL] [--offers URL] [--pledges URL] [--company URL]

The pages of the institution's site (https, of a registered origin, with <passerelle-portal> on them) that the links in messages open, signing the person in: their profile, their consents, their offers, their gifts and pledges, their company space. A place left out gets no link. The same setting as PUT /v1/mail/pages. Audited.

       pnpm passerelle institution set-retention <slug> <years|default>

How many years (1 to 10) without a sign of life (sign-in, profile confirmed or changed, gift, consent choice, membership) before a person is listed to the staff of their entities for review and anonymisation. default: 3 years, the CNIL's recommendation for files of prospects, from the last contact that came from the person. The same setting as PUT /v1/retention/rule. Audited.`,
  'cli.help.soltea': () => `Usage: pnpm passerelle soltea calendar
       pnpm passerelle soltea set-calendar <year> --period <opens:closes:transfers> [--period …] --unallocated <date> [--source "<text>"]
       pnpm passerelle soltea set-calendar <year> --unpublished
       pnpm passerelle soltea reset-calendar <year>

The SOLTéA calendar is national: what is set here applies to every institution, instead of the configuration file's year, from the next request and without a redeploy. One period per --period, in order (YYYY-MM-DD dates: opens, closes, transfers start); --unallocated: when the unallocated funds are shared out; --unpublished: a year whose dates are not published yet. Inverted or overlapping periods, transfers before the close are refused. reset-calendar gives the year back to the file. Audited in every institution.`,
};
