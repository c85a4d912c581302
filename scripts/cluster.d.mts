import type { ChildProcess } from "node:child_process";

export type Instance = {
  child: ChildProcess;
  port: number;
  output: string[];
  exited: Promise<number | string | null>;
  stop(signal?: NodeJS.Signals): Promise<void>;
};
export type Nginx = { child: ChildProcess; prefix: string; stop(): Promise<void> };

export function nginxBinary(): string;
export function nginxConfig(o: {
  prefix: string;
  listen: string;
  servers: string[];
  workers?: number;
  keepalive?: number;
}): string;
export function startNginx(o: {
  listen: string;
  servers: string[];
  workers?: number;
  keepalive?: number;
  cpus?: string;
}): Promise<Nginx>;
export function startInstance(o: {
  port: number;
  env: Record<string, string>;
  cpus?: string;
  readyTimeoutMs?: number;
}): Promise<Instance>;
export function startCluster(o: {
  databaseUrl: string;
  instances?: number;
  port?: number;
  firstInstancePort?: number;
  firstMetricsPort?: number;
  env?: Record<string, string>;
}): Promise<{ url: string; instances: Instance[]; nginx: Nginx; stop(): Promise<void> }>;
