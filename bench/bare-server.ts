// The baseline for public-page-vs-bare-node: plain node:http answering one fixed body, the
// same bytes and content-type the app served for the programme page. No routing, no
// middleware, no headers beyond what node:http adds itself. /healthz answers the same body.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const bodyFile = process.env.BODY_FILE;
const contentType = process.env.CONTENT_TYPE;
if (!bodyFile || !contentType) throw new Error("BODY_FILE and CONTENT_TYPE are required");
const body = readFileSync(bodyFile);
const headers = { "Content-Type": contentType, "Content-Length": String(body.length) };

const server = createServer((_req, res) => {
  res.writeHead(200, headers);
  res.end(body);
});
server.listen(Number(process.env.PORT), process.env.HOST ?? "127.0.0.1");
process.on("SIGTERM", () => server.close(() => process.exit(0)));
