import { describe, expect, it } from 'vitest';
import { checkAsar, checkBundleImports, packageName } from '../../../main/app/packaging/dist-policy';

const manifest = {
  dependencies: { lowdb: '^7', '@trpc/server': '11', zod: '^4' },
  devDependencies: { react: '19', 'js-yaml': '^4', electron: '45' },
};
const app = ['/package.json', '/dist', '/dist/main', '/dist/main/index.js', '/dist/preload/index.cjs', '/dist/renderer/index.html', '/dist/renderer/assets/app.js'];
const modules = ['/node_modules/lowdb/package.json', '/node_modules/@trpc/server/package.json', '/node_modules/@trpc/server/dist/index.js', '/node_modules/zod/package.json'];
const deps = new Map<string, string[]>([['lowdb', ['steno']], ['@trpc/server', []], ['zod', []]]);

describe('checkAsar', () => {
  it('accepts the app, its manifest and the runtime dependencies', () => {
    expect(checkAsar({ entries: [...app, ...modules], manifest, packedDependencies: deps })).toEqual({ problems: [], notes: [] });
  });

  it('fails on anything else at the top level or in dist/, and on source maps', () => {
    const entries = [...app, ...modules, '/src/main.ts', '/.env', '/dist/build-hooks/after-pack.cjs', '/dist/main/index.js.map'];
    expect(checkAsar({ entries, manifest, packedDependencies: deps }).problems).toEqual([
      'unexpected top-level entry in app.asar: src',
      'unexpected top-level entry in app.asar: .env',
      'unexpected entry in app.asar: dist/build-hooks',
      'source maps packed (1, e.g. dist/main/index.js.map): electron-builder.yml excludes **/*.map',
    ]);
  });

  it('fails when the app files or a runtime dependency are missing', () => {
    const entries = ['/package.json', '/dist/main/index.js', '/node_modules/zod/package.json'];
    expect(checkAsar({ entries, manifest, packedDependencies: deps }).problems).toEqual([
      'app.asar lacks dist/preload/index.cjs',
      'app.asar lacks dist/renderer/index.html',
      'runtime dependency lowdb is not in app.asar\'s node_modules',
      'runtime dependency @trpc/server is not in app.asar\'s node_modules',
    ]);
  });

  it('fails on a packed renderer library or electron, explains a devDependency a runtime one needs', () => {
    const entries = [...app, ...modules, '/node_modules/react/index.js', '/node_modules/electron/index.js', '/node_modules/js-yaml/index.js'];
    const needs = new Map([...deps, ['electron-updater', ['js-yaml']]]);
    const report = checkAsar({ entries, manifest, packedDependencies: needs });
    expect(report.problems).toEqual([
      'electron itself is packed into app.asar',
      'devDependency react is packed into app.asar, and no runtime dependency needs it',
      'devDependency electron is packed into app.asar, and no runtime dependency needs it',
    ]);
    expect(report.notes).toEqual(['js-yaml (a devDependency) is packed because electron-updater needs it at run time']);
  });
});

describe('checkBundleImports', () => {
  it('wants every package the bundle imports in dependencies, and notes unused ones', () => {
    const imports = ['electron', 'node:fs', 'path', 'lowdb', '@trpc/server/observable', 'ws'];
    expect(checkBundleImports(imports, manifest)).toEqual({
      problems: ['dist/main/index.js imports ws at run time, but it is not in "dependencies"'],
      notes: [expect.stringContaining('zod is in "dependencies" but the desktop app never imports it')],
    });
  });

  it('reads package names from subpath imports', () => {
    expect(packageName('@trpc/server/observable')).toBe('@trpc/server');
    expect(packageName('lowdb/node')).toBe('lowdb');
    expect(packageName('zod')).toBe('zod');
  });
});
