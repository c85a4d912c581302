/** The roles of PRODUCT.md, each scoped to one kind of organisation. */
export const ROLES = {
  "programme-admin": { orgKind: "owner" },
  // Named per application round by the programme admin; scores, never decides.
  assessor: { orgKind: "owner" },
  // Named by the programme admin to write and send the owner's newsletters (issue 14).
  "newsletter-editor": { orgKind: "owner" },
  "county-coordinator": { orgKind: "county-office" },
  "municipal-coordinator": { orgKind: "municipality" },
  "resource-person": { orgKind: "municipality" },
  "unit-leader": { orgKind: "unit" },
  staff: { orgKind: "unit" },
} as const;

export type Role = keyof typeof ROLES;
export type OrgKind = (typeof ROLES)[Role]["orgKind"];
export const ROLE_NAMES = Object.keys(ROLES) as Role[];

export function isRole(value: string): value is Role {
  return Object.hasOwn(ROLES, value);
}

/** Programme owners: the organisations whose admins run programmes. */
export const OWNERS = {
  udir: {
    nb: "Utdanningsdirektoratet",
    nn: "Utdanningsdirektoratet",
    en: "Directorate for Education and Training",
  },
  fub: { nb: "FUB/FUG", nn: "FUB/FUG", en: "FUB/FUG (parents' committees)" },
} as const;

/**
 * Permissions read `action:entity:scope`. A role grants an action on an entity within a
 * scope; the scope is resolved against the organisation tree on the day of the request.
 */
export type Scope = "any" | "owner" | "office" | "municipality" | "unit" | "own";
export type Permission = `${string}:${string}:${Scope}`;

const EVERYONE: Permission[] = ["read:profile:own", "export:person:own", "delete:person:own"];

/**
 * Register oneself for gatherings: every role in the sector may take part; which gathering
 * admits whom (cohorts, municipalities, roles) is the gathering's own rule.
 */
const TAKES_PART: Permission = "register:gathering:own";

/**
 * Claim travel support for a national gathering one attended (decision 0033): whoever takes
 * part; which gathering's claim is taken is the scheme's rule.
 */
const CLAIMS_TRAVEL: Permission = "claim:travel:own";

export const ROLE_PERMISSIONS: Record<Role, Permission[]> = {
  "programme-admin": [
    "read:organisation:any",
    "import:register:any",
    "read:person:any",
    "manage:role:any",
    "read:audit:any",
    // The programmes whose `owner` is the admin's organisation (Udir's, FUB/FUG's).
    "edit:programme:owner",
    "read:feedback:any",
    "moderate:feedback:any",
    // Cohorts of the admin's own programmes: create, edit, invite county offices.
    "manage:cohort:owner",
    "read:cohort:owner",
    // Application forms, rounds, assessors, decisions and the tailored plans of the owner's
    // programmes.
    "manage:application:owner",
    "follow:participation:owner",
    // Gatherings of the owner's programmes: create and edit them, follow registrations.
    "manage:gathering:owner",
    // Grant schemes of the owner's cohorts: allocate, send letters, record payments and returns.
    "manage:grant:owner",
    // The frame of local development work of the owner's programmes; progress in figures.
    "edit:frame:owner",
    "read:progress:owner",
    // Newsletters of the owner's programmes: write, test, send, follow (issue 14).
    "send:newsletter:owner",
    // Elevundersøkelsen results of the owner's programmes: import them, read the estimates.
    "import:outcome:owner",
    "read:outcome:owner",
    // Insight: reach, the chain, gatherings, local work, grants and feedback in figures, for
    // the owner's programmes (issue 15).
    "read:insight:owner",
    TAKES_PART,
    CLAIMS_TRAVEL,
  ],
  // The rounds of the owner's programmes the person is named to (checked per round).
  assessor: ["assess:application:owner"],
  // The owner's programmes' newsletters: write, preview, test, send, follow; nothing else.
  "newsletter-editor": ["send:newsletter:owner"],
  // Cohorts their office is invited to: invite, remind, extend deadlines for what it covers.
  "county-coordinator": [
    "read:organisation:office",
    "read:cohort:office",
    "invite:cohort:office",
    // Regional gatherings for the cohorts the office takes part in, for its counties'
    // municipalities (gatherings/organiser-scope.ts).
    "manage:gathering:office",
    // Progress of the development work in its counties' municipalities, in figures.
    "read:progress:office",
    // Outcome estimates of the programmes it takes part in, for its counties' units only.
    "read:outcome:office",
    // Insight in figures for the municipalities of its counties.
    "read:insight:office",
    TAKES_PART,
    CLAIMS_TRAVEL,
    // Learning networks of its counties' municipalities: counts only, never their pages.
    "read:network:office",
  ],
  // The municipality's invitations: answer, enrol units, name the resource person and PP contact.
  "municipal-coordinator": [
    "read:organisation:municipality",
    "read:cohort:municipality",
    "answer:cohort:municipality",
    // Apply for the municipality, follow its tailored plan, record its own costs.
    "apply:application:municipality",
    "follow:participation:municipality",
    // Local gatherings for the municipality's units enrolled in a cohort.
    "manage:gathering:municipality",
    // The municipality's grants: accept or decline, report the use; travel claims for the
    // municipality's participants.
    "answer:grant:municipality",
    "claim:travel:municipality",
    // The development plans of the municipality's units, and their progress.
    "read:plan:municipality",
    "read:progress:municipality",
    // Insight in figures for the municipality and its units.
    "read:insight:municipality",
    TAKES_PART,
    CLAIMS_TRAVEL,
    // Learning networks the municipality leads (alone or co-leading): members, meetings, minutes.
    "read:network:municipality",
    "lead:network:municipality",
  ],
  "resource-person": [
    "read:organisation:municipality",
    "read:cohort:municipality",
    // The municipality's units' plans, and the follow-up log of each unit.
    "read:plan:municipality",
    "log:follow-up:municipality",
    TAKES_PART,
    CLAIMS_TRAVEL,
    // The learning networks the municipality leads.
    "read:network:municipality",
  ],
  // A private unit invited directly answers for itself.
  "unit-leader": [
    "read:organisation:unit",
    "read:cohort:unit",
    "answer:cohort:unit",
    TAKES_PART,
    CLAIMS_TRAVEL,
    // Register the unit's staff for a gathering that admits them (gatherings/staff-registration).
    "register:gathering:unit",
    // The learning networks the unit (or she) is a member of.
    "read:network:unit",
    // The unit's development plan: edit, read, comment.
    "edit:plan:unit",
    "read:plan:unit",
    "comment:plan:unit",
  ],
  staff: [
    "read:organisation:unit",
    "read:cohort:unit",
    TAKES_PART,
    CLAIMS_TRAVEL,
    "read:network:unit",
    "read:plan:unit",
    "comment:plan:unit",
  ],
};

export function permissionsOf(roles: { role: string }[]): Permission[] {
  const set = new Set<Permission>(EVERYONE);
  for (const r of roles) {
    if (isRole(r.role)) for (const p of ROLE_PERMISSIONS[r.role]) set.add(p);
  }
  return [...set];
}
