import { type Cell, osloDateTime, toXlsx as workbook } from "../../kernel/spreadsheet";
import type { Lang } from "../../web/i18n";

export { type Cell, neutralise, osloDateTime, toCsv } from "../../kernel/spreadsheet";

import type { CohortOverview, InviteeRow } from "./overview";
import { overviewTexts } from "./overview-texts";

/** The rows of an export, header first: one per invitee in the selection, in the chain's order. */
export function exportRows(lang: Lang, rows: InviteeRow[]): Cell[][] {
  const t = overviewTexts(lang);
  const yesNo = (b: boolean) => (b ? t.yes : t.no);
  return [
    [...t.exportHeaders],
    ...rows.map((r) => [
      r.officeName,
      r.countyName,
      r.id,
      r.name,
      t.kinds[r.kind] ?? r.kind,
      t.states[r.state],
      r.deadline,
      osloDateTime(r.invitedAt),
      r.answeredAt ? osloDateTime(r.answeredAt) : "",
      r.declineReason ?? "",
      r.kindergartens,
      r.schools,
      r.publicUnits,
      r.privateUnits,
      yesNo(r.resourcePerson),
      yesNo(r.ppContact),
    ]),
  ];
}

const widths = [30, 18, 11, 32, 14, 16, 12, 17, 17, 40, 12, 12, 12, 12, 14, 14];

/** The rows as an Excel workbook (kernel/spreadsheet), with the overview's column widths. */
export function toXlsx(rows: Cell[][], sheetName: string) {
  return workbook(rows, sheetName, widths);
}

/** "ibs-pulje-3": the programme's initials (its slug's longer words) and the cohort number. */
export function exportFileName(overview: Pick<CohortOverview, "programme" | "cohort">) {
  const initials = overview.programme.slug
    .split("-")
    .filter((w) => w.length > 2)
    .map((w) => w[0])
    .join("");
  return `${initials || "pulje"}-pulje-${overview.cohort.number}`;
}
