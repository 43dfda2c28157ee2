#!/usr/bin/env node
/**
 * Draws Masthead's toolbar/store icons (public/icon/{16,32,48,96,128}.png) and the in-page logo
 * (assets/logo.svg) from one geometry, so they always match. No image packages: a polygon
 * rasteriser with 8×8 supersampling and a minimal PNG encoder over node:zlib.
 *
 * The glyph: an ink tile, a gold "masthead rule" across the top, a bold serif M below it.
 * Run: node scripts/make-icons.mjs
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// Geometry in a 32×32 design grid. ----------------------------------------------------------
const INK = [0x1b, 0x1a, 0x17];
const PAPER = [0xfa, 0xf8, 0xf3];
const GOLD = [0xc8, 0xa9, 0x6a];
const TILE_RADIUS = 6;
/** The rule across the top of the tile. */
const BAR = { x: 5, y: 5, w: 22, h: 3 };
/**
 * Serif M as one outline (clockwise from bottom-left): thin left stem, thick left diagonal,
 * thin right diagonal, thick right stem, bracketless slab serifs.
 */
const M = [
  [4.5, 27],
  [11, 27],
  [11, 25.3],
  [9, 25.3],
  [9, 15.4],
  [14.6, 27],
  [16.4, 27],
  [22, 15.4],
  [22, 25.3],
  [20, 25.3],
  [20, 27],
  [27.5, 27],
  [27.5, 25.3],
  [25.6, 25.3],
  [25.6, 12.4],
  [27.5, 12.4],
  [27.5, 10.7],
  [21.4, 10.7],
  [16.2, 21.6],
  [10.9, 10.7],
  [4.5, 10.7],
  [4.5, 12.4],
  [6.4, 12.4],
  [6.4, 25.3],
  [4.5, 25.3],
];

/**
 * At 16 px the full M's hairline diagonals turn to grey mush, so the favicon size gets its own
 * heavier cut drawn on the 16-px grid (two-pixel stems, one-pixel feet), in design units (×2).
 */
const M16 = [
  [2, 13],
  [6, 13],
  [6, 12],
  [5, 12],
  [5, 8.4],
  [7.3, 12],
  [8.7, 12],
  [11, 8.4],
  [11, 12],
  [10, 12],
  [10, 13],
  [14, 13],
  [14, 12],
  [13, 12],
  [13, 6],
  [14, 6],
  [14, 5],
  [10.5, 5],
  [8, 9.4],
  [5.5, 5],
  [2, 5],
  [2, 6],
  [3, 6],
  [3, 12],
  [2, 12],
].map(([x, y]) => [x * 2, y * 2]);
const BAR16 = { x: 6, y: 4, w: 20, h: 2 };

// Point tests. ----------------------------------------------------------------------------
function inRoundedRect(x, y, w, h, r) {
  if (x < 0 || y < 0 || x > w || y > h) return false;
  const cx = Math.min(Math.max(x, r), w - r);
  const cy = Math.min(Math.max(y, r), h - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function inPolygon(x, y, pts) {
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i];
    const [xj, yj] = pts[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Geometry for one output size. At toolbar sizes (≤ 48 px) every vertex is snapped to the pixel
 * grid, so stems, serifs and the rule get hard edges instead of grey half-pixels; the diagonals
 * stay anti-aliased.
 */
function geometryFor(size) {
  const k = size / 32;
  if (size > 48) return { k, bar: BAR, m: M };
  if (size === 16) return { k, bar: BAR16, m: M16 };
  const snap = (v) => Math.round(v * k) / k;
  return {
    k,
    bar: {
      x: snap(BAR.x),
      y: snap(BAR.y),
      w: Math.max(1 / k, snap(BAR.x + BAR.w) - snap(BAR.x)),
      h: Math.max(1 / k, snap(BAR.h)),
    },
    m: M.map(([x, y]) => [snap(x), snap(y)]),
  };
}

/** Colour of one design-space point, or null outside the tile. */
function sample(x, y, g) {
  if (!inRoundedRect(x, y, 32, 32, TILE_RADIUS)) return null;
  const { bar, m } = g;
  if (x >= bar.x && x < bar.x + bar.w && y >= bar.y && y < bar.y + bar.h) return GOLD;
  if (inPolygon(x, y, m)) return PAPER;
  return INK;
}

/** RGBA pixels for a size×size icon, each pixel the average of SS×SS samples. */
function rasterise(size, SS = 8) {
  const out = Buffer.alloc(size * size * 4);
  const g = geometryFor(size);
  const k = 1 / g.k;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        gr = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const c = sample((px + (sx + 0.5) / SS) * k, (py + (sy + 0.5) / SS) * k, g);
          if (!c) continue;
          r += c[0];
          gr += c[1];
          b += c[2];
          a += 1;
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        out[i] = Math.round(r / a);
        out[i + 1] = Math.round(gr / a);
        out[i + 2] = Math.round(b / a);
        out[i + 3] = Math.round((255 * a) / (SS * SS));
      }
    }
  }
  return out;
}

// PNG encoding. ---------------------------------------------------------------------------
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  // compression, filter, interlace: 0
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// SVG from the same geometry. -------------------------------------------------------------
const hex = (c) => '#' + c.map((v) => v.toString(16).padStart(2, '0')).join('');
function svg() {
  const d = 'M' + M.map(([x, y]) => `${x} ${y}`).join('L') + 'Z';
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" role="img" aria-label="Masthead">',
    `  <rect width="32" height="32" rx="${TILE_RADIUS}" fill="${hex(INK)}"/>`,
    `  <rect x="${BAR.x}" y="${BAR.y}" width="${BAR.w}" height="${BAR.h}" fill="${hex(GOLD)}"/>`,
    `  <path fill="${hex(PAPER)}" d="${d}"/>`,
    '</svg>',
    '',
  ].join('\n');
}

mkdirSync(join(root, 'public/icon'), { recursive: true });
for (const size of [16, 32, 48, 96, 128]) {
  const file = join(root, 'public/icon', `${size}.png`);
  writeFileSync(file, encodePng(size, rasterise(size)));
  console.log('wrote', file);
}
writeFileSync(join(root, 'assets/logo.svg'), svg());
console.log('wrote', join(root, 'assets/logo.svg'));
