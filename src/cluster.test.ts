import { readFileSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCluster } from "../scripts/cluster.mjs";
import { startSmtp } from "../tests/support/smtp";
import { migrationsFolder } from "./db/client";
import { demoEmail } from "./modules/identity";

type Cluster = Awaited<ReturnType<typeof startCluster>>;

// Two instances and nginx on loopback against PostgreSQL (PGlite is one process).
if (process.env.TEST_DATABASE_URL)
  describe("two instances behind nginx on one PostgreSQL", () => {
    const admin = process.env.TEST_DATABASE_URL!;
    const name = `samspill_cluster_${process.pid}`;
    const target = new URL(admin);
    target.pathname = `/${name}`;
    let cluster: Cluster | undefined;
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    const port = 18_000 + (process.pid % 1000);

    const sql = async (text: string) => {
      const c = new pg.Client({ connectionString: target.toString() });
      await c.connect();
      try {
        return (await c.query(text)).rows;
      } finally {
        await c.end();
      }
    };

    beforeAll(async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.query(`create database ${name}`);
      await c.end();
      smtp = await startSmtp();
      // Both start at once on an empty database: one migrates, the other waits.
      cluster = await startCluster({
        databaseUrl: target.toString(),
        instances: 2,
        port,
        firstInstancePort: port + 1,
        firstMetricsPort: port + 11,
        env: {
          SECRET: "cluster-test-secret-0123456789abcdef0123",
          SMTP_URL: smtp.url,
          SEED_DEMO: "true",
          RATE_LIMIT_FORMS_PER_MINUTE: "6",
        },
      });
    }, 240_000);
    afterAll(async () => {
      await cluster?.stop();
      await smtp?.close();
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    }, 60_000);

    it("migrated once when both started together", async () => {
      const journal = JSON.parse(
        readFileSync(`${migrationsFolder}/meta/_journal.json`, "utf8"),
      ) as { entries: unknown[] };
      const rows = await sql("select count(*)::int as n from drizzle.__drizzle_migrations");
      expect(rows[0].n).toBe(journal.entries.length);
      for (const i of cluster!.instances)
        expect((await fetch(`http://127.0.0.1:${i.port}/readyz`)).status).toBe(200);
    });

    it("signs in through the proxy, and the session works on either instance", async () => {
      const url = cluster!.url;
      const form = (body: Record<string, string>) => ({
        method: "POST",
        body: new URLSearchParams(body),
        headers: { Origin: url, "X-Forwarded-For": "192.0.2.10" },
        redirect: "manual" as const,
      });
      const asked = await fetch(`${url}/nb/logg-inn/e-post`, form({ email: demoEmail("kari") }));
      expect(asked.status).toBe(200);
      expect(asked.headers.get("x-request-id")).toMatch(/^[0-9a-f]{32}$/);
      const mail = await smtp.waitFor((m) => m.to === demoEmail("kari"), 30_000);
      const code = mail.subject.match(/^(\d{6}) /)?.[1];
      const signedIn = await fetch(
        `${url}/nb/logg-inn/kode`,
        form({ email: demoEmail("kari"), code: code! }),
      );
      expect(signedIn.status).toBe(303);
      const cookie = signedIn.headers.get("set-cookie")!.split(";")[0]!;
      for (const i of cluster!.instances) {
        const res = await fetch(`http://127.0.0.1:${i.port}/nb/meg`, {
          headers: { Cookie: cookie },
          redirect: "manual",
        });
        expect(res.status).toBe(200);
      }
    });

    it("shares the rate limit between the instances", async () => {
      const contact = (port: number) =>
        fetch(`http://127.0.0.1:${port}/nb/kontakt`, {
          method: "POST",
          body: new URLSearchParams({
            name: "Test Testesen",
            email: "avsender@kommune.samspill.example",
            municipality: "3301",
            programme: "",
            topic: "question",
            message: "Når åpner påmeldingen?",
          }),
          headers: { Origin: cluster!.url, "X-Forwarded-For": "192.0.2.77" },
          redirect: "manual",
        });
      const [a, b] = cluster!.instances.map((i) => i.port) as [number, number];
      const statuses: number[] = [];
      for (let n = 0; n < 4; n++) {
        statuses.push((await contact(a)).status);
        statuses.push((await contact(b)).status);
      }
      // Six a minute for one client, whichever instance answers.
      expect(statuses.slice(0, 6)).toEqual([303, 303, 303, 303, 303, 303]);
      expect(statuses.slice(6)).toEqual([429, 429]);
    });

    it("sends every mail once with both workers running", async () => {
      // The six contact messages: two mails each (sender, inbox), plus the sign-in code.
      const deadline = Date.now() + 60_000;
      for (;;) {
        const [row] = await sql(
          "select count(*) filter (where done_at is null and failed_at is null)::int as open, count(*)::int as n from jobs where (kind like '%mail%' or kind like 'mail%') and run_at <= now()",
        );
        if (row.open === 0 && row.n > 0) break;
        if (Date.now() > deadline) throw new Error(`jobs still open: ${JSON.stringify(row)}`);
        await new Promise((r) => setTimeout(r, 500));
      }
      const ids = smtp.received.map((m) => m.headers.get("message-id"));
      expect(ids.length).toBeGreaterThanOrEqual(13);
      expect(new Set(ids).size).toBe(ids.length);
      const [row] = await sql(
        "select max(attempts)::int as most from jobs where done_at is not null",
      );
      expect(row.most).toBe(1);
    }, 90_000);
  });
