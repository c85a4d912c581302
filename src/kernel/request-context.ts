import { AsyncLocalStorage } from "node:async_hooks";

/** Who is asking, for the layout's header: set once per request by the session middleware. */
export type Viewer = { personId: number; name: string; permissions: string[] } | null;

const store = new AsyncLocalStorage<{ viewer: Viewer }>();

export function runWithViewer<T>(viewer: Viewer, fn: () => Promise<T>): Promise<T> {
  return store.run({ viewer }, fn);
}

export function currentViewer(): Viewer {
  return store.getStore()?.viewer ?? null;
}
