/**
 * The company typeahead's matching and ranking, which both engines must
 * give alike on the same data (SQLite: FTS5; PostgreSQL: pg_trgm over the
 * folded words). Run on either with or without PASSERELLE_TEST_POSTGRES.
 */
import { describe, expect, it } from 'vitest';
import { passesLuhn } from '@passerelle/schema';
import { testApp, type TestApp } from '../testing.ts';
import { matchExpressions } from './search.ts';

const names = async (res: Response) => ((await res.json()) as { items: { name: string }[] }).items.map((c) => c.name);

/** A 14-digit SIRET passing Luhn, from 13 leading digits. */
function siret(lead13: string): string {
  for (let d = 0; d <= 9; d++) if (passesLuhn(lead13 + d)) return lead13 + d;
  throw new Error('unreachable');
}

async function withCompanies(t: TestApp, list: readonly (readonly [string, string])[]) {
  const token = await t.signIn('staff-eng');
  for (const [name, number] of list) {
    const res = await t.call('POST', '/v1/companies', { token, body: { name, siret: number } });
    expect(res.status, name).toBe(201);
  }
  return token;
}

const search = async (t: TestApp, token: string, q: string) => names(await t.call('GET', `/v1/companies?q=${encodeURIComponent(q)}`, { token }));

describe('the company typeahead, on either engine', () => {
  it('ranks a word found in the name before the same word found only in the SIRET', async () => {
    const t = testApp();
    const token = await withCompanies(t, [
      ['Forge Numérique', siret('7777777770001')],
      ['Forge Ateliers Lyonnais 77', siret('8888888880001')],
    ]);
    // Both names start with "forge" and both have a word or a SIRET starting with "77": the name weighs more,
    // whatever its length.
    expect(await search(t, token, 'forge 77')).toEqual(['Forge Ateliers Lyonnais 77', 'Forge Numérique']);
  });

  it('splits words on punctuation and folds accents, apostrophes and scripts other than Latin', async () => {
    const t = testApp();
    const token = await withCompanies(t, [
      ['L’Atelier Saint-Étienne', siret('1212121210001')],
      ['Москва Консалтинг', siret('3434343430001')],
      ['Ça Va Bien SARL', siret('5656565650001')],
    ]);
    expect(await search(t, token, 'etienne')).toEqual(['L’Atelier Saint-Étienne']);
    expect(await search(t, token, "l'atelier saint")).toEqual(['L’Atelier Saint-Étienne']);
    expect(await search(t, token, 'atel st')).toEqual([]);
    expect(await search(t, token, 'МОСК')).toEqual(['Москва Консалтинг']);
    expect(await search(t, token, 'ca va')).toEqual(['Ça Va Bien SARL']);
    expect(await search(t, token, 'sarl')).toEqual(['Ça Va Bien SARL']);
  });

  it('a name starting with what was typed comes first, then shorter names, then alphabetical', async () => {
    const t = testApp();
    const token = await withCompanies(t, [
      ['Les Pâtisseries Réunies', siret('9191919190001')],
      ['Pâtisserie Dupont et Fils', siret('9292929290001')],
      ['Pâtisserie Alfa', siret('9393939390001')],
      ['Pâtisserie Bêta', siret('9494949490001')],
    ]);
    expect(await search(t, token, 'patis')).toEqual(['Pâtisserie Alfa', 'Pâtisserie Bêta', 'Pâtisserie Dupont et Fils', 'Les Pâtisseries Réunies']);
  });

  it('among names starting alike, fewer words come first, whatever the length', async () => {
    const t = testApp();
    const token = await withCompanies(t, [
      ['Atelier de la Gare', siret('9595959590001')],
      ['Atelier Bouchonnerie', siret('9696969690001')],
    ]);
    expect(await search(t, token, 'atelier')).toEqual(['Atelier Bouchonnerie', 'Atelier de la Gare']);
  });

  it('gives SQLite the FTS5 queries it always had, every word quoted', () => {
    expect(matchExpressions('École élec')).toEqual(['name : ^"ecole"* AND {name siret} : "elec"*', '{name siret} : "ecole"* AND {name siret} : "elec"*']);
    expect(matchExpressions('812 345 676')).toEqual(['siret : "812345676"*', 'name : "812345676"*']);
    expect(matchExpressions('acme"* OR')).toEqual(['name : ^"acme"* AND {name siret} : "or"*', '{name siret} : "acme"* AND {name siret} : "or"*']);
    expect(matchExpressions('"*-')).toEqual([]);
  });
});
