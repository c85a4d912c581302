// Benchmark 3: bytes transferred on a first load of the IBS page in a real browser (Chromium
// via playwright-core), compressed as the browser negotiates it: HTML, CSS, fonts, scripts and
// anything else the page pulls in. 1 kB = 1000 bytes.
import { chromium } from "playwright-core";
import { bench, log } from "./lib";
import { IBS_PATH } from "./public-page";

const CHROMIUM = "/usr/bin/chromium";
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

type Resource = {
  url: string;
  type: string;
  status: number;
  encoding: string;
  acceptEncoding: string;
  bytes: number;
  failed?: string;
};

export async function pageWeightBenchmark(origin: string) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  const resources = new Map<string, Resource>();
  try {
    const context = await browser.newContext(); // fresh: empty cache, no cookies
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const entry = (id: string) => {
      let r = resources.get(id);
      if (!r) {
        r = { url: "", type: "", status: 0, encoding: "", acceptEncoding: "", bytes: 0 };
        resources.set(id, r);
      }
      return r;
    };
    cdp.on("Network.requestWillBeSent", (e) => {
      const r = entry(e.requestId);
      r.url = e.request.url;
      r.type = e.type ?? "";
    });
    cdp.on("Network.requestWillBeSentExtraInfo", (e) => {
      const headers = e.headers as Record<string, string>;
      const value = Object.entries(headers).find(([k]) => k.toLowerCase() === "accept-encoding");
      entry(e.requestId).acceptEncoding = value?.[1] ?? "";
    });
    cdp.on("Network.responseReceived", (e) => {
      const r = entry(e.requestId);
      r.status = e.response.status;
      const headers = e.response.headers as Record<string, string>;
      const value = Object.entries(headers).find(([k]) => k.toLowerCase() === "content-encoding");
      r.encoding = value?.[1] ?? "identity";
    });
    // encodedDataLength on loadingFinished: every byte received for the request, response
    // headers included, body as it came over the wire (compressed) — DevTools' "transferred".
    cdp.on("Network.loadingFinished", (e) => {
      entry(e.requestId).bytes = e.encodedDataLength;
    });
    cdp.on("Network.loadingFailed", (e) => {
      entry(e.requestId).failed = e.errorText;
    });
    await cdp.send("Network.enable");

    const response = await page.goto(origin + IBS_PATH, { waitUntil: "networkidle" });
    if (response?.status() !== 200) throw new Error(`IBS page answered ${response?.status()}`);
    // Fonts are requested when text is laid out; give late ones a moment to finish.
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.waitForLoadState("networkidle");
    await context.close();
  } finally {
    await browser.close();
  }

  const list = [...resources.values()].filter((r) => r.url !== "");
  let total = 0;
  log(`first load of ${IBS_PATH} in ${CHROMIUM} (fresh context):`);
  for (const r of list) {
    total += r.bytes;
    const full = r.url.startsWith(origin) ? r.url.slice(origin.length) : r.url;
    const name = full.length > 80 ? `${full.slice(0, 77)}...` : full;
    log(
      `  ${(r.bytes / 1000).toFixed(1).padStart(6)} kB  ${r.status} ${r.type.padEnd(10)} ` +
        `${r.encoding.padEnd(8)} ${name}${r.failed ? ` FAILED ${r.failed}` : ""}`,
    );
  }
  // The browser asks for /favicon.ico by itself; the app has none, so that is a 404 page. It
  // is transferred on a first load, so it counts, but it is not a broken page resource.
  const failed = list.filter(
    (r) => r.failed || (r.status >= 400 && !r.url.endsWith("/favicon.ico")),
  );
  const accept = list.find((r) => r.type === "Document")?.acceptEncoding;
  log(
    `  ${list.length} responses, ${total} bytes (headers included); ` +
      `the browser sent Accept-Encoding: ${accept || "?"}`,
  );
  if (failed.length > 0) throw new Error(`page weight: ${failed.length} requests failed`);
  bench("programme-page-bytes", (total / 1000).toFixed(1), "kB", "<=", "60");
  return { total };
}
