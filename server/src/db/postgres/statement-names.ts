/**
 * Which statements run as named prepared statements on PostgreSQL. A named
 * statement is parsed and analysed once per connection, and planned once
 * too when, after PostgreSQL's first five runs, a generic plan costs no more
 * than a custom one; then each run is only bound and executed. An unnamed
 * one goes through all of it at every run, on the database's share of the
 * same cores. Every request runs the same few dozen statements: pledges,
 * profile changes and `/me` answered 20 to 50 % more requests per second
 * (README, Performance).
 *
 * A statement with a LIKE stays unnamed: its best plan depends on the
 * pattern (a prefix seeks a btree, a word inside the text the trigram
 * index), which a plan made once for every pattern cannot know; prepared,
 * the company typeahead answered 12 to 15 % fewer requests. A text is named
 * the second time it is seen, so that one-off statements (migrations, a rare
 * list of ids) take no room on the server; at most `max` texts are named per
 * engine (each connection keeps those it ran until it closes), later ones
 * run unnamed. A pooler in transaction mode hands each transaction any
 * server connection, where a named statement may not exist:
 * `DATABASE_PREPARED_STATEMENTS=off` runs every statement unnamed.
 */

/** A LIKE, outside quotes or not: enough to leave a statement unnamed. */
const PATTERN = /\slike\s/i;

export class StatementNames {
  /** A text's name; true: seen once; false: never named. */
  readonly #texts = new Map<string, string | boolean>();
  #named = 0;
  #sightings = 0;

  constructor(
    readonly max = 500,
    /** Texts seen once that are remembered, before they are forgotten (named ones are kept). */
    readonly maxSightings = 5_000,
  ) {}

  /** How many texts have a name. */
  get size(): number {
    return this.#named;
  }

  /** The name to run `text` under, or undefined: run it unnamed. */
  of(text: string): string | undefined {
    const known = this.#texts.get(text);
    if (typeof known === 'string') return known;
    if (known === false) return undefined;
    if (known === undefined) {
      if (this.#sightings >= this.maxSightings) this.#forgetSightings();
      this.#texts.set(text, !PATTERN.test(text));
      this.#sightings++;
      return undefined;
    }
    if (this.#named >= this.max) return undefined;
    // Unique for the engine's life: a connection refuses a name it knows under another text.
    const name = `passerelle_${++this.#named}`;
    this.#texts.set(text, name);
    this.#sightings--;
    return name;
  }

  #forgetSightings(): void {
    for (const [text, seen] of this.#texts) if (typeof seen !== 'string') this.#texts.delete(text);
    this.#sightings = 0;
  }
}
