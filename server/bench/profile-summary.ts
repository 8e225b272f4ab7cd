/**
 * Where a server's time went, from a V8 CPU profile (`bench/api.ts --profile
 * <dir>` in test/, or `node --cpu-prof`): the functions with the most time of
 * their own, then the call tree below `--focus` (every call of a function of
 * that name merged), each as a share of the busy time (idle left out).
 *
 *   pnpm --filter @passerelle/server exec tsx bench/profile-summary.ts <file.cpuprofile> [--top 30] [--focus runMicrotasks] [--depth 4] [--min 0.5]
 *
 * The profiler samples the main thread's stack: time spent blocked in a
 * synchronous call (an fsync under COMMIT) counts as that call's, although
 * it is not CPU.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}
interface Branch {
  total: number;
  self: number;
  children: Map<string, Branch>;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '30' }, focus: { type: 'string', default: 'runMicrotasks' }, depth: { type: 'string', default: '4' }, min: { type: 'string', default: '0.5' } },
});
const file = positionals[0];
if (!file) throw new Error('Name the .cpuprofile file.');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = new Map<number, number>();
const totalOf = (n: ProfileNode): number => {
  let t = self.get(n.id) ?? 0;
  for (const c of n.children ?? []) t += totalOf(nodes.get(c)!);
  total.set(n.id, t);
  return t;
};
const root = profile.nodes[0]!;
const idle = profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').reduce((sum, n) => sum + (self.get(n.id) ?? 0), 0);
const busy = totalOf(root) - idle;

/** `name file:line`, dependencies shortened to their package's path. */
const nameOf = ({ callFrame: f }: ProfileNode) => `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '').replace(/^.*?\/(server|packages)\//, '$1/')}:${f.lineNumber + 1}`;
const pct = (t: number) => `${((t / busy) * 100).toFixed(1).padStart(5)} %`;

console.log(`${file}\nbusy ${(busy / 1000).toFixed(0)} ms (idle ${(idle / 1000).toFixed(0)} ms left out)\n\nSelf time, top ${values.top}:`);
const selfByName = new Map<string, number>();
for (const [id, t] of self) if (nodes.get(id)!.callFrame.functionName !== '(idle)') selfByName.set(nameOf(nodes.get(id)!), (selfByName.get(nameOf(nodes.get(id)!)) ?? 0) + t);
for (const [name, t] of [...selfByName].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top))) console.log(`${pct(t)}  ${name}`);

const merged: Branch = { total: 0, self: 0, children: new Map() };
const add = (n: ProfileNode, into: Branch, depth: number) => {
  into.total += total.get(n.id)!;
  into.self += self.get(n.id) ?? 0;
  if (depth === 0) return;
  for (const c of n.children ?? []) {
    const child = nodes.get(c)!;
    const branch = into.children.get(nameOf(child)) ?? { total: 0, self: 0, children: new Map() };
    into.children.set(nameOf(child), branch);
    add(child, branch, depth - 1);
  }
};
// The outermost calls of the focused function only: a recursive one is counted once.
const visit = (n: ProfileNode, inside: boolean) => {
  const match = !inside && n.callFrame.functionName === values.focus;
  if (match) add(n, merged, Number(values.depth));
  for (const c of n.children ?? []) visit(nodes.get(c)!, inside || match);
};
visit(root, false);
console.log(`\nBelow ${values.focus} (${pct(merged.total).trim()} of the busy time), callees of at least ${values.min} %:`);
const print = (branch: Branch, indent: string) => {
  for (const [name, b] of [...branch.children].sort((x, y) => y[1].total - x[1].total)) {
    if ((b.total / busy) * 100 < Number(values.min)) continue;
    console.log(`${pct(b.total)} ${indent}${name}${b.self ? ` (self ${pct(b.self).trim()})` : ''}`);
    print(b, `${indent}  `);
  }
};
print(merged, '');
