// Samspill on several instances behind nginx, on one machine: for trying it and for the tests
// (docs/operations.md, "Several instances"). PostgreSQL as the machine has it.
//
//   node scripts/cluster.mjs --database-url postgres://postgres@127.0.0.1:5432/samspill \
//     --instances 2 --port 8080 [--first-instance-port 3101]
//
// Starts N instances (scripts/entrypoint.sh, NODE_ENV=production) on ports 3101, 3102, …
// (metrics on 9101, 9102, … on loopback) and nginx on --port in front (ops/nginx.conf filled
// in, in a directory of its own). Ctrl-C (or SIGTERM) stops them all gracefully.

import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Where Debian's nginx is. */
export function nginxBinary() {
  for (const path of ["/usr/sbin/nginx", "/usr/bin/nginx"]) {
    if (spawnSync(path, ["-v"]).status === 0) return path;
  }
  throw new Error("nginx is not installed (apt-get install -y nginx)");
}

/**
 * ops/nginx.conf with its placeholders filled in. `keepalive` (idle connections kept open to
 * the instances, per worker) is for benchmarks of GETs only: see the comment in ops/nginx.conf.
 */
export function nginxConfig({ prefix, listen, servers, workers = 1, keepalive = 0 }) {
  return readFileSync(join(root, "ops/nginx.conf"), "utf8")
    .replaceAll("{{PREFIX}}", prefix)
    .replaceAll("{{LISTEN}}", listen)
    .replaceAll("{{WORKERS}}", String(workers))
    .replaceAll("{{KEEPALIVE}}", keepalive > 0 ? `    keepalive ${keepalive};` : "")
    .replaceAll(
      "{{KEEPALIVE_HEADER}}",
      keepalive > 0 ? '      proxy_set_header Connection "";' : "",
    )
    .replaceAll(
      "{{SERVERS}}",
      servers.map((s) => `    server ${s} max_fails=1 fail_timeout=5s;`).join("\n"),
    );
}

/** Start nginx in front of `servers` ("127.0.0.1:3101", …), listening on `listen`. */
export async function startNginx({ listen, servers, workers = 1, keepalive = 0, cpus }) {
  const prefix = mkdtempSync(join(tmpdir(), "samspill-nginx-"));
  for (const d of ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"])
    mkdirSync(join(prefix, d), { recursive: true });
  writeFileSync(
    join(prefix, "nginx.conf"),
    nginxConfig({ prefix, listen, servers, workers, keepalive }),
  );
  const args = ["-p", prefix, "-c", join(prefix, "nginx.conf"), "-g", "daemon off;"];
  const [command, argv] = cpus
    ? ["taskset", ["-c", cpus, nginxBinary(), ...args]]
    : [nginxBinary(), args];
  const child = spawn(command, argv, { stdio: ["ignore", "inherit", "inherit"] });
  const [host, port] = listen.includes(":") ? listen.split(":") : ["127.0.0.1", listen];
  await waitFor(`http://${host}:${port}/healthz`, () => child.exitCode !== null, 20_000);
  return {
    child,
    prefix,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGQUIT");
      await exited;
    },
  };
}

/**
 * Start one instance (the entrypoint, as a container would) with `env` added to production
 * defaults. Resolves when it answers /readyz; `output` holds its log lines.
 */
export async function startInstance({ port, env, cpus, readyTimeoutMs = 300_000 }) {
  const [command, argv] = cpus
    ? ["taskset", ["-c", cpus, "sh", "scripts/entrypoint.sh"]]
    : ["sh", ["scripts/entrypoint.sh"]];
  const child = spawn(command, argv, {
    cwd: root,
    env: {
      ...process.env,
      // The entrypoint runs `node`: the one running this script (the project's pinned Node when
      // started from a benchmark), not an older one that happens to be first on PATH.
      PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ""}`,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      TRUST_PROXY: "true",
      LOCAL_OIDC: "false",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const instance = {
    child,
    port,
    output: [],
    exited: new Promise((r) => child.once("exit", (code, signal) => r(code ?? signal))),
    async stop(signal = "SIGTERM") {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await instance.exited;
    },
  };
  const keep = (d) => {
    for (const line of String(d).split("\n").filter(Boolean)) instance.output.push(line);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  await waitFor(
    `http://127.0.0.1:${port}/readyz`,
    () => child.exitCode !== null,
    readyTimeoutMs,
  ).catch((e) => {
    throw new Error(`${e.message}\n${instance.output.slice(-20).join("\n")}`);
  });
  return instance;
}

async function waitFor(url, dead, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(url).catch(() => undefined);
    if (res?.status === 200) return;
    if (dead()) throw new Error(`${url}: the process exited`);
    if (Date.now() > deadline) throw new Error(`${url}: not ready in ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** N instances on one database, nginx in front. */
export async function startCluster({
  databaseUrl,
  instances = 2,
  port = 8080,
  firstInstancePort = 3101,
  firstMetricsPort = 9101,
  env = {},
}) {
  const publicUrl = `http://127.0.0.1:${port}`;
  const started = await Promise.all(
    Array.from({ length: instances }, (_, i) =>
      startInstance({
        port: firstInstancePort + i,
        env: {
          DATABASE_URL: databaseUrl,
          PUBLIC_URL: publicUrl,
          INSTANCE_ID: `instance-${i + 1}`,
          METRICS_PORT: String(firstMetricsPort + i),
          ...env,
        },
      }),
    ),
  );
  const nginx = await startNginx({
    listen: `127.0.0.1:${port}`,
    servers: started.map((s) => `127.0.0.1:${s.port}`),
  });
  return {
    url: publicUrl,
    instances: started,
    nginx,
    async stop() {
      await nginx.stop();
      await Promise.all(started.map((s) => s.stop()));
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({
    options: {
      "database-url": { type: "string" },
      instances: { type: "string", default: "2" },
      port: { type: "string", default: "8080" },
      "first-instance-port": { type: "string", default: "3101" },
    },
  });
  const databaseUrl = values["database-url"] ?? process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error("give --database-url (or DATABASE_URL): the instances share one PostgreSQL");
    process.exit(2);
  }
  for (const name of ["SECRET", "SMTP_URL"]) {
    if (!process.env[name]) {
      console.error(`set ${name} (the same for every instance; see docs/operations.md)`);
      process.exit(2);
    }
  }
  const cluster = await startCluster({
    databaseUrl,
    instances: Number(values.instances),
    port: Number(values.port),
    firstInstancePort: Number(values["first-instance-port"]),
  });
  for (const i of cluster.instances) i.child.stdout.pipe(process.stdout);
  console.log(
    `Samspill: ${cluster.instances.length} instances (${cluster.instances.map((i) => i.port).join(", ")}) behind nginx at ${cluster.url}/`,
  );
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await cluster.stop();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
