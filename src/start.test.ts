import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/**
 * The README's first command, as a newcomer runs it: `npm start` (scripts/start.mjs) builds the
 * compiled server when it is missing or stale and runs it on an empty embedded database. The
 * unit tests import the TypeScript sources, so only this test sees the bundle: a package that
 * cannot be bundled (a CommonJS require of Node's own modules, a package import of data files)
 * broke the start once while every other test passed.
 */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });

describe("npm start", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "samspill-start-"));
  let child: ChildProcess | undefined;
  let output = "";
  afterAll(() => {
    child?.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("builds, seeds the demo on an empty data directory, answers, and stops on SIGTERM", async () => {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: "127.0.0.1" };
    for (const key of ["DATABASE_URL", "TEST_DATABASE_URL", "NODE_ENV", "VITEST", "VITEST_MODE"])
      delete env[key];
    env.DATA_DIR = dataDir;
    child = spawn(process.execPath, ["scripts/start.mjs"], { env, stdio: "pipe" });
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-6000);
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    const exited = new Promise<number | null>((resolve) => child?.once("exit", resolve));

    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 240_000;
    let status = 0;
    while (status !== 200) {
      if (child.exitCode !== null) throw new Error(`npm start exited:\n${output}`);
      if (Date.now() > deadline) throw new Error(`no answer within 240 s:\n${output}`);
      await new Promise((r) => setTimeout(r, 250));
      status = await fetch(`${base}/readyz`).then(
        (res) => res.status,
        () => 0,
      );
    }
    // The demo programme's public page, from the seeded database through the compiled server.
    const page = await fetch(`${base}/nb/tilbud/inkluderende-barnehage-og-skolemiljo`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Inkluderende barnehage- og skolemiljø");

    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  }, 300_000);
});
