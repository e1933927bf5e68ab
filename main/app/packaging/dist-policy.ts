/**
 * What may go into the packaged app, as pure checks over facts `npm run dist:check` collects from a
 * real `electron-builder --dir` build: the asar's entries, the package.json and the desktop bundle's
 * run-time imports. Problems fail the check; notes are printed.
 */
import { builtinModules } from 'node:module';

export interface PackageManifest {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

export interface DistReport {
  problems: string[];
  notes: string[];
}

/** The asar's top level: the built app, its manifest and the runtime dependencies. */
export const ASAR_TOP_LEVEL = ['dist', 'node_modules', 'package.json'] as const;
/** What dist/ may hold in the asar (electron-builder.yml `files`). */
export const ASAR_DIST_FOLDERS = ['main', 'preload', 'renderer'] as const;
/** Files without which the app cannot start. */
export const ASAR_REQUIRED_FILES = ['package.json', 'dist/main/index.js', 'dist/preload/index.cjs', 'dist/renderer/index.html'] as const;

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string);
}

function isBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || builtinModules.includes(specifier);
}

/** Top-level packages in `node_modules/` among asar entries (`/node_modules/@trpc/server/...`). */
function packedPackages(entries: readonly string[]): Set<string> {
  const packed = new Set<string>();
  for (const entry of entries) {
    const parts = entry.split('/').filter(Boolean);
    if (parts[0] !== 'node_modules' || parts.length < 2) continue;
    const name = parts[1]?.startsWith('@') ? (parts.length >= 3 ? `${parts[1]}/${parts[2]}` : null) : (parts[1] as string);
    if (name) packed.add(name);
  }
  return packed;
}

export interface AsarFacts {
  /** `listPackage` output, `/`-separated, each starting with `/`. */
  entries: readonly string[];
  manifest: PackageManifest;
  /** Names each packed module depends on (dependencies + optionalDependencies), by module name. */
  packedDependencies: ReadonlyMap<string, readonly string[]>;
}

/** Checks the asar holds the app, its runtime dependencies, and nothing else. */
export function checkAsar({ entries, manifest, packedDependencies }: AsarFacts): DistReport {
  const problems: string[] = [];
  const notes: string[] = [];
  const set = new Set(entries.map((e) => e.replace(/^\/+/, '')));
  const dependencies = Object.keys(manifest.dependencies ?? {});

  const top = new Set([...set].map((e) => e.split('/')[0] as string));
  for (const name of top) {
    if (!(ASAR_TOP_LEVEL as readonly string[]).includes(name)) problems.push(`unexpected top-level entry in app.asar: ${name}`);
  }
  const distFolders = new Set([...set].filter((e) => e.startsWith('dist/')).map((e) => e.split('/')[1] as string));
  for (const name of distFolders) {
    if (!(ASAR_DIST_FOLDERS as readonly string[]).includes(name)) problems.push(`unexpected entry in app.asar: dist/${name}`);
  }
  for (const file of ASAR_REQUIRED_FILES) if (!set.has(file)) problems.push(`app.asar lacks ${file}`);
  const maps = [...set].filter((e) => e.startsWith('dist/') && e.endsWith('.map'));
  if (maps.length > 0) problems.push(`source maps packed (${maps.length}, e.g. ${maps[0]}): electron-builder.yml excludes **/*.map`);

  const packed = packedPackages(entries);
  for (const name of dependencies) if (!packed.has(name)) problems.push(`runtime dependency ${name} is not in app.asar's node_modules`);
  if (packed.has('electron')) problems.push('electron itself is packed into app.asar');
  const neededBy = new Map<string, string>();
  for (const [module, deps] of packedDependencies) for (const dep of deps) if (!neededBy.has(dep)) neededBy.set(dep, module);
  for (const name of Object.keys(manifest.devDependencies ?? {})) {
    if (!packed.has(name) || dependencies.includes(name)) continue;
    const by = neededBy.get(name);
    if (by) notes.push(`${name} (a devDependency) is packed because ${by} needs it at run time`);
    else problems.push(`devDependency ${name} is packed into app.asar, and no runtime dependency needs it`);
  }
  return { problems, notes };
}

/**
 * Checks the desktop bundle's run-time imports against `dependencies`: each imported package must be
 * one (or it is missing from the app), and a dependency nothing imports is packed for nothing.
 */
export function checkBundleImports(imports: readonly string[], manifest: PackageManifest): DistReport {
  const problems: string[] = [];
  const notes: string[] = [];
  const dependencies = Object.keys(manifest.dependencies ?? {});
  const used = new Set(imports.filter((s) => !isBuiltin(s) && s !== 'electron').map(packageName));
  for (const name of used) {
    if (!dependencies.includes(name)) problems.push(`dist/main/index.js imports ${name} at run time, but it is not in "dependencies"`);
  }
  for (const name of dependencies) {
    if (!used.has(name)) {
      notes.push(`${name} is in "dependencies" but the desktop app never imports it: it is packed for nothing (a devDependency if only the server, CLI or renderer uses it)`);
    }
  }
  return { problems, notes };
}
