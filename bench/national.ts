// What every national data set starts from: the reference data, the IBS programme as Udir owns
// it, and its programme admin. The benches then add their own cohorts and rows.
import type { Database } from "../src/db/client";
import { seedReference } from "../src/db/seed";
import { grantRole } from "../src/modules/identity";
import { people } from "../src/modules/identity/schema";
import { createProgramme } from "../src/modules/programmes";
import { ibsTexts } from "../src/modules/programmes/demo-content";

/** The reference data as on `today`, and IBS published at `now`; returns the programme's id. */
export async function ibsProgramme(db: Database["db"], today: string, now: Date): Promise<number> {
  await seedReference(db, { today });
  return createProgramme(
    db,
    {
      slug: "inkluderende-barnehage-og-skolemiljo",
      owner: "udir",
      model: "cohorts",
      startedOn: "2017-01-01",
      durationMinMonths: 24,
      durationMaxMonths: 24,
      deliveryMode: "mixed",
      publishedAt: now,
    },
    ibsTexts,
  );
}

/** Udir's programme admin for the bench named `bench`; returns the person. */
export async function udirProgrammeAdmin(db: Database["db"], now: Date, bench: string) {
  const [admin] = await db
    .insert(people)
    .values({ name: "Benk Admin", email: "benk@bench.example", createdAt: now })
    .returning();
  if (!admin) throw new Error(`${bench}: no admin`);
  const granted = await grantRole(
    db,
    { personId: admin.id, role: "programme-admin", orgId: "udir" },
    { personId: null, now },
  );
  if (!granted.ok) throw new Error(`${bench}: admin role refused`);
  return admin;
}
