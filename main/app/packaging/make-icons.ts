/**
 * `npm run icons`: renders app-icon.svg into the icons electron-builder packs — `icons/NxN.png`
 * (Linux), `icon.ico` (Windows) and `icon.icns` (macOS, drawn on Apple's icon grid: the mark at
 * 824/1024 with a transparent margin). The outputs are committed, so building needs no renderer.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { encodeIcns, encodeIco, ICNS_TYPES, type SizedPng } from './icon-containers';

const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));

const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** macOS icon grid: an 824 px body centred on a 1024 px canvas. */
const MAC_BODY = 824 / 1024;

function render(svg: string, size: number): SizedPng {
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
  return { size, png: Buffer.from(png) };
}

/** The same mark nested in a larger, transparent canvas. */
function onMacGrid(svg: string): string {
  const margin = ((1 - MAC_BODY) / 2) * 1024;
  const inner = svg.replace('<svg ', `<svg x="${margin}" y="${margin}" width="${1024 * MAC_BODY}" height="${1024 * MAC_BODY}" `);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1024 1024">${inner}</svg>`;
}

function main(): void {
  const svg = readFileSync(here('app-icon.svg'), 'utf8');
  mkdirSync(here('icons/'), { recursive: true });
  for (const size of LINUX_SIZES) writeFileSync(here(`icons/${size}x${size}.png`), render(svg, size).png);
  writeFileSync(here('icon.ico'), encodeIco(ICO_SIZES.map((size) => render(svg, size))));
  const mac = onMacGrid(svg);
  const macSizes = [...new Set(ICNS_TYPES.map((t) => t.size))];
  writeFileSync(here('icon.icns'), encodeIcns(macSizes.map((size) => render(mac, size))));
  console.log(`icons written to ${here('.')}`);
}

main();
