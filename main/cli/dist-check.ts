/**
 * `npm run dist:check`: the packaging checks that can run without the Electron binary (part of
 * `npm test`).
 *
 * 1. electron-builder.yml against electron-builder's own JSON schema (app-builder-lib/scheme.json).
 * 2. `npm run build:electron` (fresh bundles and build hooks; builds the renderer too if missing),
 *    then the desktop bundle's run-time imports against package.json "dependencies".
 * 3. `electron-builder --dir --linux` with a stand-in Electron (an `electron` script, `LICENSE`,
 *    `version`) into a temp folder: the real packaging pipeline, afterPack hook included.
 * 4. The produced app.asar: top-level entries, the app's files, the node_modules it carries.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFile, listPackage } from '@electron/asar';
import { Ajv } from 'ajv';
import { build } from 'esbuild';
import { load as loadYaml } from 'js-yaml';
import { STAND_IN_ENV } from '../app/packaging/fuses';
import { ASAR_TOP_LEVEL, checkAsar, checkBundleImports, type DistReport, type PackageManifest } from '../app/packaging/dist-policy';

const root = fileURLToPath(new URL('../../', import.meta.url));
const started = Date.now();
const require = createRequire(import.meta.url);
const problems: string[] = [];

function step(title: string): void {
  console.log(`\n--- ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

function report({ problems: found, notes }: DistReport): void {
  for (const note of notes) console.log(`  note: ${note}`);
  for (const problem of found) console.log(`  PROBLEM: ${problem}`);
  problems.push(...found);
}

function validateBuilderConfig(): Record<string, unknown> {
  const builderRequire = createRequire(require.resolve('electron-builder/package.json'));
  const schema = JSON.parse(readFileSync(builderRequire.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
  const config = loadYaml(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  const found: string[] = [];
  if (validate(config)) console.log('  electron-builder.yml matches app-builder-lib/scheme.json');
  else {
    // anyOf failures repeat every branch; the specific errors underneath say what is wrong.
    const errors = (validate.errors ?? []).filter((e) => e.keyword !== 'anyOf');
    for (const e of errors.length > 0 ? errors : (validate.errors ?? [])) {
      found.push(`electron-builder.yml${e.instancePath || ''}: ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`);
    }
  }
  report({ problems: found, notes: [] });
  return config;
}

function npmRun(script: string): void {
  execFileSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit' });
}

/** Bare specifiers dist/main/index.js imports at run time (esbuild reads the real bundle). */
async function bundleImports(): Promise<string[]> {
  const result = await build({
    entryPoints: [join(root, 'dist/main/index.js')],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'silent',
    external: ['*'],
  });
  const imports = Object.values(result.metafile.inputs).flatMap((input) => input.imports);
  return [...new Set(imports.filter((i) => i.external).map((i) => i.path))].sort();
}

const STAND_IN_LOCALES = ['en-US', 'pt-BR', 'fr', 'de', 'ja'];

/** A folder electron-builder accepts as `electronDist` for Linux: enough to pack, not to run. */
function standInElectron(dir: string): void {
  const version = (JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')) as { version: string }).version;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'electron'), '#!/bin/sh\necho "stand-in Electron binary (npm run dist:check): it cannot run" >&2\nexit 1\n');
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'LICENSE'), 'Stand-in for the Electron distribution (MIT).\n');
  writeFileSync(join(dir, 'version'), version);
  // Chromium's locale packs, so electronLanguages has something to trim.
  mkdirSync(join(dir, 'locales'));
  for (const locale of STAND_IN_LOCALES) writeFileSync(join(dir, 'locales', `${locale}.pak`), '');
}

function packDir(electronDist: string, output: string): string {
  const cli = require.resolve('electron-builder/cli.js');
  const args = [cli, '--dir', '--linux', '--x64', '--publish', 'never', `-c.electronDist=${electronDist}`, `-c.directories.output=${output}`];
  const run = spawnSync(process.execPath, args, {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, [STAND_IN_ENV]: '1', CSC_IDENTITY_AUTO_DISCOVERY: 'false' },
  });
  const log = `${run.stdout}${run.stderr}`;
  console.log(log.trimEnd().replace(/^/gm, '  | '));
  if (run.status !== 0) throw new Error(`electron-builder --dir failed (exit ${run.status})`);
  if (!log.includes('afterPack: stand-in Electron binary')) problems.push('the afterPack hook did not run');
  return join(output, 'linux-unpacked');
}

function inspectAsar(unpacked: string, manifest: PackageManifest): void {
  const asar = join(unpacked, 'resources', 'app.asar');
  const entries = listPackage(asar, { isPack: false }).map((e) => e.replaceAll('\\', '/'));
  const top = [...new Set(entries.map((e) => e.split('/')[1] as string))].sort();
  console.log(`  app.asar top level: ${top.join(', ')} (allowed: ${ASAR_TOP_LEVEL.join(', ')})`);
  const dist = [...new Set(entries.filter((e) => e.startsWith('/dist/')).map((e) => e.split('/').slice(1, 3).join('/')))].sort();
  console.log(`  dist/: ${dist.join(', ')}`);

  const manifests = entries.filter((e) => /^\/node_modules\/(@[^/]+\/)?[^/@]+\/package\.json$/.test(e));
  const packedDependencies = new Map<string, string[]>();
  for (const file of manifests) {
    const pkg = JSON.parse(extractFile(asar, file.slice(1)).toString('utf8')) as {
      name?: string;
      dependencies?: Record<string, string>;
      optionalDependencies?: Record<string, string>;
    };
    if (pkg.name) packedDependencies.set(pkg.name, [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.optionalDependencies ?? {})]);
  }
  console.log(`  node_modules: ${packedDependencies.size} packages, ${[...packedDependencies.keys()].sort().join(' ')}`);
  report(checkAsar({ entries, manifest, packedDependencies }));

  const locales = readdirSync(join(unpacked, 'locales')).sort();
  console.log(`  locales kept: ${locales.join(', ')} (of ${STAND_IN_LOCALES.join(', ')})`);
  if (locales.join() !== 'en-US.pak,pt-BR.pak') problems.push(`locales: expected only en-US and pt-BR, got ${locales.join(', ')}`);

  const updateConfig = join(unpacked, 'resources', 'app-update.yml');
  if (!existsSync(updateConfig)) problems.push('resources/app-update.yml missing (electron-updater reads its cache folder and publisher from it)');
}

async function main(): Promise<void> {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageManifest;

  step('electron-builder.yml against the schema');
  validateBuilderConfig();

  step('bundles and build hooks');
  npmRun('build:electron');
  if (!existsSync(join(root, 'dist/renderer/index.html'))) npmRun('build:renderer');
  const imports = await bundleImports();
  console.log(`  dist/main/index.js imports at run time: ${imports.join(', ')}`);
  report(checkBundleImports(imports, manifest));

  step('electron-builder --dir --linux with a stand-in Electron');
  const temp = mkdtempSync(join(tmpdir(), 'atende-dist-check-'));
  try {
    const electronDist = join(temp, 'electron-dist');
    standInElectron(electronDist);
    const unpacked = packDir(electronDist, join(temp, 'release'));

    step('app.asar');
    inspectAsar(unpacked, manifest);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (problems.length > 0) {
    console.error(`\ndist:check: ${problems.length} problem(s) in ${seconds} s:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
  console.log(`\ndist:check: OK in ${seconds} s`);
}

main().catch((err: unknown) => {
  console.error(`dist:check failed: ${(err as Error).message}`);
  process.exit(1);
});
