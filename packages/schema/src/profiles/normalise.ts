/**
 * Names as the directory matches them: lowercase, accents stripped, spaces
 * collapsed — "Élodie  LE GALL" and "elodie le gall" are the same key. The
 * server stores this beside the name so a prefix search uses an index.
 */
export function searchKey(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’'`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
