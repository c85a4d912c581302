import jsQR from "jsqr";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import {
  checkInQrPng,
  checkInQrSvg,
  newCheckInCode,
  readCheckInCode,
  showCheckInCode,
} from "./check-in-code";

describe("check-in codes", () => {
  it("are eight characters of Crockford's base32, and differ", () => {
    const codes = new Set(Array.from({ length: 200 }, () => newCheckInCode()));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
  });

  it("read back what was shown, typed carelessly", () => {
    expect(showCheckInCode("AB12CD34")).toBe("AB12-CD34");
    expect(readCheckInCode("ab12-cd34")).toBe("AB12CD34");
    expect(readCheckInCode(" AB12 CD34 ")).toBe("AB12CD34");
    expect(readCheckInCode("OIL0-0000")).toBe("0110" + "0000");
  });

  it("refuse what cannot be a code", () => {
    expect(readCheckInCode("")).toBeNull();
    expect(readCheckInCode("AB12CD3")).toBeNull();
    expect(readCheckInCode("AB12CD345")).toBeNull();
    expect(readCheckInCode("AB12CD3U")).toBeNull();
    expect(readCheckInCode("https://example.org/")).toBeNull();
  });

  it("are drawn as a QR code that a reader decodes to the same code", async () => {
    const code = newCheckInCode();
    const png = PNG.sync.read(await checkInQrPng(code));
    const read = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(read?.data).toBe(code);
    const svg = await checkInQrSvg(code);
    expect(svg).toMatch(/^<svg[^>]*viewBox/);
  });
});
