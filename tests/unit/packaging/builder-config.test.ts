import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { decodeIcns, decodeIco, encodeIcns, encodeIco, pngSize } from '../../../main/app/packaging/icon-containers';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const require = createRequire(import.meta.url);
/** The parts of electron-builder.yml these tests read. */
interface BuilderYml {
  directories: { buildResources: string };
  afterPack: string;
  afterSign: string;
  publish: unknown[];
  protocols: { schemes: string[] }[];
  fileAssociations: unknown[];
  win: { target: string[]; icon: string };
  nsis: Record<string, unknown>;
  msi: Record<string, unknown>;
  mac: { target: string[]; icon: string; entitlements: string; entitlementsInherit: string };
  linux: { target: string[]; icon: string };
}
const config = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderYml;
const resources = join(root, config.directories.buildResources);

function validator() {
  const builderRequire = createRequire(require.resolve('electron-builder/package.json'));
  const schema = JSON.parse(readFileSync(builderRequire.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
  return new Ajv({ allErrors: true, strict: false }).compile(schema);
}

describe('electron-builder.yml', () => {
  it("matches electron-builder's own schema, which refuses unknown keys", () => {
    const validate = validator();
    expect(validate(config), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(validate({ ...config, nsis: { ...config.nsis, oneClik: false } })).toBe(false);
  });

  it('builds NSIS + MSI, dmg + zip (hardened, entitlements, own notarization hook), AppImage + deb', () => {
    expect(config.win.target).toEqual(['nsis', 'msi']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: true });
    expect(config.msi).toMatchObject({ perMachine: true, upgradeCode: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(config.mac).toMatchObject({ target: ['dmg', 'zip'], hardenedRuntime: true, notarize: false });
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.afterPack).toBe('./dist/build-hooks/after-pack.cjs');
    expect(config.afterSign).toBe('./dist/build-hooks/after-sign.cjs');
    expect(config.publish).toEqual([expect.objectContaining({ provider: 'generic' })]);
  });

  it('registers atende://, tel: and callto:, and no file types', () => {
    const schemes = config.protocols.flatMap((p) => p.schemes);
    expect(schemes.sort()).toEqual(['atende', 'callto', 'tel']);
    expect(config.fileAssociations).toEqual([]);
    const nsh = readFileSync(join(resources, 'installer.nsh'), 'utf8');
    expect(nsh).toContain('Software\\Classes\\atende\\shell\\open\\command');
    expect(nsh).toMatch(/URLAssociations" "tel"/);
  });

  it('keeps no secret: signing and notarization come from the environment', () => {
    const text = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
    expect(text).not.toMatch(/^\s*(cscLink|cscKeyPassword|certificatePassword|certificateFile|appleId|appleIdPassword|password)\s*:/im);
  });

  it('points at build resources that exist', () => {
    for (const file of [config.win.icon, config.mac.icon, config.mac.entitlements, config.mac.entitlementsInherit, config.linux.icon, 'installer.nsh']) {
      expect(existsSync(join(resources, file)), file).toBe(true);
    }
  });
});

describe('icons', () => {
  it('ships PNGs from 16 to 1024 px for Linux', () => {
    for (const size of [16, 32, 48, 64, 128, 256, 512, 1024]) {
      expect(pngSize(readFileSync(join(resources, config.linux.icon, `${size}x${size}.png`)))).toEqual({ width: size, height: size });
    }
  });

  it('ships an .ico up to 256 px and an .icns up to 1024 px, each image a real PNG of its size', () => {
    const ico = decodeIco(readFileSync(join(resources, config.win.icon)));
    expect(ico.map((i) => i.size)).toEqual([16, 24, 32, 48, 64, 128, 256]);
    for (const { size, png } of ico) expect(pngSize(png)).toEqual({ width: size, height: size });
    const icns = decodeIcns(readFileSync(join(resources, config.mac.icon)));
    expect(icns.map((e) => e.type)).toEqual(['ic11', 'ic12', 'ic07', 'ic13', 'ic08', 'ic14', 'ic09', 'ic10']);
    expect(pngSize(icns.find((e) => e.type === 'ic10')?.data ?? Buffer.alloc(0))).toEqual({ width: 1024, height: 1024 });
  });

  it('encodes round trips and refuses a wrong size', () => {
    const png = readFileSync(join(resources, config.linux.icon, '32x32.png'));
    expect(decodeIco(encodeIco([{ size: 32, png }]))).toEqual([{ size: 32, png }]);
    expect(() => encodeIco([{ size: 48, png }])).toThrow('image for 48px is 32×32');
    expect(() => encodeIcns([{ size: 32, png }])).toThrow('no 64px image');
    expect(() => pngSize(Buffer.from('not a png at all, not at all'))).toThrow('not a PNG');
  });
});
