// The deadline rush's browsers, in a worker thread of their own: their HTTP and gunzip work is
// not the server's, and does not wait behind it on the server's thread (browsers are other
// machines). bench/deadline-rush.ts starts this file as a worker and reads its result.
import { Agent, request } from "node:http";
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { gunzipSync } from "node:zlib";

export type RushMunicipality = {
  code: string;
  applicationId: number;
  cookie: string;
  /** When, in ms after the rush began, the coordinator opens the application to submit it. */
  at: number;
};

export type ClientsInput = { origin: string; clients: number; municipalities: RushMunicipality[] };

export type ClientsResult = {
  /** From the click on "Send inn" to the receipt read, per submission answered with one. */
  submitMs: number[];
  /** The application's page (the one with the button), before the click. */
  pageMs: number[];
  /** The content hash each receipt showed, by application id. */
  receipts: [number, string][];
  failures: string[];
  /** From the first request to the last answer. */
  rushMs: number;
  /** How far behind its instant each submission began (the clients were all busy). */
  lateMs: number[];
};

type Answer = { status: number; location: string | undefined; body: string };

/**
 * One request, sent again once when the server closed a kept-alive connection as it was reused
 * (its keep-alive timer and our request crossed): browsers resend in that case too.
 */
async function httpRequest(
  agent: Agent,
  url: string,
  method: "GET" | "POST",
  headers: Record<string, string>,
): Promise<Answer> {
  try {
    return await send(agent, url, method, headers);
  } catch (error) {
    if ((error as { reused?: boolean }).reused) return send(agent, url, method, headers);
    throw error;
  }
}

function send(
  agent: Agent,
  url: string,
  method: "GET" | "POST",
  headers: Record<string, string>,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method,
        agent,
        headers: method === "POST" ? { ...headers, "Content-Length": "0" } : headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const raw = Buffer.concat(chunks);
          const gzipped = res.headers["content-encoding"] === "gzip";
          resolve({
            status: res.statusCode ?? 0,
            location: res.headers.location,
            body: (gzipped ? gunzipSync(raw) : raw).toString("utf8"),
          });
        });
        res.on("error", reject);
      },
    );
    req.on("error", (error: NodeJS.ErrnoException) => {
      const reset = error.code === "ECONNRESET" || error.code === "EPIPE";
      reject(Object.assign(error, { reused: reset && req.reusedSocket }));
    });
    req.setTimeout(60_000, () => req.destroy(new Error(`timeout: ${method} ${url}`)));
    req.end();
  });
}

/**
 * `clients` browsers: each takes the next municipality in order of its instant, waits for that
 * instant, and submits; when every client is busy, submissions begin late (`lateMs`).
 */
export async function runClients(input: ClientsInput): Promise<ClientsResult> {
  const { origin } = input;
  const agent = new Agent({ keepAlive: true, maxSockets: input.clients });
  const result: ClientsResult = {
    submitMs: [],
    pageMs: [],
    receipts: [],
    failures: [],
    rushMs: 0,
    lateMs: [],
  };
  const queue = [...input.municipalities].sort((a, b) => a.at - b.at);
  let next = 0;

  const submitAs = async (m: RushMunicipality) => {
    const headers = { Cookie: m.cookie, "Accept-Encoding": "gzip" };
    const page = `${origin}/nb/soknader/${m.applicationId}`;
    const p0 = performance.now();
    const shown = await httpRequest(agent, page, "GET", headers);
    result.pageMs.push(performance.now() - p0);
    if (shown.status !== 200 || !shown.body.includes(`/soknader/${m.applicationId}/send`)) {
      result.failures.push(`${m.code}: the application's page answered ${shown.status}`);
      return;
    }
    const s0 = performance.now();
    const sent = await httpRequest(agent, `${page}/send`, "POST", {
      ...headers,
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: origin,
      "Sec-Fetch-Site": "same-origin",
    });
    if (sent.status !== 303 || !sent.location) {
      result.failures.push(`${m.code}: send answered ${sent.status}`);
      return;
    }
    const receipt = await httpRequest(agent, new URL(sent.location, origin).toString(), "GET", {
      ...headers,
    });
    result.submitMs.push(performance.now() - s0);
    const hash = /data-testid="receipt-hash"[^>]*>([0-9a-f]{64})</.exec(receipt.body)?.[1];
    if (receipt.status !== 200 || !hash) {
      result.failures.push(`${m.code}: the receipt answered ${receipt.status} without a hash`);
      return;
    }
    result.receipts.push([m.applicationId, hash]);
  };

  const t0 = performance.now();
  try {
    await Promise.all(
      Array.from({ length: input.clients }, async () => {
        while (next < queue.length) {
          const m = queue[next++]!;
          const wait = t0 + m.at - performance.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          result.lateMs.push(Math.max(0, performance.now() - (t0 + m.at)));
          try {
            await submitAs(m);
          } catch (error) {
            result.failures.push(`${m.code}: ${(error as Error).message}`);
          }
        }
      }),
    );
  } finally {
    agent.destroy();
  }
  result.rushMs = performance.now() - t0;
  return result;
}

if (!isMainThread && parentPort) {
  parentPort.postMessage(await runClients(workerData as ClientsInput));
}
