import type { Decision } from "./decide";

type Letter = { subject: string; text: string };
type LetterInput = {
  decision: Decision;
  reason: string;
  /** Place on the waiting list, when waitlisted. */
  position: number | null;
  /** The application's page (from configuration, never a request). */
  link: string;
  /** Granted because a place freed up on the waiting list. */
  promoted: boolean;
};

/**
 * The decision letter, in the municipality's written standard (språklova § 15): bokmål or
 * nynorsk, whatever language the person who applied used.
 */
export const decisionLetters: Record<"nb" | "nn", (l: LetterInput) => Letter> = {
  nb: (l) => {
    const head = {
      granted: l.promoted
        ? "Det har blitt ledig plass, og kommunen har fått tilbudet."
        : "Kommunen har fått tilbudet.",
      waitlisted: `Kommunen står på venteliste, som nummer ${l.position ?? "?"}. Vi gir beskjed hvis det blir ledig plass.`,
      declined: "Kommunen har dessverre ikke fått tilbudet denne gangen.",
    }[l.decision];
    return {
      subject: {
        granted: "Søknaden er innvilget",
        waitlisted: "Søknaden står på venteliste",
        declined: "Søknaden er avslått",
      }[l.decision],
      text: `${head}\n\n${l.reason ? `Begrunnelse:\n${l.reason}\n\n` : ""}Se søknaden og vedtaket her:\n${l.link}\n\nVennlig hilsen\nSamspill`,
    };
  },
  nn: (l) => {
    const head = {
      granted: l.promoted
        ? "Det har vorte ledig plass, og kommunen har fått tilbodet."
        : "Kommunen har fått tilbodet.",
      waitlisted: `Kommunen står på venteliste, som nummer ${l.position ?? "?"}. Vi gir beskjed dersom det blir ledig plass.`,
      declined: "Kommunen har diverre ikkje fått tilbodet denne gongen.",
    }[l.decision];
    return {
      subject: {
        granted: "Søknaden er innvilga",
        waitlisted: "Søknaden står på venteliste",
        declined: "Søknaden er avslått",
      }[l.decision],
      text: `${head}\n\n${l.reason ? `Grunngiving:\n${l.reason}\n\n` : ""}Sjå søknaden og vedtaket her:\n${l.link}\n\nVennleg helsing\nSamspill`,
    };
  },
};

export function decisionLetter(standard: "nb" | "nn", input: LetterInput): Letter {
  return decisionLetters[standard](input);
}
