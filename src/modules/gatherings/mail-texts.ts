type Standard = "nb" | "nn";

export type OfferLetterInput = {
  title: string;
  startsAt: Date;
  /** The last moment the offer can be confirmed. */
  until: Date;
  /** The gathering's page, where the offer is confirmed (from configuration, never a request). */
  link: string;
};

const when = (standard: Standard, at: Date) =>
  new Intl.DateTimeFormat(standard === "nn" ? "nn-NO" : "nb-NO", {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "Europe/Oslo",
  }).format(at);

type Letter = { subject: string; text: string };

/** A freed seat offered to the first on the waiting list, in the municipality's written standard. */
export function offerLetter(standard: Standard, r: OfferLetterInput): Letter {
  return offerLetters[standard](r);
}

/** The offer letter in bokmål and nynorsk (språklova § 15). */
export const offerLetters: Record<Standard, (r: OfferLetterInput) => Letter> = {
  nn: (r) => {
    return {
      subject: `Ledig plass: ${r.title}`,
      text: [
        `Det har blitt ein ledig plass på ${r.title} (${when("nn", r.startsAt)}), og du står først på ventelista.`,
        "",
        `Stadfest plassen innan ${when("nn", r.until)}. Etter det går plassen vidare til nestemann på lista.`,
        "",
        "Stadfest eller sei frå deg plassen her:",
        r.link,
        "",
        "Vennleg helsing",
        "Samspill",
      ].join("\n"),
    };
  },
  nb: (r) => ({
    subject: `Ledig plass: ${r.title}`,
    text: [
      `Det har blitt en ledig plass på ${r.title} (${when("nb", r.startsAt)}), og du står først på ventelisten.`,
      "",
      `Bekreft plassen innen ${when("nb", r.until)}. Etter det går plassen videre til neste på listen.`,
      "",
      "Bekreft eller si fra deg plassen her:",
      r.link,
      "",
      "Vennlig hilsen",
      "Samspill",
    ].join("\n"),
  }),
};
