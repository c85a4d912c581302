import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { type AddressInfo, connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { SMTPServer } from "smtp-server";
import { afterAll, describe, expect, it } from "vitest";

/**
 * SIGTERM on a real server process (started by scripts/entrypoint.sh, the container's, on PGlite): a request still being uploaded
 * gets its answer, the mail being sent is sent, the job claimed beside it is released untried,
 * the process exits 0.
 */
describe("a server stopped with SIGTERM", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "samspill-stop-"));
  let child: ChildProcess | undefined;
  let smtp: SMTPServer | undefined;
  afterAll(async () => {
    if (child && child.exitCode === null) child.kill("SIGKILL");
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("finishes the request in flight and the mail being sent, releases the other claimed job, exits 0", async () => {
    // An SMTP server that takes three seconds to accept each mail.
    let mailStarted: () => void = () => {};
    const firstMail = new Promise<void>((resolve) => {
      mailStarted = resolve;
    });
    let accepted = 0;
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData(stream, _session, callback) {
        mailStarted();
        stream.resume();
        stream.on("end", () =>
          setTimeout(() => {
            accepted++;
            callback();
          }, 3000),
        );
      },
    });
    await new Promise<void>((resolve) => smtp!.listen(0, "127.0.0.1", resolve));
    const smtpPort = (smtp.server.address() as AddressInfo).port;

    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    let output = "";
    // Through the container's entrypoint, as a plain process: it must hand the signal on.
    child = spawn("sh", ["scripts/entrypoint.sh"], {
      env: {
        ...withoutDatabaseUrl(process.env),
        NODE_ENV: "production",
        HOST: "127.0.0.1",
        PORT: String(port),
        PUBLIC_URL: url,
        SECRET: "graceful-stop-test-secret-0123456789abcdef",
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        DATA_DIR: dataDir,
        SEED_DEMO: "false",
        LOCAL_OIDC: "false",
        INSTANCE_ID: "stop-test",
        SHUTDOWN_TIMEOUT_SECONDS: "15",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.on("data", (d) => {
      output += String(d);
    });
    child.stderr?.on("data", (d) => {
      output += String(d);
    });
    const exited = new Promise<number | null>((resolve) => child!.once("exit", resolve));

    // Ready: database, migrations, worker.
    const deadline = Date.now() + 240_000;
    for (;;) {
      const res = await fetch(`${url}/readyz`).catch(() => undefined);
      if (res?.status === 200) break;
      if (Date.now() > deadline || child.exitCode !== null)
        throw new Error(`not ready:\n${output}`);
      await new Promise((r) => setTimeout(r, 250));
    }

    const form = new URLSearchParams({
      name: "Test Testesen",
      email: "avsender@kommune.samspill.example",
      municipality: "3301",
      programme: "",
      topic: "question",
      message: "Når åpner påmeldingen?",
    }).toString();
    // One contact message: two mails queued (to the sender, to the inbox), claimed together.
    const sent = await fetch(`${url}/nb/kontakt`, {
      method: "POST",
      body: form,
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: url },
      redirect: "manual",
    });
    expect(sent.status).toBe(303);
    await firstMail;

    // A second request, its body still coming when the signal arrives.
    const socket = connect(port, "127.0.0.1");
    await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    let answer = "";
    socket.on("data", (d) => {
      answer += String(d);
    });
    const closedSocket = new Promise<void>((resolve) => socket.once("close", () => resolve()));
    const body = Buffer.from(form);
    socket.write(
      `POST /nb/kontakt HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${url}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`,
    );
    socket.write(body.subarray(0, 20));
    await new Promise((r) => setTimeout(r, 300));

    child.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 1000));
    // No new connections once stopping.
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    socket.end(body.subarray(20));
    await closedSocket;
    expect(answer).toMatch(/^HTTP\/1\.1 303 /);

    expect(await exited).toBe(0);
    expect(output).toContain("stopping");
    expect(output).toMatch(/jobs: released 1 claimed and not started/);
    expect(accepted).toBe(1);

    // The database after the stop: the mail sent is done; the one claimed beside it is free
    // and untried; the second message's two mails are queued, unclaimed.
    const db = await PGlite.create({ dataDir });
    try {
      const { rows } = await db.query<{
        done: boolean;
        locked_by: string | null;
        attempts: number;
      }>("select done_at is not null as done, locked_by, attempts from jobs order by id");
      expect(rows.filter((r) => r.done)).toHaveLength(1);
      const waiting = rows.filter((r) => !r.done);
      expect(waiting).toHaveLength(3);
      for (const r of waiting) expect(r).toEqual({ done: false, locked_by: null, attempts: 0 });
    } finally {
      await db.close();
    }
  }, 360_000);
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function withoutDatabaseUrl(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DATABASE_URL: _, ...rest } = env;
  return rest;
}
