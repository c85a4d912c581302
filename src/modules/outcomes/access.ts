import { osloToday } from "../../kernel/clock";
import type { AppContext } from "../../kernel/context";
import { deps, langOf } from "../../kernel/context";
import { cohortsJoinedBy } from "../cohorts";
import { Forbidden, organisationScope, orgsGranting, requirePermission } from "../identity";
import { programmeRef, programmesOwnedBy, programmeTitles } from "../programmes";

/**
 * Who sees which programme's outcomes (decision 0037): the programme admin of its owner sees
 * every school and municipality (`read:outcome:owner`) and imports (`import:outcome:owner`);
 * a county coordinator sees the programmes whose cohorts the office takes part in, narrowed
 * to the office's municipalities (`read:outcome:office`).
 */
export type OutcomeView = {
  id: number;
  owner: string;
  title: string;
  /** Today's municipality codes the person sees; null: all of them. */
  area: ReadonlySet<string> | null;
  mayImport: boolean;
};

/** The programmes whose outcomes the person sees, with their titles. */
export async function outcomeProgrammes(c: AppContext): Promise<OutcomeView[]> {
  const scopes = requirePermission(c, "read", "outcome");
  const db = deps(c).db;
  const user = c.get("user");
  const owners = orgsGranting(user, "read:outcome:owner", "owner");
  const importers = orgsGranting(user, "import:outcome:owner", "owner");
  const seen = new Map<number, { owner: string; area: ReadonlySet<string> | null }>();
  for (const p of await programmesOwnedBy(db, [...owners]))
    seen.set(p.id, { owner: p.owner, area: null });
  if (scopes.includes("office")) {
    const offices = [...orgsGranting(user, "read:outcome:office", "county-office")];
    const scope = await organisationScope(c, "read", "outcome");
    const area = scope.all ? null : new Set(scope.municipalities);
    for (const k of await cohortsJoinedBy(db, { offices })) {
      if (seen.has(k.programmeId)) continue;
      const p = await programmeRef(db, k.programmeId);
      if (p) seen.set(p.id, { owner: p.owner, area });
    }
  }
  const titles = await programmeTitles(db, langOf(c), [...seen.keys()]);
  return [...seen].map(([id, v]) => ({
    id,
    owner: v.owner,
    title: titles.get(id) ?? "",
    area: v.area,
    mayImport: importers.has(v.owner),
  }));
}

/** One programme the person sees; null when it does not exist; 403 when not theirs to see. */
export async function outcomeProgramme(c: AppContext, id: number): Promise<OutcomeView | null> {
  const visible = await outcomeProgrammes(c);
  const found = visible.find((p) => p.id === id);
  if (found) return found;
  if (!(await programmeRef(deps(c).db, id))) return null;
  throw new Forbidden("read:outcome");
}

/** One programme whose outcomes the person imports; null when unknown; 403 otherwise. */
export async function importProgramme(c: AppContext, id: number): Promise<OutcomeView | null> {
  requirePermission(c, "import", "outcome");
  const p = await outcomeProgramme(c, id);
  if (p && !p.mayImport) throw new Forbidden("import:outcome:owner");
  return p;
}

export const todayOf = (c: AppContext) => osloToday(deps(c).clock.now());
