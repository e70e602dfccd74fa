// Generates the add-in's ribbon/store icons as real PNGs, with no image library: a union-red rounded square
// carrying a white "工" glyph, drawn from a few rectangles and anti-aliased by supersampling.
// Deterministic (same bytes every run), so test/manifest can check the committed files are up to date.
//
// Usage: node assets/make-icons.mjs [outDir]   (outDir defaults to the folder of this script)
import { deflateSync } from "node:zlib";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Pixel sizes the manifest and the stores ask for (16/32/80 ribbon, 32/64 IconUrl/HighResolutionIconUrl, 128 store). */
export const ICON_SIZES = [16, 32, 64, 80, 128];

const RED = [0xc8, 0x10, 0x2e]; // union red
const WHITE = [0xff, 0xff, 0xff];
const SUPERSAMPLE = 8; // 8x8 samples per pixel: smooth edges even at 16 px

/** Shapes in unit coordinates (0..1 across the icon). */
const BACKGROUND = { x0: 0.03, y0: 0.03, x1: 0.97, y1: 0.97, radius: 0.2 };
// "工": top bar, stem, bottom bar. Thick enough to stay legible at 16 px (bars ~2 px tall there).
const GLYPH = [
  { x0: 0.24, y0: 0.22, x1: 0.76, y1: 0.35 },
  { x0: 0.435, y0: 0.3, x1: 0.565, y1: 0.7 },
  { x0: 0.16, y0: 0.65, x1: 0.84, y1: 0.78 },
];

function insideRoundedRect(x, y, r) {
  if (x < r.x0 || x > r.x1 || y < r.y0 || y > r.y1) return false;
  const cx = Math.min(Math.max(x, r.x0 + r.radius), r.x1 - r.radius);
  const cy = Math.min(Math.max(y, r.y0 + r.radius), r.y1 - r.radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r.radius ** 2;
}

function insideRect(x, y, r) {
  return x >= r.x0 && x <= r.x1 && y >= r.y0 && y <= r.y1;
}

/** RGBA pixels (straight alpha) of one icon. */
export function renderIcon(size) {
  const rgba = new Uint8Array(size * size * 4);
  const n = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let glyph = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
          if (!insideRoundedRect(x, y, BACKGROUND)) continue;
          bg++;
          if (GLYPH.some((r) => insideRect(x, y, r))) glyph++;
        }
      }
      const i = (py * size + px) * 4;
      if (bg === 0) continue; // transparent corner
      const w = glyph / bg; // share of white inside the covered part
      for (let c = 0; c < 3; c++) rgba[i + c] = Math.round(RED[c] * (1 - w) + WHITE[c] * w);
      rgba[i + 3] = Math.round((255 * bg) / n);
    }
  }
  return rgba;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "ascii");
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** Encodes RGBA pixels as an 8-bit truecolour-with-alpha PNG (filter 0 on every row). */
export function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    Buffer.from(rgba.subarray(y * size * 4, (y + 1) * size * 4)).copy(raw, y * (size * 4 + 1) + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

function main() {
  const outDir = process.argv[2] ?? dirname(fileURLToPath(import.meta.url));
  mkdirSync(outDir, { recursive: true });
  for (const size of ICON_SIZES) {
    writeFileSync(join(outDir, `icon-${size}.png`), encodePng(size, renderIcon(size)));
  }
  // The store/"logo" image the template also ships: same design, larger.
  writeFileSync(join(outDir, "logo-filled.png"), encodePng(300, renderIcon(300)));
  console.log(`wrote ${ICON_SIZES.map((s) => `icon-${s}.png`).join(", ")}, logo-filled.png to ${outDir}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
