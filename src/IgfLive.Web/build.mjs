// Bundles the views and their stylesheet with esbuild and copies the static pages next to them.
// Output: ../IgfLive.Server/wwwroot (not committed; the server's build runs this).
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = process.env.IGFLIVE_WEB_OUT ?? join(here, '..', 'IgfLive.Server', 'wwwroot');
const views = ['organiser', 'participant', 'online', 'onsite', 'rapporteur', 'stage', 'screen', 'programme', 'dashboard', 'room'];

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
cpSync(join(here, 'static'), out, { recursive: true });

await build({
  entryPoints: Object.fromEntries(views.map((v) => [v, join(here, 'src', 'views', `${v}.ts`)])),
  outdir: join(out, 'js'),
  bundle: true,
  format: 'esm',
  splitting: true,
  platform: 'browser',
  target: ['es2022'],
  minify: true,
  sourcemap: 'linked',
  legalComments: 'linked',
  logLevel: 'warning',
});

// One stylesheet for every page, from a file per part (styles/app.css imports them in order).
await build({
  entryPoints: [join(here, 'styles', 'app.css')],
  outfile: join(out, 'app.css'),
  bundle: true,
  minify: true,
  logLevel: 'warning',
});
