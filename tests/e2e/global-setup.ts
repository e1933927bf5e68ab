import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Newest modification time of the files under `dir` (recursively). */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Builds the renderer once when `dist/renderer/index.html` is missing or older than the sources
 * it is built from (renderer/ and the i18n catalogs), so every test serves the current UI.
 */
export default function globalSetup(): void {
  const built = join(repoRoot, 'dist/renderer/index.html');
  const sources = Math.max(newestMtime(join(repoRoot, 'renderer')), newestMtime(join(repoRoot, 'shared/i18n')));
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  console.log('[e2e] building the renderer (npm run build:renderer)…');
  const result = spawnSync('npm', ['run', '-s', 'build:renderer'], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm run build:renderer failed with status ${result.status}`);
}
