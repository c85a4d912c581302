/**
 * The base URL of every link in mail (newsletter confirmations and List-Unsubscribe, role
 * invitations, the invitation chain). It comes from configuration only, never from a request:
 * `Host`, `Origin` and `X-Forwarded-Host` are chosen by whoever sends the request, and a mail
 * linking to their host would carry a valid token to them.
 *
 * PUBLIC_URL when set. Otherwise (development and test only; production refuses to start
 * without it) the address the server listens on: http://localhost:PORT for a wildcard or
 * loopback HOST, http://HOST:PORT for any other specific address.
 */
export function linkBase(config: {
  env: "development" | "production" | "test";
  publicUrl: string | undefined;
  host: string;
  port: number;
}): string {
  if (config.publicUrl) return config.publicUrl.replace(/\/+$/, "");
  if (config.env === "production") throw new Error("PUBLIC_URL is required in production");
  const host = config.host.replace(/^\[|\]$/g, "");
  const local = ["0.0.0.0", "::", "127.0.0.1", "::1", "localhost", ""].includes(host);
  const name = local ? "localhost" : host.includes(":") ? `[${host}]` : host;
  return `http://${name}:${config.port}`;
}
