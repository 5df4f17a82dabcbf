/**
 * Draws the toolbar and store icons (16, 32, 48, 128 px) into public/icons as PNG, with no
 * image library: a rounded square in the podcast's orange with white headphones, drawn from
 * distance functions and 4×4 supersampled. Run again after changing the drawing.
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 128];
const BACKGROUND = [0xc2, 0x41, 0x0c];
const FOREGROUND = [0xff, 0xff, 0xff];

/** Coverage of the shapes at a point of the unit square: [background, foreground]. */
function shapesAt(x: number, y: number): [boolean, boolean] {
  const radius = 0.2;
  const dx = Math.max(Math.abs(x - 0.5) - (0.5 - radius), 0);
  const dy = Math.max(Math.abs(y - 0.5) - (0.5 - radius), 0);
  const inSquare = dx * dx + dy * dy <= radius * radius;
  const cx = x - 0.5;
  const cy = y - 0.56;
  const distance = Math.hypot(cx, cy);
  const band = distance > 0.24 && distance < 0.32 && cy < 0.02;
  const cup = (left: number) => x > left && x < left + 0.13 && y > 0.52 && y < 0.8;
  return [inSquare, inSquare && (band || cup(0.18) || cup(0.69))];
}

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size: number): Buffer {
  const rows = Buffer.alloc(size * (size * 4 + 1));
  const samples = 4;
  for (let py = 0; py < size; py += 1) {
    rows[py * (size * 4 + 1)] = 0;
    for (let px = 0; px < size; px += 1) {
      let back = 0;
      let fore = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const [inBack, inFore] = shapesAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (inBack) back += 1;
          if (inFore) fore += 1;
        }
      }
      const total = samples * samples;
      const foreShare = back === 0 ? 0 : fore / back;
      const offset = py * (size * 4 + 1) + 1 + px * 4;
      for (let channel = 0; channel < 3; channel += 1) {
        rows[offset + channel] = Math.round(BACKGROUND[channel]! * (1 - foreShare) + FOREGROUND[channel]! * foreShare);
      }
      rows[offset + 3] = Math.round((back / total) * 255);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', new Uint8Array())]);
}

for (const size of SIZES) writeFileSync(new URL(`../public/icons/icon-${size}.png`, import.meta.url), png(size));
