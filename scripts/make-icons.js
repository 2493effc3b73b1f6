#!/usr/bin/env node
// Draws the add-in's ribbon and store icons (a white sum sign on a green rounded square) into assets/.
// Only Node built-ins, so anyone can regenerate them: `node scripts/make-icons.js`.
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
const GREEN = [0x1e, 0x71, 0x45];
const WHITE = [0xff, 0xff, 0xff];
// Samples per pixel side: enough for smooth edges without a real rasteriser.
const SUPERSAMPLE = 8;

// Shapes live in a unit square so every size is the same drawing.
const BACKGROUND = { inset: 0.03, radius: 0.2 };
const SIGMA = {
  points: [
    [0.7, 0.25],
    [0.3, 0.25],
    [0.53, 0.5],
    [0.3, 0.75],
    [0.7, 0.75],
  ],
  halfWidth: 0.06,
};

function insideRoundedSquare(x, y, { inset, radius }) {
  const lo = inset + radius;
  const hi = 1 - inset - radius;
  const dx = Math.max(lo - x, 0, x - hi);
  const dy = Math.max(lo - y, 0, y - hi);
  return dx * dx + dy * dy <= radius * radius;
}

function distanceToSegment(x, y, [ax, ay], [bx, by]) {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.min(1, Math.max(0, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(x - ax - t * vx, y - ay - t * vy);
}

function insidePolyline(x, y, { points, halfWidth }) {
  for (let i = 1; i < points.length; i++) {
    if (distanceToSegment(x, y, points[i - 1], points[i]) <= halfWidth) return true;
  }
  return false;
}

/** Fraction of the pixel (px, py) covered by the background and by the glyph. */
function coverage(px, py, size) {
  let background = 0;
  let glyph = 0;
  for (let sy = 0; sy < SUPERSAMPLE; sy++) {
    for (let sx = 0; sx < SUPERSAMPLE; sx++) {
      const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
      const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
      if (!insideRoundedSquare(x, y, BACKGROUND)) continue;
      background++;
      if (insidePolyline(x, y, SIGMA)) glyph++;
    }
  }
  const samples = SUPERSAMPLE * SUPERSAMPLE;
  return { background: background / samples, glyph: background === 0 ? 0 : glyph / background };
}

function renderRgba(size) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const { background, glyph } = coverage(px, py, size);
      const at = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) rgba[at + c] = Math.round(GREEN[c] + (WHITE[c] - GREEN[c]) * glyph);
      rgba[at + 3] = Math.round(255 * background);
    }
  }
  return rgba;
}

function pngChunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // colour type: RGBA
  // Each scanline is prefixed with filter type 0 (none); deflate does the compressing.
  const rowBytes = size * 4;
  const raw = Buffer.alloc(size * (rowBytes + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (rowBytes + 1) + 1, y * rowBytes, (y + 1) * rowBytes);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

const outDir = path.resolve(__dirname, "../assets");
fs.mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  const file = path.join(outDir, `icon-${size}.png`);
  fs.writeFileSync(file, encodePng(size, renderRgba(size)));
  console.log(path.relative(process.cwd(), file));
}
