/**
 * Draws the extension icon (a lens over a rising bar) into public/icon/<size>.png.
 * Run once after changing the design: npx tsx scripts/make-icons.ts
 * Pure Node (zlib + a hand-built PNG), so no image tool is needed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 96, 128];
const BG = [79, 70, 229]; // indigo-600
const FG = [255, 255, 255];

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Coverage of the shape at (x, y) in a unit square, 0..1. */
function shape(x: number, y: number): { bg: number; fg: number } {
  const r = 0.22; // rounded-corner radius
  const dx = Math.max(r - x, 0, x - (1 - r));
  const dy = Math.max(r - y, 0, y - (1 - r));
  const bg = Math.hypot(dx, dy) <= r ? 1 : 0;
  const cx = 0.44, cy = 0.44;
  const d = Math.hypot(x - cx, y - cy);
  const ring = d >= 0.2 && d <= 0.28 ? 1 : 0;
  // handle: a thick line from the lens towards the bottom-right corner
  const t = ((x - cx) + (y - cy)) / 2;
  const off = Math.abs((x - cx) - (y - cy)) / Math.SQRT2;
  const handle = t * Math.SQRT2 > 0.27 && t * Math.SQRT2 < 0.5 && off < 0.06 ? 1 : 0;
  // a small rising bar inside the lens
  const bars = [
    [0.33, 0.4, 0.55],
    [0.41, 0.48, 0.47],
    [0.49, 0.56, 0.38],
  ].some(([x0, x1, top]) => x >= x0! && x <= x1! && y >= top! && y <= 0.58) ? 1 : 0;
  return { bg, fg: Math.max(ring, handle, bars) };
}

function icon(size: number): Buffer {
  const ss = 4; // supersampling for smooth edges
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0;
    for (let px = 0; px < size; px++) {
      let bg = 0, fg = 0;
      for (let sy = 0; sy < ss; sy++)
        for (let sx = 0; sx < ss; sx++) {
          const s = shape((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size);
          bg += s.bg;
          fg += s.fg * s.bg;
        }
      bg /= ss * ss;
      fg /= ss * ss;
      const o = py * (size * 4 + 1) + 1 + px * 4;
      const mix = (i: number) => Math.round(bg > 0 ? (BG[i]! * (bg - fg) + FG[i]! * fg) / bg : 0);
      raw[o] = mix(0);
      raw[o + 1] = mix(1);
      raw[o + 2] = mix(2);
      raw[o + 3] = Math.round(bg * 255);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('public/icon', { recursive: true });
for (const size of SIZES) writeFileSync(`public/icon/${size}.png`, icon(size));
console.log(`wrote public/icon/{${SIZES.join(',')}}.png`);
