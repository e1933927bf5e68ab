/**
 * `npm run build:electron`: bundles the Electron main process and the preload with esbuild.
 *
 * - main/app/main.ts → dist/main/index.js: ESM (package.json is `"type": "module"`), Node 22
 *   (Electron 45's Node). Electron and every runtime dependency stay external: electron-builder
 *   ships them in node_modules, and lowdb is ESM-only anyway.
 * - preload/index.ts → dist/preload/index.cjs: ONE CommonJS file, because a sandboxed preload
 *   can `require('electron')` and nothing else from disk.
 * - main/app/packaging/*.hook.ts → dist/build-hooks/*.cjs: electron-builder's afterPack (fuses) and
 *   afterSign (notarization), run by electron-builder in Node; not part of the app.
 *
 * Why dependencies stay external rather than inlined: imapflow, mailparser and nodemailer load
 * parts of themselves at run time (encodings, optional modules) that a bundle would miss, and the
 * app cannot be run here to prove otherwise. So `dependencies` should be exactly what the desktop
 * bundle imports at run time (electron-builder packs them into app.asar; `npm run dist:check` fails
 * on an import missing from them and lists those nothing imports), and everything else — renderer
 * libraries, the headless server's ws, the CLI's csv-parse — is a devDependency.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { dependencies?: Record<string, string> };
const dependencies = Object.keys(pkg.dependencies ?? {});

const common: BuildOptions = {
  absWorkingDir: root,
  bundle: true,
  sourcemap: true,
  logLevel: 'info',
  legalComments: 'none',
};

async function main(): Promise<void> {
  await Promise.all([
    build({
      ...common,
      entryPoints: ['main/app/main.ts'],
      outfile: 'dist/main/index.js',
      platform: 'node',
      format: 'esm',
      target: 'node22',
      // `pkg/*` too, so subpath imports such as @trpc/server/observable stay external.
      external: ['electron', ...dependencies, ...dependencies.map((name) => `${name}/*`)],
    }),
    build({
      ...common,
      entryPoints: ['preload/index.ts'],
      outfile: 'dist/preload/index.cjs',
      platform: 'node',
      format: 'cjs',
      target: 'node22',
      external: ['electron'],
    }),
    build({
      ...common,
      entryPoints: {
        'after-pack': 'main/app/packaging/after-pack.hook.ts',
        'after-sign': 'main/app/packaging/after-sign.hook.ts',
      },
      outdir: 'dist/build-hooks',
      outExtension: { '.js': '.cjs' },
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      sourcemap: false,
      // electron-builder and @electron/* come from node_modules (devDependencies).
      packages: 'external',
    }),
  ]);
}

main().catch((err: unknown) => {
  // esbuild has already printed the diagnostics.
  console.error(`build:electron failed: ${(err as Error).message}`);
  process.exit(1);
});
