import { osloToday } from "../../kernel/clock";
import type { FormState, FormView } from "../../web/form-errors";
import { formatDate, type Lang } from "../../web/i18n";
import type { WrittenStandard } from "./mail-texts";
import type { Access, ContactRow, EnrolmentUnit, InvitationPageData } from "./municipality";
import type { InviteeKind } from "./schema";

/** What the invitation page and its sections are given. */

export type FormName = "answer" | "units" | "resource" | "pp" | "standard";
/** The form shown again, with what the user typed and its errors. */
export type Forms = Partial<Record<FormName, FormState>>;

export type UnitFilter = { type: "" | "barnehage" | "skole"; owner: "" | "offentlig" | "privat" };

export type MunicipalityExtras = {
  standard: WrittenStandard;
  /** Present once the municipality has accepted. */
  accepted?: {
    units: EnrolmentUnit[];
    enrolled: {
      orgNumber: string;
      name: string;
      isSchool: boolean;
      isKindergarten: boolean;
      owner: "public" | "private" | null;
      enrolledAt: Date;
    }[];
    filter: UnitFilter;
    contacts: {
      resourcePerson: { current: ContactRow | null; earlier: ContactRow[] };
      ppService: { current: ContactRow | null; earlier: ContactRow[] };
    };
    pp: { services: { id: number; name: string }[]; all: boolean };
  };
};

export type InvitationPageProps = {
  lang: Lang;
  kind: InviteeKind;
  access: Access;
  data: InvitationPageData;
  forms: Forms;
  message?: string | undefined;
  municipality?: MunicipalityExtras;
  /** The inviting office's page, for those who may see it. */
  officeLink: boolean;
};

/** A section of the page: the page's props and each form as its fields show it. */
export type SectionProps = InvitationPageProps & { views: Record<FormName, FormView> };

export type AcceptedProps = SectionProps & {
  extras: NonNullable<MunicipalityExtras["accepted"]>;
};

/** Errors about the invitation itself rather than a field: shown as the section's status. */
export const STATUS_CODES = new Set(["alreadyAnswered", "deadlinePassed", "notAccepted"]);

/** Whether the error of a form's field is about the invitation itself. */
export function isStatus(forms: Forms, form: FormName, field: string) {
  return STATUS_CODES.has(forms[form]?.errors[field]?.code ?? "");
}

/** A moment as the day it was in Norway. */
export const day = (lang: Lang, at: Date) => formatDate(lang, osloToday(at));

/** The page's path below the language: the municipality's or the unit's invitation. */
export function invitationPath(props: InvitationPageProps) {
  const { data } = props;
  return `/puljer/${data.cohort.id}/${props.kind === "unit" ? "enhet" : "kommune"}/${data.invitation.inviteeId}`;
}
