// Samspill's icon, drawn here from one geometry: two linked rings (people working together) on
// a rounded square in Designsystemet's accent blue. The SVG is for browsers that read the
// layout's <link rel="icon">; the ICO (one 32×32 PNG) is for those that ask for /favicon.ico.
import { deflateSync } from "node:zlib";

const SIZE = 32;
const CORNER = 7;
const RING_RADIUS = 6.5;
const RING_WIDTH = 2.5;
const RINGS = [
  [12, 16],
  [20, 16],
];
const BLUE = [0x00, 0x62, 0xba];

export function faviconSvg() {
  const rings = RINGS.map(
    ([x, y]) =>
      `<circle cx="${x}" cy="${y}" r="${RING_RADIUS}" fill="none" stroke="#fff" stroke-width="${RING_WIDTH}"/>`,
  ).join("");
  const hex = `#${BLUE.map((v) => v.toString(16).padStart(2, "0")).join("")}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SIZE} ${SIZE}"><rect width="${SIZE}" height="${SIZE}" rx="${CORNER}" fill="${hex}"/>${rings}</svg>\n`;
}

function insideSquare(x, y) {
  const cx = Math.min(Math.max(x, CORNER), SIZE - CORNER);
  const cy = Math.min(Math.max(y, CORNER), SIZE - CORNER);
  return (x - cx) ** 2 + (y - cy) ** 2 <= CORNER ** 2;
}

function onRing(x, y) {
  return RINGS.some(([rx, ry]) => {
    const d = Math.hypot(x - rx, y - ry);
    return Math.abs(d - RING_RADIUS) <= RING_WIDTH / 2;
  });
}

/** RGBA pixels of the icon, each averaged over 4×4 samples so the edges are smooth. */
function pixels() {
  const data = Buffer.alloc(SIZE * SIZE * 4);
  const n = 4;
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      let square = 0;
      let white = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = px + (sx + 0.5) / n;
          const y = py + (sy + 0.5) / n;
          if (!insideSquare(x, y)) continue;
          square++;
          if (onRing(x, y)) white++;
        }
      }
      const i = (py * SIZE + px) * 4;
      const share = square === 0 ? 0 : white / square;
      for (let c = 0; c < 3; c++) data[i + c] = Math.round(BLUE[c] * (1 - share) + 255 * share);
      data[i + 3] = Math.round((square / (n * n)) * 255);
    }
  }
  return data;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png() {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  const rgba = pixels();
  const rows = [];
  for (let y = 0; y < SIZE; y++) {
    rows.push(Buffer.from([0]), rgba.subarray(y * SIZE * 4, (y + 1) * SIZE * 4));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** An ICO file holding one 32×32 PNG (every browser since 2010 reads PNG inside ICO). */
export function faviconIco() {
  const image = png();
  const head = Buffer.alloc(22);
  head.writeUInt16LE(0, 0);
  head.writeUInt16LE(1, 2); // icon
  head.writeUInt16LE(1, 4); // one image
  head[6] = SIZE;
  head[7] = SIZE;
  head.writeUInt16LE(1, 10); // colour planes
  head.writeUInt16LE(32, 12); // bits per pixel
  head.writeUInt32LE(image.length, 14);
  head.writeUInt32LE(22, 18);
  return Buffer.concat([head, image]);
}
