// Builds bench/render-baseline.ts alone, with Lit and the components' build options (minified, Lit's production
// build), as <outdir>/render-baseline.js: the yardstick test/bench/render.ts loads beside the components' bundle.
//   tsx scripts/build-render-baseline.ts --outdir=<dir>
import { build } from 'esbuild';
import { join } from 'node:path';
import { buildOptions, elementsDir } from './esbuild-options.ts';

const outdir = process.argv.slice(2).find((a) => a.startsWith('--outdir='))?.slice('--outdir='.length) ?? join(elementsDir, 'dist');
await build({ ...buildOptions, plugins: [], metafile: false, entryPoints: [join(elementsDir, 'bench', 'render-baseline.ts')], outfile: join(outdir, 'render-baseline.js') });
