import { and, asc, eq, gt, inArray, isNull, lte, or } from "drizzle-orm";
import type { Db } from "../../db/client";
import { isValidOrgNumber } from "./org-number";
import { municipalities, ppServiceMunicipalities, ppServices } from "./schema";

export type PpServiceInput = {
  name: string;
  orgNumber?: string | null;
  hostMunicipalityCode: string;
  /** The municipalities it serves; validTo is exclusive, null while it lasts. */
  municipalities: { code: string; validFrom: string; validTo?: string | null }[];
};

/**
 * Record a PP-tjeneste and the municipalities it serves. The host must be one of them; every
 * code must be a municipality on the day its service starts; the org number, when given, must
 * pass the check digit.
 */
export async function createPpService(db: Db, input: PpServiceInput): Promise<number> {
  if (input.orgNumber && !isValidOrgNumber(input.orgNumber)) {
    throw new Error(
      `PP-tjeneste "${input.name}": organisation number ${input.orgNumber} is invalid`,
    );
  }
  if (!input.municipalities.some((m) => m.code === input.hostMunicipalityCode)) {
    throw new Error(`PP-tjeneste "${input.name}": the host municipality must be one it serves`);
  }
  return db.transaction(async (tx) => {
    for (const m of input.municipalities) {
      const valid = await tx
        .select({ code: municipalities.code })
        .from(municipalities)
        .where(
          and(
            eq(municipalities.code, m.code),
            lte(municipalities.validFrom, m.validFrom),
            or(isNull(municipalities.validTo), gt(municipalities.validTo, m.validFrom)),
          ),
        );
      if (valid.length === 0) {
        throw new Error(
          `PP-tjeneste "${input.name}": ${m.code} is not a municipality on ${m.validFrom}`,
        );
      }
    }
    const [row] = await tx
      .insert(ppServices)
      .values({
        name: input.name,
        orgNumber: input.orgNumber ?? null,
        hostMunicipalityCode: input.hostMunicipalityCode,
      })
      .returning({ id: ppServices.id });
    await tx.insert(ppServiceMunicipalities).values(
      input.municipalities.map((m) => ({
        ppServiceId: row!.id,
        municipalityCode: m.code,
        validFrom: m.validFrom,
        validTo: m.validTo ?? null,
      })),
    );
    return row!.id;
  });
}

export type PpService = {
  id: number;
  name: string;
  orgNumber: string | null;
  hostMunicipalityCode: string;
  /** Served on the date, sorted by code, with their names then. */
  municipalities: { code: string; name: string }[];
};

/**
 * PP-tjenester with the municipalities each serves on a date. With `scope`, only those serving
 * one of the scope's municipalities (listed with all the municipalities they serve: which
 * municipalities share a PP-tjeneste is public).
 */
export async function ppServicesAt(
  db: Db,
  opts: { date: string; scope?: string[]; ids?: number[] },
): Promise<PpService[]> {
  const served = await db
    .select({
      id: ppServiceMunicipalities.ppServiceId,
      code: ppServiceMunicipalities.municipalityCode,
      name: municipalities.name,
    })
    .from(ppServiceMunicipalities)
    .innerJoin(
      municipalities,
      and(
        eq(municipalities.code, ppServiceMunicipalities.municipalityCode),
        lte(municipalities.validFrom, opts.date),
        or(isNull(municipalities.validTo), gt(municipalities.validTo, opts.date)),
      ),
    )
    .where(
      and(
        lte(ppServiceMunicipalities.validFrom, opts.date),
        or(isNull(ppServiceMunicipalities.validTo), gt(ppServiceMunicipalities.validTo, opts.date)),
        opts.ids ? inArray(ppServiceMunicipalities.ppServiceId, opts.ids) : undefined,
      ),
    )
    .orderBy(asc(ppServiceMunicipalities.municipalityCode));
  const scope = opts.scope ? new Set(opts.scope) : null;
  const ids = [...new Set(served.filter((s) => !scope || scope.has(s.code)).map((s) => s.id))];
  if (ids.length === 0) return [];
  const services = await db
    .select({
      id: ppServices.id,
      name: ppServices.name,
      orgNumber: ppServices.orgNumber,
      hostMunicipalityCode: ppServices.hostMunicipalityCode,
    })
    .from(ppServices)
    .where(inArray(ppServices.id, ids))
    .orderBy(asc(ppServices.searchKey), asc(ppServices.id));
  return services.map((s) => ({
    ...s,
    municipalities: served.filter((m) => m.id === s.id).map(({ code, name }) => ({ code, name })),
  }));
}

/** PP-tjenester's names by id; unknown ids left out. */
export async function ppServiceNames(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: ppServices.id, name: ppServices.name })
    .from(ppServices)
    .where(inArray(ppServices.id, ids));
  return new Map(rows.map((p) => [p.id, p.name]));
}
