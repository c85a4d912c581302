import { inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { osloToday } from "../../kernel/clock";
import type { DemoSeed } from "../../kernel/manifest";
import { countyOfficesAt, unitsOfMunicipality } from "../organisations";
import type { LocalAccount } from "./local-provider";
import { grantRole } from "./people";
import type { Role } from "./roles";
import { identities, people } from "./schema";

/** The demo people, last: their roles are at the organisations' demo office and units. */
export const identityDemo: DemoSeed = { order: 40, people: seedDemoPeople };

/**
 * The demo people, one for every role (clearly marked as demo data). Each signs in with one
 * click on the local provider's page: ID-porten for the administrations, Feide for school
 * staff. Two more accounts exist only at the providers: a Feide teacher at a known school,
 * who becomes its staff at first sign-in, and a person with no role, who is told how to get one.
 */
type DemoPerson = {
  key: string;
  name: string;
  role: Role;
  provider: "idporten" | "feide";
  org: (ctx: DemoOrgs) => string;
};

type DemoOrgs = { agderOffice: string; school: string; kindergarten: string };

const DEMO_MUNICIPALITY = "4204"; // Kristiansand

const DEMO_PEOPLE: DemoPerson[] = [
  {
    key: "ada",
    name: "Ada Direktorat",
    role: "programme-admin",
    provider: "idporten",
    org: () => "udir",
  },
  {
    key: "frida",
    name: "Frida Foreldreutvalg",
    role: "programme-admin",
    provider: "idporten",
    org: () => "fub",
  },
  {
    key: "siv",
    name: "Siv Statsforvalter",
    role: "county-coordinator",
    provider: "idporten",
    org: (o) => o.agderOffice,
  },
  {
    key: "kari",
    name: "Kari Kommune",
    role: "municipal-coordinator",
    provider: "idporten",
    org: () => DEMO_MUNICIPALITY,
  },
  {
    key: "rune",
    name: "Rune Ressurs",
    role: "resource-person",
    provider: "idporten",
    org: () => DEMO_MUNICIPALITY,
  },
  {
    key: "bente",
    name: "Bente Barnehage",
    role: "unit-leader",
    provider: "idporten",
    org: (o) => o.kindergarten,
  },
  {
    key: "sverre",
    name: "Sverre Skoleleder",
    role: "unit-leader",
    provider: "feide",
    org: (o) => o.school,
  },
  { key: "stine", name: "Stine Stab", role: "staff", provider: "feide", org: (o) => o.school },
  {
    // FUB/FUG's assessor: the applications' demo names her to its rounds.
    key: "vera",
    name: "Vera Vurderer",
    role: "assessor",
    provider: "idporten",
    org: () => "fub",
  },
  {
    // FUB/FUG's newsletter editor, named by the programme admin: newsletters and nothing else.
    key: "edel",
    name: "Edel Redaktør",
    role: "newsletter-editor",
    provider: "idporten",
    org: () => "fub",
  },
];

export const demoEmail = (key: string) => `${key}@demo.samspill.example`;
export const demoSubject = (key: string) => `demo-${key}`;

async function demoOrgs(db: Db, today: string): Promise<DemoOrgs> {
  const office = (await countyOfficesAt(db, today, "nb")).find((o) => o.countyCodes.includes("42"));
  // An open unit if there is one; a register import may since have closed them all, and the
  // demo people must still be able to sign in (issue 8, finding 3).
  const unitOf = async (type: "school" | "kindergarten") =>
    (await unitsOfMunicipality(db, DEMO_MUNICIPALITY, { type, active: true }))[0] ??
    (await unitsOfMunicipality(db, DEMO_MUNICIPALITY, { type }))[0];
  const schools = [await unitOf("school")].filter((u) => u !== undefined);
  const kindergartens = [await unitOf("kindergarten")].filter((u) => u !== undefined);
  if (!office || !schools[0] || !kindergartens[0]) {
    throw new Error(
      "demo people need the Agder office and units in Kristiansand (load the unit extract first)",
    );
  }
  return {
    agderOffice: office.id,
    school: schools[0].orgNumber,
    kindergarten: kindergartens[0].orgNumber,
  };
}

/** Create the demo people with their roles and sign-in identities; skips those that exist. */
export async function seedDemoPeople(db: Db, now: Date): Promise<void> {
  // Every start calls this: one query when they are all there already.
  const present = new Set(
    (
      await db
        .select({ email: people.email })
        .from(people)
        .where(
          inArray(
            people.email,
            DEMO_PEOPLE.map((p) => demoEmail(p.key)),
          ),
        )
    ).map((row) => row.email),
  );
  const missing = DEMO_PEOPLE.filter((p) => !present.has(demoEmail(p.key)));
  if (missing.length === 0) return;
  const orgs = await demoOrgs(db, osloToday(now));
  for (const p of missing) {
    const email = demoEmail(p.key);
    const [row] = await db
      .insert(people)
      .values({ name: p.name, email, demo: "demo", createdAt: now })
      .returning();
    if (!row) continue;
    await db.insert(identities).values({
      personId: row.id,
      provider: p.provider,
      subject: demoSubject(p.key),
      createdAt: now,
    });
    const granted = await grantRole(
      db,
      { personId: row.id, role: p.role, orgId: p.org(orgs) },
      { personId: null, now },
    );
    if (!granted.ok)
      throw new Error(`demo role for ${p.key} refused: ${JSON.stringify(granted.errors)}`);
  }
}

const roleLabel: Record<Role, string> = {
  "programme-admin": "programadministrator",
  assessor: "vurderer av søknader",
  "newsletter-editor": "redaktør for nyhetsbrev",
  "county-coordinator": "koordinator hos statsforvalteren",
  "municipal-coordinator": "kommunekoordinator",
  "resource-person": "ressursperson",
  "unit-leader": "leder for barnehage eller skole",
  staff: "ansatt",
};

function feideGroups(orgNumber: string, affiliation: string) {
  return [
    {
      id: `fc:org:demo.samspill.example:unit:NO${orgNumber}`,
      type: "fc:orgunit",
      displayName: "Demo-enhet",
      norEduOrgNIN: `NO${orgNumber}`,
      membership: { basic: "member", primaryAffiliation: affiliation },
    },
  ];
}

/** The accounts the local providers offer, matching the demo people's identities. */
export async function demoAccounts(
  db: Db,
  now: Date,
): Promise<{ idporten: LocalAccount[]; feide: LocalAccount[] }> {
  const orgs = await demoOrgs(db, osloToday(now));
  const account = (p: DemoPerson): LocalAccount => ({
    sub: demoSubject(p.key),
    name: p.name,
    email: demoEmail(p.key),
    demoRole: roleLabel[p.role],
    ...(p.provider === "feide"
      ? { groups: feideGroups(p.org(orgs), p.role === "staff" ? "staff" : "employee") }
      : {}),
  });
  return {
    idporten: [
      ...DEMO_PEOPLE.filter((p) => p.provider === "idporten").map(account),
      {
        sub: "demo-nora",
        name: "Nora Uten Rolle",
        email: demoEmail("nora"),
        demoRole: "ingen rolle",
      },
    ],
    feide: [
      ...DEMO_PEOPLE.filter((p) => p.provider === "feide").map(account),
      {
        sub: "demo-tor",
        name: "Tor Lærer",
        email: demoEmail("tor"),
        demoRole: "lærer, ikke registrert ennå",
        groups: feideGroups(orgs.school, "faculty"),
      },
    ],
  };
}

/** A demo person's id, or null when they are not there (deleted themself, or no people yet). */
export async function demoPersonId(db: Db, key: string): Promise<number | null> {
  const [row] = await db
    .select({ id: people.id })
    .from(people)
    .where(inArray(people.email, [demoEmail(key)]));
  return row?.id ?? null;
}
