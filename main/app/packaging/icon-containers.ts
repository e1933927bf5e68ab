/**
 * Windows `.ico` and macOS `.icns` containers around PNG images. Both formats accept PNG data
 * (ICO since Windows Vista, ICNS `ic07`–`ic14` since macOS 10.7), so no pixel format conversion
 * is needed: the images are rendered once from the SVG and wrapped here.
 */

export interface SizedPng {
  /** Width = height in pixels. */
  size: number;
  png: Buffer;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk; throws on anything that is not a PNG. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.length < 24 || !png.subarray(0, 8).equals(PNG_SIGNATURE) || png.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error('not a PNG image');
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function checked(images: readonly SizedPng[], allowed: (size: number) => boolean): void {
  for (const { size, png } of images) {
    const { width, height } = pngSize(png);
    if (width !== size || height !== size) throw new Error(`image for ${size}px is ${width}×${height}`);
    if (!allowed(size)) throw new Error(`${size}px does not fit this icon format`);
  }
}

/** An `.ico` holding one PNG per size (1–256 px). */
export function encodeIco(images: readonly SizedPng[]): Buffer {
  checked(images, (size) => size >= 1 && size <= 256);
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size === 256 ? 0 : size, entry); // 0 means 256
    header.writeUInt8(size === 256 ? 0 : size, entry + 1);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.png)]);
}

/** ICNS element types holding PNG data, by pixel size (Retina types share sizes with 1x ones). */
export const ICNS_TYPES: readonly { type: string; size: number }[] = [
  { type: 'ic11', size: 32 }, // 16@2x
  { type: 'ic12', size: 64 }, // 32@2x
  { type: 'ic07', size: 128 },
  { type: 'ic13', size: 256 }, // 128@2x
  { type: 'ic08', size: 256 },
  { type: 'ic14', size: 512 }, // 256@2x
  { type: 'ic09', size: 512 },
  { type: 'ic10', size: 1024 }, // 512@2x
];

/** An `.icns` with every type of `ICNS_TYPES`, taking each size's PNG from `images`. */
export function encodeIcns(images: readonly SizedPng[]): Buffer {
  checked(images, (size) => ICNS_TYPES.some((t) => t.size === size));
  const bySize = new Map(images.map((i) => [i.size, i.png]));
  const elements = ICNS_TYPES.map(({ type, size }) => {
    const png = bySize.get(size);
    if (!png) throw new Error(`no ${size}px image for ICNS type ${type}`);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(elements);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

/** The PNGs inside an `.ico` (for checks). */
export function decodeIco(ico: Buffer): SizedPng[] {
  if (ico.readUInt16LE(0) !== 0 || ico.readUInt16LE(2) !== 1) throw new Error('not an .ico file');
  const count = ico.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => {
    const entry = 6 + 16 * i;
    const size = ico.readUInt8(entry) || 256;
    const length = ico.readUInt32LE(entry + 8);
    const offset = ico.readUInt32LE(entry + 12);
    return { size, png: ico.subarray(offset, offset + length) };
  });
}

/** The elements of an `.icns` (for checks). */
export function decodeIcns(icns: Buffer): { type: string; data: Buffer }[] {
  if (icns.toString('latin1', 0, 4) !== 'icns' || icns.readUInt32BE(4) !== icns.length) throw new Error('not an .icns file');
  const elements: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < icns.length; ) {
    const length = icns.readUInt32BE(at + 4);
    if (length < 8 || at + length > icns.length) throw new Error('corrupt .icns element');
    elements.push({ type: icns.toString('latin1', at, at + 4), data: icns.subarray(at + 8, at + length) });
    at += length;
  }
  return elements;
}
