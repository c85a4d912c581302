// Gatherings for tests, the demo and the benchmark: one complete input, changed where a case
// needs it. Times are instants; the organiser's form reads them in Europe/Oslo.
import type { GatheringInput, SessionInput } from "./gatherings";

const at = (iso: string) => new Date(iso);

/** A day's agenda from 09:00 to 15:00 Oslo time in winter: two parallel groups after lunch. */
export function agendaOn(day: string): SessionInput[] {
  const t = (hhmm: string) => at(`${day}T${hhmm}:00+01:00`);
  return [
    {
      kind: "lecture",
      titleNb: "Velkommen og innledning",
      titleNn: "Velkomen og innleiing",
      speaker: "Programledelsen",
      room: "Storsalen",
      startsAt: t("09:00"),
      endsAt: t("10:30"),
      capacity: null,
    },
    {
      kind: "break",
      titleNb: "Lunsj",
      titleNn: "Lunsj",
      speaker: "",
      room: "",
      startsAt: t("11:30"),
      endsAt: t("12:15"),
      capacity: null,
    },
    {
      kind: "group",
      titleNb: "Gruppearbeid: barnehage",
      titleNn: "Gruppearbeid: barnehage",
      speaker: "",
      room: "Møterom 1",
      startsAt: t("12:15"),
      endsAt: t("14:00"),
      capacity: 40,
    },
    {
      kind: "group",
      titleNb: "Gruppearbeid: skole",
      titleNn: "Gruppearbeid: skule",
      speaker: "",
      room: "Møterom 2",
      startsAt: t("12:15"),
      endsAt: t("14:00"),
      capacity: 40,
    },
  ];
}

/** A national physical gathering of a programme on `day`, registration open from a month before. */
export function gatheringInput(
  programmeId: number,
  overrides: Partial<GatheringInput> & { day?: string } = {},
): GatheringInput {
  const { day = "2027-02-10", ...rest } = overrides;
  return {
    programmeId,
    cohortId: null,
    level: "national",
    organiserKind: "owner",
    organiserId: "udir",
    titleNb: "Nasjonal samling",
    titleNn: "Nasjonal samling",
    descriptionNb: "Første nasjonale samling i pulja.",
    descriptionNn: "Første nasjonale samling i pulja.",
    startsAt: at(`${day}T09:00:00+01:00`),
    endsAt: at(`${day}T15:00:00+01:00`),
    mode: "physical",
    venue: "Konferansesenteret",
    address: "Eksempelgata 1, 0150 Oslo",
    digitalLink: "",
    capacity: 100,
    registrationOpensAt: at("2026-11-01T08:00:00+01:00"),
    registrationClosesAt: at(`${day}T00:00:00+01:00`),
    allowedCohorts: [],
    allowedMunicipalities: [],
    allowedRoles: [],
    offerHours: 48,
    sessions: agendaOn(day),
    ...rest,
  };
}
