import type { Context } from "hono";
import type { JSX } from "hono/jsx/jsx-runtime";
import type { ContentfulStatusCode } from "hono/utils/http-status";

export async function toHtml(node: JSX.Element): Promise<string> {
  return `<!DOCTYPE html>${await node.toString()}`;
}

export async function render(c: Context, node: JSX.Element, status: ContentfulStatusCode = 200) {
  return c.html(await toHtml(node), status);
}
