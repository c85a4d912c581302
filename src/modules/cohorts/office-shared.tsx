import { Notice as NoticeBox } from "../../web/components/notice";
import { formatDateTime, type Lang } from "../../web/i18n";
import { localPath } from "../../web/layout";
import type { InvitationView, RowState } from "./office";
import type { OfficeTexts } from "./office-texts";

/** What the office's pages show beside the forms: a notice, the state tag, the paths. */

export type Notice = {
  color: "success" | "warning" | "danger" | "info";
  text: string;
  /** Sentences that follow, e.g. what could not be done and why. */
  more?: string[];
  /** Where to go next, e.g. to add a contact person. */
  links?: { href: string; text: string }[];
};

/** A notice with its further sentences and links. */
export function NoticeText(props: { notice: Notice }) {
  const n = props.notice;
  return (
    <NoticeBox color={n.color}>
      {n.text}
      {(n.more ?? []).map((line) => (
        <>
          <br />
          {line}
        </>
      ))}
      {n.links && n.links.length > 0 ? (
        <ul class="ds-list">
          {n.links.map((l) => (
            <li>
              <a class="ds-link" href={l.href}>
                {l.text}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </NoticeBox>
  );
}

export function officePath(lang: Lang, cohortId: number, officeId: string, rest = "") {
  return localPath(lang, `/puljer/${cohortId}/kontor/${officeId}${rest}`);
}

const tagColor: Record<RowState, string> = {
  notInvited: "neutral",
  invited: "info",
  accepted: "success",
  declined: "danger",
  expired: "warning",
};

export function StateTag(props: { tx: OfficeTexts; state: RowState }) {
  return (
    <span class="ds-tag" data-color={tagColor[props.state]}>
      {props.tx.states[props.state]}
    </span>
  );
}

export function remindersText(lang: Lang, tx: OfficeTexts, inv: InvitationView) {
  return tx.remindersValue(
    inv.remindersSent,
    inv.lastRemindedAt ? formatDateTime(lang, inv.lastRemindedAt) : null,
  );
}
