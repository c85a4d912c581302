import { describe, expect, it } from "vitest";
import { loadConfig } from "./config";

const PRODUCTION = {
  NODE_ENV: "production",
  SECRET: "a-production-secret-that-is-long-enough-0123",
  PUBLIC_URL: "https://samspill.example",
  SMTP_URL: "smtp://smtp.samspill.example:587",
};

describe("configuration", () => {
  it("in development listens on loopback and links mail to localhost", () => {
    const config = loadConfig({});
    expect(config.env).toBe("development");
    expect(config.host).toBe("127.0.0.1");
    expect(config.linkBase).toBe("http://localhost:3000");
    expect(loadConfig({ PORT: "4000" }).linkBase).toBe("http://localhost:4000");
  });

  it("in development listens where HOST says, and links mail there", () => {
    const config = loadConfig({ HOST: "192.0.2.10", PORT: "3100" });
    expect(config.host).toBe("192.0.2.10");
    expect(config.linkBase).toBe("http://192.0.2.10:3100");
    expect(loadConfig({ HOST: "0.0.0.0" }).linkBase).toBe("http://localhost:3000");
  });

  it("in production listens on every interface unless HOST says otherwise, and links to PUBLIC_URL", () => {
    const config = loadConfig(PRODUCTION);
    expect(config.host).toBe("0.0.0.0");
    expect(config.linkBase).toBe("https://samspill.example");
    expect(config.seedDemo).toBe(false);
    expect(config.localOidc).toBe(false);
    expect(loadConfig({ ...PRODUCTION, HOST: "10.0.0.5" }).host).toBe("10.0.0.5");
  });

  for (const name of ["SECRET", "PUBLIC_URL", "SMTP_URL"] as const) {
    it(`refuses to start in production without ${name}`, () => {
      const env: Record<string, string> = { ...PRODUCTION };
      delete env[name];
      expect(() => loadConfig(env)).toThrow(`production requires ${name}`);
    });
  }

  it("names everything production lacks at once", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(
      "production requires SECRET, PUBLIC_URL, SMTP_URL",
    );
  });

  it("names this instance by INSTANCE_ID, by default host name and port", () => {
    expect(loadConfig({ INSTANCE_ID: "samspill-0" }).instanceId).toBe("samspill-0");
    expect(loadConfig({ PORT: "3100" }).instanceId).toMatch(/^.+:3100$/);
  });

  it("refuses a malformed PUBLIC_URL and a short SECRET", () => {
    expect(() => loadConfig({ ...PRODUCTION, PUBLIC_URL: "samspill" })).toThrow(/PUBLIC_URL/);
    expect(() => loadConfig({ ...PRODUCTION, SECRET: "short" })).toThrow(/SECRET/);
  });
});
