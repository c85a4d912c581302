import { describe, expect, it } from "vitest";
import { completeOrgNumber, isValidOrgNumber, orgNumberCheckDigit } from "./org-number";

describe("organisation numbers (mod 11, weights 3 2 7 6 5 4 3 2)", () => {
  it("accepts numbers whose check digit matches", () => {
    // 9·3 + 7·2 + 4·7 + 5·6 + 8·5 + 9·4 + 6·3 + 4·2 = 201; 201 mod 11 = 3; 11 − 3 = 8.
    expect(isValidOrgNumber("974589648")).toBe(true);
    expect(isValidOrgNumber("975315053")).toBe(true);
  });

  it("refuses a wrong check digit, and every other digit in its place", () => {
    for (let d = 0; d <= 9; d++) {
      expect(isValidOrgNumber(`97458964${d}`)).toBe(d === 8);
    }
  });

  it("gives check digit 0 when the remainder is 0", () => {
    // 97458968: the weighted sum is 209 = 19 · 11.
    expect(orgNumberCheckDigit("97458968")).toBe(0);
    expect(isValidOrgNumber("974589680")).toBe(true);
  });

  it("knows that remainder 1 (check digit 10) has no valid number", () => {
    // 97458963: the weighted sum is 199, remainder 1.
    expect(orgNumberCheckDigit("97458963")).toBeNull();
    expect(completeOrgNumber("97458963")).toBeNull();
    for (let d = 0; d <= 9; d++) expect(isValidOrgNumber(`97458963${d}`)).toBe(false);
  });

  it("refuses anything that is not nine digits", () => {
    for (const value of ["", "97458964", "9745896480", "97458964a", " 974589648", "974 589 648"]) {
      expect(isValidOrgNumber(value)).toBe(false);
    }
    expect(orgNumberCheckDigit("9745896")).toBeNull();
  });

  it("completes eight digits with their check digit", () => {
    expect(completeOrgNumber("97458964")).toBe("974589648");
    expect(completeOrgNumber("97458968")).toBe("974589680");
  });
});
