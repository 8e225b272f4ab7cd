/**
 * A schema's message is a code or nothing: a sentence there would be dead
 * text (issues.ts ignores it and gives the generic code of the kind),
 * and English that someone might one day show. This walks every schema the
 * package exports, and reads the sources for a sentence in a schema call.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as schema from './index.ts';
import { isMessageCode } from './messages/index.ts';

/** A valibot schema or action: what carries a `message`. */
type Node = { kind?: unknown; type?: unknown; message?: unknown } & Record<string, unknown>;
const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && ['schema', 'validation', 'transformation', 'metadata'].includes(String((value as Node).kind));

/** Every `message` under a schema (its pipe, entries, options, wrapped schema, items…), with where it was found. */
function messagesUnder(node: unknown, where: string, seen = new Set<unknown>()): { where: string; message: unknown }[] {
  if (!isNode(node) || seen.has(node)) return [];
  seen.add(node);
  const found = node.message === undefined ? [] : [{ where: `${where} (${String(node.type)})`, message: node.message }];
  const children: [string, unknown][] = [];
  for (const key of ['pipe', 'options', 'items']) {
    const list = node[key];
    if (Array.isArray(list)) list.forEach((child, i) => children.push([`${where}.${key}[${i}]`, child]));
  }
  if (typeof node.entries === 'object' && node.entries !== null) {
    for (const [key, child] of Object.entries(node.entries)) children.push([`${where}.${key}`, child]);
  }
  for (const key of ['wrapped', 'item', 'rest', 'key', 'value']) children.push([`${where}.${key}`, node[key]]);
  return [...found, ...children.flatMap(([at, child]) => messagesUnder(child, at, seen))];
}

/** The schemas the package exports, and those its factories make. */
function exportedSchemas(): [string, unknown][] {
  const exported = Object.entries(schema).filter(([, value]) => isNode(value));
  const made: [string, unknown][] = [
    ['text(100)', schema.text(100)],
    ['BilingualSchema(100)', schema.BilingualSchema(100)],
    ['importMappingSchema(people)', schema.importMappingSchema(schema.personImportFields)],
    ['listQueryEntries()', schema.ListQuerySchema],
  ];
  return [...exported, ...made];
}

const sourceRoot = fileURLToPath(new URL('.', import.meta.url));
function sources(dir = sourceRoot): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'messages' ? [] : sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('schemas speak in codes', () => {
  it('every message of an exported schema is a code of the catalogues', () => {
    const schemas = exportedSchemas();
    expect(schemas.length).toBeGreaterThan(50);
    const wrong = schemas.flatMap(([name, s]) => messagesUnder(s, name)).filter(({ message }) => !isMessageCode(message));
    expect(wrong).toEqual([]);
  });

  it('no schema call in the sources is given a sentence', () => {
    // A string or template literal given to a valibot call that reads as a sentence: a capital or a space, and a full stop.
    const sentence = /\bv\.\w+\((?:[^()'"`]|\([^()]*\))*?(['"`])(?=[^'"`]*\s)[^'"`]*[.?]\1/;
    const found = sources().flatMap((path) =>
      readFileSync(path, 'utf8')
        .split('\n')
        .map((line, i) => [`${relative(sourceRoot, path)}:${i + 1}`, line] as const)
        .filter(([, line]) => sentence.test(line)),
    );
    expect(found).toEqual([]);
  });
});
