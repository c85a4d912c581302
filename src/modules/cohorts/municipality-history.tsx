import { HistorySection } from "../../web/components/data-table";
import { formatDate, formatDateTime, type Lang } from "../../web/i18n";
import type { InvitationPageData } from "./municipality";
import type { InvitationPageProps } from "./municipality-page-props";
import { type MunicipalityTexts, municipalityTexts } from "./municipality-texts";

/** The invitation's history: what happened, when, and who did it. */

function eventDetail(
  m: MunicipalityTexts,
  lang: Lang,
  data: InvitationPageData,
  e: InvitationPageData["events"][number],
) {
  const d = e.detail;
  const str = (v: unknown) => (typeof v === "string" ? v : "");
  switch (e.event) {
    case "invited":
      return str(d.deadline) ? m.detailDeadline(formatDate(lang, str(d.deadline))) : "";
    case "extended": {
      const parts = [];
      if (str(d.before) && str(d.after)) {
        parts.push(
          m.detailExtended(formatDate(lang, str(d.before)), formatDate(lang, str(d.after))),
        );
      }
      if (str(d.reason)) parts.push(m.detailReason(str(d.reason)));
      return parts.join(". ");
    }
    case "declined":
      return str(d.reason) ? m.detailReason(str(d.reason)) : "";
    case "accepted":
      return d.commitments ? m.detailCommitments : "";
    case "reminded":
      return typeof d.count === "number" ? m.detailReminder(d.count) : "";
    case "auto-reminded":
    case "expired":
      return str(d.deadline) ? m.detailDeadline(formatDate(lang, str(d.deadline))) : "";
    case "enrolled":
    case "withdrawn": {
      const org = str(d.orgNumber);
      return org ? `${data.unitNames.get(org) ?? org} (${m.orgNumber(org)})` : "";
    }
    case "contact":
      return d.kind === "resource-person" || d.kind === "pp-service" ? m.contactKinds[d.kind] : "";
    default:
      return "";
  }
}

export function History(props: InvitationPageProps) {
  const { lang, data } = props;
  const m = municipalityTexts[lang];
  return (
    <HistorySection
      id="historikk"
      heading={m.historyHeading}
      columns={m.historyColumns}
      rows={data.events.map((e) => ({
        at: formatDateTime(lang, e.at),
        event: m.events[e.event] ?? e.event,
        by: actorLabel(e, m),
        detail: eventDetail(m, lang, data, e),
      }))}
    />
  );
}

/** Who acted: the system (no actor), the person, or a person since deleted (name gone). */
export function actorLabel(
  e: { actorId?: number | null; actorName: string | null },
  texts: { system: string; deletedPerson: string },
) {
  if (e.actorId === null || e.actorId === undefined) return texts.system;
  return e.actorName ?? texts.deletedPerson;
}
