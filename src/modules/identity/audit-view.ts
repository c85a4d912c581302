import { inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { osloToday } from "../../kernel/clock";
import { formatDate, formatDateTime, type Lang } from "../../web/i18n";
import type { listAudit } from "./audit";
import { type AuditWords, auditText } from "./audit-texts";
import { orgName } from "./people";
import type { IdentityReads } from "./reads";
import { people, roleInvitations } from "./schema";
import { identityText } from "./texts";

type AuditRow = Awaited<ReturnType<typeof listAudit>>["rows"][number];

export type AuditChange = { field: string; before: string; after: string };
export type AuditLine = { id: number; at: Date; sentence: string; changes: AuditChange[] };

type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {};
const str = (v: unknown) =>
  typeof v === "string" ? v : v === undefined || v === null ? "" : String(v);
const ids = (values: (string | undefined)[]) =>
  [...new Set(values.filter((v): v is string => !!v && /^\d{1,9}$/.test(v)))].map(Number);

/** Fields that only qualify another (the kind beside an organisation id) or say nothing to a reader. */
const HIDDEN_FIELDS = new Set(["orgKind", "invitation", "versions", "replaced", "ppServiceId"]);

/**
 * Each entry as a sentence in the page's language, with people and organisations by name (as
 * they were named on the entry's date), and what changed as field: before → after.
 */
export async function describeAudit(
  db: Db,
  rows: AuditRow[],
  lang: Lang,
  reads: Pick<IdentityReads, "chainInvitations" | "cohortsById" | "programmeTitles">,
): Promise<AuditLine[]> {
  const it = identityText(lang);
  const at = auditText(lang);
  const personIds = ids(rows.filter((r) => r.entityType === "person").map((r) => r.entityId));
  const invitationIds = ids(
    rows.filter((r) => r.entityType === "invitation").map((r) => r.entityId),
  );
  const chainIds = ids(
    rows.filter((r) => r.entityType === "cohort-invitation").map((r) => r.entityId),
  );
  const [persons, invitations, chain] = await Promise.all([
    personIds.length
      ? db
          .select({ id: people.id, name: people.name })
          .from(people)
          .where(inArray(people.id, personIds))
      : [],
    invitationIds.length
      ? db
          .select({ id: roleInvitations.id, name: roleInvitations.name })
          .from(roleInvitations)
          .where(inArray(roleInvitations.id, invitationIds))
      : [],
    chainIds.length ? reads.chainInvitations(db, chainIds) : [],
  ]);
  const cohortIds = [
    ...new Set([
      ...ids(rows.filter((r) => r.entityType === "cohort").map((r) => r.entityId)),
      ...chain.map((c) => c.cohortId),
    ]),
  ];
  const cohortRows = cohortIds.length ? await reads.cohortsById(db, cohortIds) : [];
  const titles = await reads.programmeTitles(db, lang);
  const programmeTitle = (slug: string) => (slug ? (titles.get(slug) ?? slug) : "–");
  const cohortName = (id: number | undefined) => {
    const c = cohortRows.find((r) => r.id === id);
    return c ? at.cohortOf(c.number, programmeTitle(c.slug)) : "–";
  };

  const names = new Map<string, Promise<string>>();
  const org = (kind: string, id: string, date: string) => {
    if (!kind || !id) return Promise.resolve(at.unknownOrg);
    const key = `${kind}:${id}:${date}`;
    if (!names.has(key)) names.set(key, orgName(db, kind, id, lang, date));
    return names.get(key)!;
  };
  const role = (r: unknown) => {
    const label = it.roles[str(r)];
    return label ? label.toLowerCase() : str(r) || "–";
  };
  const standard = (s: unknown) => at.standards[str(s)] ?? str(s);

  /** A value as a reader wants it: names for ids, dates as dates. */
  async function show(field: string, value: unknown, obj: Obj, date: string): Promise<string> {
    if (value === null || value === undefined || value === "") return "–";
    if (field === "role") return role(value);
    if (field === "orgId") return org(str(obj.orgKind), str(value), date);
    if (field === "officeId") return org("county-office", str(value), date);
    if (field === "orgNumber") return org("unit", str(value), date);
    if (field === "state") return at.states[str(value)] ?? str(value);
    if (field === "standard" || field === "lang") return standard(value);
    if (field === "programme") return programmeTitle(str(value));
    if (field === "source") return str(value).toUpperCase();
    if (typeof value === "boolean") return value ? at.yes : at.no;
    if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value))
      return formatDate(lang, value);
    if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}T/.test(value))
      return formatDateTime(lang, new Date(value));
    if (Array.isArray(value))
      return (await Promise.all(value.map((v) => show(field, v, obj, date)))).join(", ") || "–";
    if (typeof value === "object")
      return (
        await Promise.all(Object.entries(value as Obj).map(([k, v]) => show(k, v, obj, date)))
      )
        .filter((s) => s !== "–")
        .join(" ");
    return String(value);
  }

  return Promise.all(
    rows.map(async (r): Promise<AuditLine> => {
      const date = osloToday(r.at);
      const before = asObj(r.before);
      const after = asObj(r.after);
      const main = Object.keys(after).length > 0 ? after : before;
      const personName = (id: string) => {
        const p = persons.find((x) => String(x.id) === id);
        return p?.name ?? at.deletedPerson;
      };
      const chainRow =
        r.entityType === "cohort-invitation"
          ? chain.find((c) => String(c.id) === r.entityId)
          : undefined;
      const entityOrg =
        r.entityType === "municipality" || r.entityType === "unit"
          ? await org(r.entityType, r.entityId, date)
          : chainRow
            ? await org(chainRow.kind, chainRow.invitee, date)
            : await org(str(main.orgKind), str(main.orgId), date);
      const words: AuditWords = {
        actor: r.actorId === null ? at.someone : (r.actorName ?? at.deletedPerson),
        person: r.entityType === "person" ? personName(r.entityId) : "–",
        role: role(main.role),
        org: entityOrg,
        roleBefore: role(before.role),
        orgBefore: await org(str(before.orgKind), str(before.orgId), date),
        invitee: invitations.find((i) => String(i.id) === r.entityId)?.name ?? at.deletedPerson,
        cohort: cohortName(
          chainRow?.cohortId ?? (r.entityType === "cohort" ? Number(r.entityId) : undefined),
        ),
        programme: programmeTitle(r.entityType === "programme" ? r.entityId : str(main.programme)),
        office: await org("county-office", str(main.officeId), date),
        page: str(main.page) || "–",
        source: str(main.source).toUpperCase() || "–",
        added: Number(main.added ?? 0),
        changed: Number(main.changed ?? 0),
        closed: Number(main.closed ?? 0),
        rejected: Number(main.rejected ?? 0),
        standard: standard(main.standard ?? main.lang),
      };
      const text = at.actions[r.action];
      const sentence = text ? text.sentence(words) : at.unknown(words, r.action);
      const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
        (f) => !HIDDEN_FIELDS.has(f),
      );
      const changes: AuditChange[] = [];
      for (const f of fields) {
        if (JSON.stringify(before[f]) === JSON.stringify(after[f])) continue;
        changes.push({
          field: at.fields[f] ?? f,
          before: f in before ? await show(f, before[f], before, date) : "–",
          after: f in after ? await show(f, after[f], after, date) : "–",
        });
      }
      return { id: r.id, at: r.at, sentence, changes };
    }),
  );
}
