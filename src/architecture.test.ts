import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { is, Table } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { schema } from "./db/schema";
import { appModules } from "./modules";

// The module boundary (ARCHITECTURE.md): a module reaches another only through the other's
// index.ts, never its schema or internal files. This test is the build's check of it. One
// exception, and only for schema files: a module's schema.ts may import another module's
// foreign-keys.ts, which re-exports the tables a foreign key may reference
// (docs/decisions/0018-foreign-keys-across-modules.md). Nothing else crosses; no list of
// exceptions is kept.

const SRC = dirname(fileURLToPath(import.meta.url));
const MODULES = join(SRC, "modules");

/** The one file of a module that other modules' schema.ts may import, for foreign keys. */
const FOREIGN_KEYS = "foreign-keys";

/** Every file under dir, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );
}

const isSource = (file: string) => /\.(ts|tsx)$/.test(file) && !/\.test\.tsx?$/.test(file);

/** Every module specifier a file names: static and dynamic imports and re-exports. */
function specifiersOf(text: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?[^;"']*?\sfrom\s*["']([^"']+)["']/g,
    /\bimport\s*["']([^"']+)["']/g,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const pattern of patterns) {
    for (const m of text.matchAll(pattern)) found.push(m[1]!);
  }
  return found;
}

/** A module-internal file another module names: "importer → imported", or null when allowed. */
function crossing(file: string, specifier: string): string | null {
  if (!specifier.startsWith(".")) return null;
  const from = relative(MODULES, file).split(sep);
  const to = relative(MODULES, resolve(dirname(file), specifier)).split(sep);
  if (to[0] === ".." || to.length < 2) return null; // outside src/modules, or the module list
  if (to[0] === from[0]) return null; // within the module
  const strip = (parts: string[]) => parts.join("/").replace(/\.(ts|tsx|js)$/, "");
  const target = strip(to.slice(1));
  if (target === "index") return null;
  // A table object for a foreign key, taken by a schema file only.
  if (target === FOREIGN_KEYS && strip(from.slice(1)) === "schema") return null;
  return `${strip(from)} → ${strip(to)}`;
}

function crossingsToday(): string[] {
  const modules = readdirSync(MODULES, { withFileTypes: true }).filter((e) => e.isDirectory());
  const all = new Set<string>();
  for (const m of modules) {
    for (const file of filesUnder(join(MODULES, m.name)).filter(isSource)) {
      for (const specifier of specifiersOf(readFileSync(file, "utf8"))) {
        const c = crossing(file, specifier);
        if (c) all.add(c);
      }
    }
  }
  return [...all].sort();
}

describe("the module boundary", () => {
  it("finds imports in every form a file can write them", () => {
    const text = [
      'import { a } from "../programmes/schema";',
      'import type { B } from "../identity/people";',
      "import {\n  c,\n  d,\n} from '../organisations/schema';",
      'export { e } from "../cohorts/chain";',
      'export * from "./local";',
      'const f = await import("../feedback/service");',
      'import "../pages/texts";',
    ].join("\n");
    expect(specifiersOf(text)).toEqual([
      "../programmes/schema",
      "../identity/people",
      "../organisations/schema",
      "../cohorts/chain",
      "./local",
      "../pages/texts",
      "../feedback/service",
    ]);
  });

  it("tells another module's internals from its index and from the module's own files", () => {
    const file = join(MODULES, "identity", "role-admin.ts");
    expect(crossing(file, "../programmes/schema")).toBe("identity/role-admin → programmes/schema");
    expect(crossing(file, "../programmes/schema.ts")).toBe(
      "identity/role-admin → programmes/schema",
    );
    expect(crossing(file, "../programmes")).toBeNull();
    expect(crossing(file, "../programmes/index")).toBeNull();
    expect(crossing(file, "./people")).toBeNull();
    expect(crossing(file, "../../kernel/clock")).toBeNull();
    expect(crossing(file, "hono")).toBeNull();
  });

  it("lets a schema file, and only a schema file, take another module's foreign-key tables", () => {
    const schemaFile = join(MODULES, "cohorts", "schema.ts");
    expect(crossing(schemaFile, "../programmes/foreign-keys")).toBeNull();
    expect(crossing(schemaFile, "../programmes/foreign-keys.ts")).toBeNull();
    expect(crossing(schemaFile, "../programmes/schema")).toBe("cohorts/schema → programmes/schema");
    const other = join(MODULES, "cohorts", "overview.ts");
    expect(crossing(other, "../programmes/foreign-keys")).toBe(
      "cohorts/overview → programmes/foreign-keys",
    );
    const nested = join(MODULES, "cohorts", "views", "schema.ts");
    expect(crossing(nested, "../../programmes/foreign-keys")).toBe(
      "cohorts/views/schema → programmes/foreign-keys",
    );
  });

  it("is not crossed: every module reaches another through its index.ts", () => {
    const found = crossingsToday();
    console.log(`module boundary: ${found.length} crossings of another module's internals`);
    if (found.length > 0) {
      console.log(
        `import through the other module's index.ts instead (a schema.ts may take a table for a foreign key from its foreign-keys.ts):\n  ${found.join("\n  ")}`,
      );
    }
    expect(found).toEqual([]);
  });

  it("offers in each foreign-keys.ts only tables of the module's own schema.ts", async () => {
    const folders = readdirSync(MODULES, { withFileTypes: true }).filter((e) => e.isDirectory());
    const checked: string[] = [];
    for (const { name: folder } of folders) {
      const file = join(MODULES, folder, `${FOREIGN_KEYS}.ts`);
      if (!readdirSync(join(MODULES, folder)).includes(`${FOREIGN_KEYS}.ts`)) continue;
      checked.push(folder);
      const offered: Record<string, unknown> = await import(file);
      const tables = Object.values(
        (await import(join(MODULES, folder, "schema.ts"))) as Record<string, unknown>,
      );
      expect(Object.keys(offered).length, file).toBeGreaterThan(0);
      for (const [name, value] of Object.entries(offered)) {
        expect(tables.includes(value), `${folder}/${FOREIGN_KEYS}.ts ${name}`).toBe(true);
        expect(is(value, Table), `${folder}/${FOREIGN_KEYS}.ts ${name}`).toBe(true);
      }
      // It names nothing but the module's own schema, so it cannot lend anything else.
      expect(
        specifiersOf(readFileSync(file, "utf8")),
        `${folder}/${FOREIGN_KEYS}.ts imports`,
      ).toEqual(["./schema"]);
    }
    // At least cohorts' foreign key to programmes goes through one: the check looked.
    expect(checked).toContain("programmes");
  });
});

describe("the module list", () => {
  const folders = readdirSync(MODULES, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

  it("names every module folder once, each by its manifest", () => {
    const names = appModules().map((m) => m.name);
    expect([...names].sort()).toEqual(folders);
  });

  it("gives the database every table of every module's schema.ts", async () => {
    for (const folder of folders) {
      const file = join(MODULES, folder, "schema.ts");
      if (!readdirSync(join(MODULES, folder)).includes("schema.ts")) continue;
      const tables: Record<string, unknown> = await import(file);
      const manifest = appModules().find((m) => m.name === folder);
      for (const [name, table] of Object.entries(tables)) {
        expect(manifest?.schema?.[name], `${folder}/schema.ts ${name}`).toBe(table);
        expect(schema[name], `${folder}/schema.ts ${name}`).toBe(table);
      }
    }
  });

  it("seeds each module's demo at its own place in the order", () => {
    const orders = appModules().flatMap((m) => (m.demo ? [m.demo.order] : []));
    expect(new Set(orders).size).toBe(orders.length);
  });

  it("places each menu entry at its own position", () => {
    const positions = appModules().flatMap((m) => (m.nav ?? []).map((n) => n.position));
    expect(new Set(positions).size).toBe(positions.length);
  });
});
