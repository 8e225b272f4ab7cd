import { createHash } from 'node:crypto';
import { canonicalVersionJson, type PurposeVersionContent } from '@passerelle/schema';

/** The version id of a purpose text: SHA-256 (hex) of its canonical JSON. */
export function versionHash(content: PurposeVersionContent): string {
  return createHash('sha256').update(canonicalVersionJson(content)).digest('hex');
}
