import { writeFileSync } from "node:fs";
import { PNG } from "pngjs";

/**
 * A video file Chromium plays as its camera (`launchBrowser({ camera })`): the PNG (a QR code)
 * centred on white, as raw YUV 4:2:0 frames in the YUV4MPEG2 format Chromium's fake capture
 * device reads. A few identical frames: Chromium loops the file.
 */
export function writeFakeCamera(file: string, png: Buffer, size = { width: 640, height: 480 }) {
  const image = PNG.sync.read(png);
  const { width, height } = size;
  const luma = Buffer.alloc(width * height, 235);
  const left = Math.floor((width - image.width) / 2);
  const top = Math.floor((height - image.height) / 2);
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const tx = left + x;
      const ty = top + y;
      if (tx < 0 || ty < 0 || tx >= width || ty >= height) continue;
      const i = (y * image.width + x) * 4;
      const [r, g, b] = [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!];
      // BT.601 studio range: 16 (black) to 235 (white).
      luma[ty * width + tx] = Math.round(16 + (219 * (0.299 * r + 0.587 * g + 0.114 * b)) / 255);
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
  const frame = Buffer.concat([Buffer.from("FRAME\n"), luma, chroma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(file, Buffer.concat([header, ...Array.from({ length: 5 }, () => frame)]));
}
