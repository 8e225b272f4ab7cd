// React 19 JSX typings generated from custom-elements.json (scripts/types.ts
// writes them as dist/types/react.d.ts). React 19 sets a custom element's
// properties when the element has them (so `identityToken={…}` sets the
// property) and listens to `on<event name>` props as DOM events
// (`onpasserelle-saved={…}` listens to `passerelle-saved`).

/** What this generator reads of the manifest (the shape scripts/cem-publish.mjs writes). */
export interface Manifest {
  modules: {
    path: string;
    declarations: {
      name: string;
      tagName?: string;
      summary?: string;
      description?: string;
      members?: { kind: string; name: string; readonly?: boolean; description?: string }[];
      attributes?: { name: string; fieldName?: string; description?: string }[];
      events?: { name: string; description?: string; type?: { text: string } }[];
    }[];
    exports: { kind: string; name: string; declaration: { name: string; module: string } }[];
  }[];
}

const doc = (text: string | undefined, indent: string) => (text ? `${indent}/** ${text.split(/\n\s*\n/)[0]!.replace(/\*\//g, '*\\/').replace(/\n/g, ' ')} */\n` : '');
const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);

/** The typings, importing the element and event classes from `dist/types/<entry>.d.ts` (an entry that defines every tag). */
export function reactTypings(manifest: Manifest, entry: string): string {
  const elements = manifest.modules.flatMap((m) => m.declarations.filter((d) => d.tagName));
  if (elements.length === 0) throw new Error('custom-elements.json lists no element.');
  const imports = new Set<string>();
  const tags = elements.map((el) => {
    imports.add(el.name);
    const props: string[] = [];
    const fields = (el.members ?? []).filter((m) => m.kind === 'field' && !m.readonly);
    for (const field of fields) props.push(`${doc(field.description, '        ')}        ${key(field.name)}?: ${el.name}[${JSON.stringify(field.name)}];`);
    // An attribute named otherwise than its property (`offer-id`), as server-rendered HTML would carry it.
    for (const attr of el.attributes ?? []) {
      if (attr.fieldName && attr.name !== attr.fieldName) props.push(`${doc(attr.description, '        ')}        ${key(attr.name)}?: ${el.name}[${JSON.stringify(attr.fieldName)}];`);
    }
    for (const event of el.events ?? []) {
      if (!event.type) throw new Error(`<${el.tagName}>'s event ${event.name} has no type in custom-elements.json.`);
      for (const name of event.type.text.split('|').map((t) => t.trim())) imports.add(name);
      props.push(`${doc(event.description, '        ')}        ${key(`on${event.name}`)}?: (event: ${event.type.text}) => void;`);
    }
    return `${doc(el.summary ?? el.description, '      ')}      ${key(el.tagName!)}: PasserelleJsx<${el.name}, {\n${props.join('\n')}\n      }>;`;
  });
  return `// React 19 JSX typings of the Passerelle elements, generated from custom-elements.json by scripts/types.ts.
// Use: \`import type {} from '@passerelle/elements/react';\` once in the app (or list it in tsconfig "types"),
// and load the elements (\`import '@passerelle/elements';\`) before rendering them.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { ${[...imports].sort().join(', ')} } from './${entry}.js';

/** React's props of an HTML element, with the element's own properties, attributes and events. */
type PasserelleJsx<E extends HTMLElement, Own> = Omit<DetailedHTMLProps<HTMLAttributes<E>, E>, keyof Own> & Own;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
${tags.join('\n')}
    }
  }
}
`;
}
