/**
 * Words only the server says, to staff and operators: the CLI's output, the
 * import's errors and report, the sign-in emails. Same discipline as the
 * main catalogue (../codes.ts): a code with typed parameters, declared here
 * once, worded in `fr.ts` and `en.ts`, each typed so that a missing code
 * fails the type-check. Kept apart so that the elements, which fetch the
 * main catalogues at run time, never carry them: only the server imports
 * `@passerelle/schema/messages/staff`.
 */
import type { FieldIssue } from '../../core/problem.ts';
import type { ImportKind } from '../../import/mapping.ts';
import type { LinkAction } from '../../mail/index.ts';
import type { Params } from '../codes.ts';

/* @__NO_SIDE_EFFECTS__ */
const takes = <P extends Record<string, unknown>>(): Params<P> => ({});
/* @__NO_SIDE_EFFECTS__ */
const none = (): Params<Record<never, never>> => ({});

/** A CSV separator as the import reads it. */
export type Separator = ';' | ',' | '\t';

/** What `pnpm passerelle import` prints when it is done. */
export type ImportSummaryParams = {
  kind: ImportKind;
  dryRun: boolean;
  lines: number;
  seconds: number;
  perSecond: number;
  encoding: string;
  separator: Separator;
  counts: { created: number; updated: number; unchanged: number; flagged: number; rejected: number };
  /** Header → field, in the file's order. */
  columns: [header: string, field: string][];
  ignored: string[];
  /** Set when the header line had one column only: the separator that was tried. */
  oneColumn: Separator | null;
  report: string;
};

/** One institution, as `tenant list` prints it. */
export type TenantRow = { slug: string; name: string; origins: number; keys: number };

/** One host key, as `tenant key list` prints it (never its material). */
export type HostKeyRow = { kid: string; alg: string; createdAt: string; revokedAt: string | null };

/** What a database file holds, as the backup and restore commands print it. */
export type DatabaseParams = {
  path: string;
  bytes: number;
  integrity: string;
  tables: Record<string, number>;
};

export const staffCodes = {
  // The CLI: usage and results.
  'cli.usage': none(),
  'cli.migrated': none(),
  'cli.seed.demoOnly': none(),
  'cli.seed.ready': takes<{ demo: string; other: string }>(),
  'cli.input.invalid': takes<{ errors: FieldIssue[] }>(),
  'cli.tenant.unknown': takes<{ slug: string }>(),
  'cli.tenant.exists': takes<{ slug: string }>(),
  'cli.tenant.added': takes<{ slug: string; id: string }>(),
  'cli.tenant.origins': takes<{ slug: string; origins: string[] }>(),
  'cli.tenant.keyAdded': takes<{ slug: string; kid: string; alg: string }>(),
  'cli.entity.unknown': takes<{ slug: string; name: string }>(),
  'cli.entity.siretSet': takes<{ slug: string; name: string; siret: string }>(),
  'cli.staffEmailSignIn.onOrOff': takes<{ slug: string }>(),
  'cli.staffEmailSignIn.unchanged': takes<{ slug: string; on: boolean }>(),
  'cli.staffEmailSignIn.changed': takes<{ slug: string; before: boolean; after: boolean }>(),
  'cli.offersOpenToVisitors.onOrOff': takes<{ slug: string }>(),
  'cli.offersOpenToVisitors.unchanged': takes<{ slug: string; on: boolean }>(),
  'cli.offersOpenToVisitors.changed': takes<{ slug: string; before: boolean; after: boolean }>(),
  'cli.retention.years': takes<{ slug: string }>(),
  'cli.retention.unchanged': takes<{ slug: string; years: number; isDefault: boolean; inactiveSince: string }>(),
  'cli.retention.changed': takes<{ slug: string; before: number; years: number; isDefault: boolean; inactiveSince: string }>(),
  'cli.receiptIssuer.invalid': takes<{ fields: string[] }>(),
  'cli.receiptIssuer.set': takes<{ slug: string; legalName: string }>(),
  'cli.receiptIssuer.unchanged': takes<{ slug: string }>(),
  'cli.tenant.list': takes<{ tenants: TenantRow[] }>(),
  'cli.tenant.originUnknown': takes<{ slug: string; origin: string }>(),
  'cli.tenant.keys': takes<{ slug: string; keys: HostKeyRow[] }>(),
  'cli.tenant.keyExists': takes<{ slug: string; kid: string }>(),
  'cli.tenant.keyUnknown': takes<{ slug: string; kid: string }>(),
  'cli.tenant.keyRemoved': takes<{ slug: string; kid: string }>(),
  // The SOLTéA calendar (national) and the gifts' payment pages.
  'cli.soltea.set': takes<{ year: number; periods: [opens: string, closes: string, transfersFrom: string][]; unallocatedFrom: string | null }>(),
  'cli.soltea.reset': takes<{ year: number; wasSet: boolean; fileHasYear: boolean }>(),
  'cli.soltea.period': takes<{ value: string }>(),
  'cli.soltea.year': takes<{ value: string }>(),
  'cli.soltea.calendar': takes<{ years: { year: number; published: boolean; origin: 'file' | 'set'; periods: [opens: string, closes: string, transfersFrom: string][] }[] }>(),
  'cli.paymentPage.set': takes<{ slug: string; target: string | null; fund: string | null; url: string | null }>(),
  'cli.paymentSecret.rotated': takes<{ slug: string; secret: string; previousKeptUntil: string | null }>(),
  // What messages show and where their links land (mail/settings.ts).
  'cli.mailBranding.set': takes<{ slug: string; name: string; primaryColor: string; textColor: string; backgroundColor: string }>(),
  'cli.mailBranding.unchanged': takes<{ slug: string }>(),
  'cli.mailPages.set': takes<{ slug: string; pages: { action: LinkAction; page: string }[]; without: LinkAction[] }>(),
  'cli.mailPages.unchanged': takes<{ slug: string }>(),

  // The CLI's help (one text per command; import and backup have theirs below), and its refusals and failures: one sentence each.
  'cli.help.migrate': none(),
  'cli.help.seed': none(),
  'cli.help.tenant': none(),
  'cli.help.entity': none(),
  'cli.help.institution': none(),
  'cli.help.soltea': none(),
  'cli.command.unknown': takes<{ command: string }>(),
  'cli.command.misused': takes<{ command: string }>(),
  'cli.option.invalid': takes<{ option: string; command: string | null }>(),
  'cli.failed': takes<{ command: string; reason: string }>(),

  // The database file, as the server's boot and the CLI open it.
  'database.directory': takes<{ path: string }>(),
  'database.unwritable': takes<{ path: string; reason: string }>(),
  'database.notDatabase': takes<{ path: string }>(),
  'database.readOnly': takes<{ path: string }>(),

  // The server's boot: why it stops, in one sentence (exit code 1).
  'boot.port.inUse': takes<{ port: number }>(),
  'boot.port.denied': takes<{ port: number }>(),
  'boot.smtp.unreachable': takes<{ server: string; reason: string }>(),
  'boot.smtp.refused': takes<{ server: string; reason: string }>(),
  'boot.failed': takes<{ reason: string }>(),

  // `pnpm passerelle import`.
  'cli.import.usage': none(),
  'cli.import.tenantMissing': none(),
  'cli.import.encoding': none(),
  'cli.import.delimiter': none(),
  'cli.import.nothingImported': none(),
  'cli.import.lines': none(),
  'cli.import.summary': takes<ImportSummaryParams>(),

  // The import's file and mapping: nothing is imported.
  'import.mapping.unreadable': takes<{ file: string }>(),
  'import.mapping.notJson': takes<{ file: string }>(),
  'import.mapping.option': takes<{ error: FieldIssue }>(),
  'import.mapping.invalid': takes<{ errors: FieldIssue[] }>(),
  'import.mapping.twoColumns': takes<{ field: string; first: string; second: string }>(),
  'import.mapping.missingColumns': takes<{ missing: string[]; headers: string[] }>(),
  'import.mapping.noColumn': takes<{ fields: string[] }>(),
  'import.file.unreadable': takes<{ path: string }>(),
  'import.file.unclosedQuote': takes<{ path: string; line: number }>(),
  'import.file.empty': takes<{ path: string }>(),
  'import.entity.peopleOnly': none(),
  'import.entity.unknownOption': takes<{ entity: string }>(),

  // The import's lines: the report's `message` column.
  'import.row.invalid': takes<{ errors: FieldIssue[] }>(),
  'import.person.entityUnknown': takes<{ entity: string }>(),
  'import.person.needsNames': none(),
  'import.person.needsSchool': none(),
  'import.person.sameNameYear': takes<{ others: string[] }>(),
  'import.person.emailTaken': takes<{ email: string; other: string }>(),
  'import.person.emailOfAnother': takes<{ email: string; theirs: string; given: string }>(),
  'import.company.needsName': none(),
  'import.company.needsSiret': none(),
  'import.company.needsSiretOrName': none(),
  'import.company.possibleDuplicate': takes<{ twins: { name: string; city: string | null; id: string }[] }>(),

  // `pnpm passerelle backup` and `restore`.
  'cli.backup.usage': none(),
  'cli.backup.written': takes<{ database: string; copy: DatabaseParams }>(),
  'cli.backup.restored': takes<{ path: string; into: DatabaseParams; previous: string | null }>(),
  'backup.memory': none(),
  'backup.noDatabase': takes<{ path: string; databaseUrl: boolean }>(),
  'backup.unopenable': takes<{ path: string; reason: string }>(),
  'backup.notPasserelle': takes<{ path: string }>(),
  'backup.exists': takes<{ path: string }>(),
  'backup.noFolder': takes<{ path: string }>(),
  'backup.integrity': takes<{ path: string; integrity: string }>(),
  'backup.target.unopenable': takes<{ path: string; reason: string }>(),
  'backup.target.inUse': takes<{ path: string }>(),
  'backup.target.unreadable': takes<{ path: string; reason: string }>(),
  'backup.postgres': none(),
  'cli.copy.usage': none(),
  'cli.copy.done': takes<{ from: string; to: string; tables: Record<string, number> }>(),
  'copy.target.notPostgres': takes<{ target: string }>(),
  'copy.target.notEmpty': takes<{ target: string; table: string }>(),
  'copy.mismatch': takes<{ table: string; source: number; target: number }>(),

  // The sign-in emails, in French then English (the address may belong to no known person).
  'mail.signIn.subject': none(),
  'mail.signIn.body': takes<{ code: string; minutes: number }>(),
  'mail.signIn.longCode': takes<{ hours: number }>(),
  'mail.signIn.ignore': none(),
  'mail.addressCode.subject': none(),
  'mail.addressCode.body': takes<{ code: string; minutes: number }>(),
  'mail.paused.subject': none(),
  'mail.paused.body': takes<{ code: string; minutes: number; hours: number }>(),
} as const;

export type StaffCode = keyof typeof staffCodes;
export type StaffParamsOf<C extends StaffCode> = (typeof staffCodes)[C] extends Params<infer P> ? P : never;

/** Every staff code, for runtime checks (catalogue completeness). */
export const staffMessageCodes = Object.keys(staffCodes) as StaffCode[];

/** A staff code with its parameters: what an error carries until the CLI words it in its language. */
export type StaffMessage = { [C in StaffCode]: { code: C; params: StaffParamsOf<C> } }[StaffCode];

/** The CLI's help texts: kept in their own files per language (en-help.ts, fr-help.ts), spread into the catalogues. */
export type HelpCode = 'cli.usage' | Extract<StaffCode, `cli.help.${string}`>;
export type HelpCatalogue = { readonly [C in HelpCode]: (params: StaffParamsOf<C>) => string };

/** A staff catalogue: the words of every staff code in one language. */
export type StaffCatalogue = { readonly [C in StaffCode]: (params: StaffParamsOf<C>) => string };
