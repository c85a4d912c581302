import { Writable } from "node:stream";
import pino from "pino";

/** A pino logger whose lines land in `lines` (parsed) and `raw` (as written). */
export function capturedLogger() {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) {
        raw.push(line);
        lines.push(JSON.parse(line));
      }
      done();
    },
  });
  return { logger: pino({ level: "info" }, stream), lines, raw };
}
