import { readFile } from "node:fs/promises";
import { z } from "zod";

/** SSB Klass API v1: `/classifications/{id}/codes?from=&to=` (codes with their validity). */
export const klassCodesSchema = z.object({
  codes: z.array(
    z.object({
      code: z.string().regex(/^\d{2,4}$/),
      name: z.string().min(1),
      validFromInRequestedRange: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      validToInRequestedRange: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .nullable()
        .optional(),
    }),
  ),
});

/** SSB Klass API v1: `/classifications/{id}/changes?from=&to=`. */
export const klassChangesSchema = z.object({
  codeChanges: z.array(
    z.object({
      oldCode: z.string(),
      oldName: z.string(),
      newCode: z.string(),
      newName: z.string(),
      changeOccurred: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    }),
  ),
});

export type KlassCodes = z.infer<typeof klassCodesSchema>;
export type KlassChanges = z.infer<typeof klassChangesSchema>;

export type KlassSnapshot = {
  counties: KlassCodes;
  municipalities: KlassCodes;
  changes: KlassChanges;
};

export const REFERENCE_DIR = new URL("../../db/reference/", import.meta.url);

async function readJson(url: URL): Promise<unknown> {
  return JSON.parse(await readFile(url, "utf8"));
}

/** The snapshot shipped with Samspill (see src/db/reference/README.md for source and date). */
export async function readKlassSnapshot(dir: URL = REFERENCE_DIR): Promise<KlassSnapshot> {
  return {
    counties: klassCodesSchema.parse(await readJson(new URL("klass-104-codes.json", dir))),
    municipalities: klassCodesSchema.parse(await readJson(new URL("klass-131-codes.json", dir))),
    changes: klassChangesSchema.parse(await readJson(new URL("klass-131-changes.json", dir))),
  };
}

/** The same data fetched from a Klass API (KLASS_URL, e.g. https://data.ssb.no/api/klass/v1). */
export async function fetchKlass(
  baseUrl: string,
  from: string,
  to: string,
): Promise<KlassSnapshot> {
  const get = async (path: string) => {
    const response = await fetch(`${baseUrl.replace(/\/$/, "")}${path}`, {
      headers: { Accept: "application/json" },
    });
    if (!response.ok) throw new Error(`Klass answered ${response.status} for ${path}`);
    return response.json();
  };
  const range = `from=${from}&to=${to}`;
  return {
    counties: klassCodesSchema.parse(await get(`/classifications/104/codes?${range}`)),
    municipalities: klassCodesSchema.parse(await get(`/classifications/131/codes?${range}`)),
    changes: klassChangesSchema.parse(await get(`/classifications/131/changes?${range}`)),
  };
}
