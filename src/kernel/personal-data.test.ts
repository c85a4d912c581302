import { describe, expect, it } from "vitest";
import { isNationalId, maskPersonalData } from "./personal-data";

describe("personal data screening", () => {
  it("recognises national identity numbers by their control digits", () => {
    expect(isNationalId("01010012356")).toBe(true);
    expect(isNationalId("01010012357")).toBe(false);
    expect(isNationalId("0101001235")).toBe(false);
  });

  it("masks e-mail addresses, Norwegian phone numbers and national ids", () => {
    expect(maskPersonalData("skriv til ola.nordmann@kommune.no i dag").text).toBe(
      "skriv til [***] i dag",
    );
    expect(maskPersonalData("ring 477 99 200").text).toBe("ring [***]");
    expect(maskPersonalData("ring +47 23 30 12 00 nå").text).toBe("ring [***] nå");
    expect(maskPersonalData("ring 92345678").text).toBe("ring [***]");
    expect(maskPersonalData("fnr 010100 12356").text).toBe("fnr [***]");
    expect(maskPersonalData("fnr 010100 12356").found).toEqual(["nationalId"]);
  });

  it("leaves ordinary numbers alone", () => {
    const text = "38 kommuner i pulje 1 fra 2017, frist 01.06.17, org.nr. 974767880, kode 3301";
    expect(maskPersonalData(text)).toEqual({ text, found: [] });
    expect(maskPersonalData("12345678901").text).toBe("12345678901");
  });

  it("masks only what it is asked to", () => {
    expect(maskPersonalData("ola@kommune.no 01010012356", { nationalId: true }).text).toBe(
      "ola@kommune.no [***]",
    );
  });
});
