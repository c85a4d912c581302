// Benchmark: a newsletter to 10,000 subscribers, sent by the app itself (scripts/start.mjs, the
// production bundle, on an embedded database in a temp data dir) through a real SMTP server on
// loopback that counts every mail it takes, by recipient. When the server has taken half, it
// kills the app with SIGKILL while receiving the next mail (before answering it, so that mail is
// not taken), and the app is started again under the same INSTANCE_ID. Figures: seconds from the
// first start to the last mail taken (both starts included), mails taken twice, mails never
// taken. Run alone: `node --import tsx bench/newsletter-10k.ts`.
import { type ChildProcess, spawn } from "node:child_process";
import type { AddressInfo } from "node:net";
import { PGlite } from "@electric-sql/pglite";
import { SMTPServer } from "smtp-server";
import { wrapPglite } from "../src/db/client";
import { createDraft, requestSend } from "../src/modules/mailings";
import { newsletterSubscriptions } from "../src/modules/newsletter/schema";
import { bench, HOST, log, pinnedNode, root, tempDir } from "./lib";

const N = Number(process.env.BENCH_NEWSLETTER_N ?? 10_000);
const KILL_AT = Math.floor(N / 2);

async function prepare(dir: string) {
  const t0 = performance.now();
  const database = wrapPglite(await PGlite.create({ dataDir: dir }));
  await database.migrate();
  const now = new Date();
  const programmeId = 1;
  const rows = Array.from({ length: N }, (_, i) => ({
    email: `abonnent${i}@lesere.demo.samspill.example`,
    programmeId,
    lang: i % 4 === 0 ? "nn" : "nb",
    status: "confirmed" as const,
    consentTextVersion: "bench",
    consentedAt: now,
    confirmedAt: now,
  }));
  for (let i = 0; i < rows.length; i += 1000) {
    await database.db.insert(newsletterSubscriptions).values(rows.slice(i, i + 1000));
  }
  const id = await createDraft(
    database.db,
    {
      kind: "newsletter",
      programmeId,
      cohortId: null,
      audience: { langs: ["nb", "nn"] },
      senderName: "FUB/FUG",
      senderPersonId: null,
      replyTo: "post@fub.demo.samspill.example",
      subjectNb: "Nyhetsbrev",
      subjectNn: "Nyheitsbrev",
      bodyNb: "## Hei\n\nNytt fra **FUB**: [les mer](https://fub.demo.samspill.example).",
      bodyNn: "## Hei\n\nNytt frå **FUB**: [les meir](https://fub.demo.samspill.example).",
    },
    now,
  );
  const sent = await requestSend(database.db, id, { at: null, now, audiences: {} });
  if (!sent.ok) throw new Error(`newsletter-10k: send refused ${JSON.stringify(sent.errors)}`);
  await database.close();
  log(
    `newsletter-10k: ${N} subscribers and the send prepared in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}

export async function newsletterBenchmark(dir = tempDir("newsletter")) {
  await prepare(dir);
  const counts = new Map<string, number>();
  let accepted = 0;
  let lastAt = 0;
  /** When each start's first mail was taken: the start's own time, apart from the sending. */
  const firstAt: number[] = [];
  let runs = 0;
  let child: ChildProcess | undefined;
  let killed = false;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const to = session.envelope.rcptTo[0]?.address ?? "";
      stream.on("data", () => {});
      stream.on("end", () => {
        if (!killed && accepted === KILL_AT) {
          killed = true;
          child?.kill("SIGKILL");
          callback(new Error("the sender is gone"));
          return;
        }
        accepted++;
        lastAt = performance.now();
        if (firstAt.length < runs) firstAt.push(lastAt);
        counts.set(to, (counts.get(to) ?? 0) + 1);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
  const port = (server.server.address() as AddressInfo).port;
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  delete env.DATABASE_URL;
  Object.assign(env, {
    NODE_ENV: "production",
    SECRET: "bench-secret-bench-secret-bench-secret",
    PUBLIC_URL: "http://127.0.0.1",
    SMTP_URL: `smtp://${HOST}:${port}/?pool=true`,
    SEED_DEMO: "false",
    DATA_DIR: dir,
    HOST,
    PORT: "0",
    INSTANCE_ID: "newsletter-bench",
    MAILING_RATE_PER_SECOND: "2000",
  });
  const start = () => {
    runs++;
    const c = spawn(pinnedNode, ["scripts/start.mjs"], {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
      // Where a start's time goes (the app's own line, phases only).
      const started = chunk.toString().match(/"msg":"(started in [^"]*)"/)?.[1];
      if (started) log(`newsletter-10k: the app ${started}`);
    };
    c.stdout?.on("data", keep);
    c.stderr?.on("data", keep);
    return { c, exited: new Promise<void>((resolve) => c.once("exit", () => resolve())) };
  };
  let output = "";
  const t0 = performance.now();
  try {
    let run = start();
    child = run.c;
    await run.exited;
    if (!killed) throw new Error(`newsletter-10k: the app stopped by itself:\n${output}`);
    const killedAt = performance.now();
    log(
      `newsletter-10k: first mail ${((firstAt[0]! - t0) / 1000).toFixed(1)} s after the start; killed after ${accepted} mails, ${((killedAt - t0) / 1000).toFixed(1)} s in`,
    );
    run = start();
    child = run.c;
    const deadline = Date.now() + 300_000;
    while (accepted < N && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    // A moment more: a mail sent twice would arrive now.
    await new Promise((r) => setTimeout(r, 2000));
    child.kill("SIGTERM");
    await run.exited;
  } finally {
    if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  if (firstAt[1] !== undefined) {
    log(
      `newsletter-10k: the restart's first mail ${((firstAt[1] - t0) / 1000).toFixed(1)} s in; the last ${((lastAt - t0) / 1000).toFixed(1)} s in`,
    );
  }
  let duplicates = 0;
  for (const n of counts.values()) duplicates += n - 1;
  const missing = N - counts.size;
  const seconds = ((lastAt - t0) / 1000).toFixed(1);
  bench(
    "newsletter-10k-seconds",
    seconds,
    "s",
    "<=",
    "60",
    `${N} subscribers, one kill and restart, both starts included`,
  );
  bench("newsletter-10k-duplicates", String(duplicates), "mails", "==", "0");
  bench("newsletter-10k-missing", String(missing), "mails", "==", "0");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await newsletterBenchmark();
  process.exit(0);
}
