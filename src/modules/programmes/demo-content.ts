import type { ProgrammeText } from "./service";

/** Demo content in our own words, carrying the facts of the two public seed pages. */

export const ibsTexts: ProgrammeText[] = [
  {
    lang: "nb",
    title: "Inkluderende barnehage- og skolemiljø",
    ownerName: "Utdanningsdirektoratet",
    summary:
      "Et tilbud til barnehager og skoler som vil arbeide for trygge og gode miljøer for alle barn og elever – med samlinger, utviklingsarbeid på egen arbeidsplass, lærende nettverk og støtte til en lokal ressursperson.",
    targetGroup:
      "Barnehager, barnehagemyndigheter, skoler og skoleeiere som trenger og ønsker litt støtte, og som samtidig har det som skal til for å drive et selvstendig utviklingsarbeid lokalt.",
    themes: [
      "Trygge og gode barnehage- og skolemiljøer",
      "Regelverket",
      "Organisasjon og ledelse",
      "Å forebygge, avdekke og håndtere mobbing og andre krenkelser",
    ].join("\n"),
    costs:
      "Kommunen får støtte til en lokal ressursperson. Reiser til samlingene og tiden de ansatte bruker, dekker kommunen, barnehagene og skolene selv.",
    commitments: [
      "Hver barnehage og skole deltar med ledere og hele personalet.",
      "Deltakerne er med på de nasjonale og regionale samlingene.",
      "Mellom samlingene arbeider barnehagene og skolene med problemstillinger fra egen praksis.",
      "Kommunen leder lærende nettverk for barnehagene og skolene som deltar.",
      "Kommunen peker ut en lokal ressursperson som følger opp arbeidet.",
    ].join("\n"),
    bodyMarkdown: `## Slik er tilbudet organisert

Målet er en varig endring i praksis som når så mange som mulig. Derfor foregår utviklingsarbeidet først og fremst som barnehage- og skolebasert kompetanseutvikling og i lærende nettverk. Det betyr at hele personalet, ledere og ansatte, utvikler praksisen sin sammen på egen arbeidsplass, innen barnehagemiljø, skolemiljø, mobbing og andre krenkelser.

- **Samlinger:** Deltakerne møtes på nasjonale og regionale samlinger med forelesninger og gruppearbeid.
- **Utviklingsarbeid:** Mellom samlingene jobber hver barnehage og skole med problemstillinger fra egen praksis.
- **Lærende nettverk:** Kommunen leder nettverk der deltakerne deler erfaringer, reflekterer og utvikler seg faglig.
- **Lokal ressursperson:** Kommunen får støtte til en ressursperson som følger opp arbeidet i kommunen og i barnehagene og skolene.
- **PP-tjenesten:** Vi oppfordrer kommunene til å ta med PP-tjenesten, slik at den kan bli en del av det lokale støtteapparatet for barnehager og skoler.

Innenfor disse rammene kan arbeidet tilpasses forholdene lokalt.

## Hvem deltar

Tilbudet går i puljer, og hver pulje varer i to år. Utdanningsdirektoratet inviterer embetene til statsforvalteren (tidligere fylkesmannen), og embetene inviterer kommunene i sine fylker.`,
  },
  {
    lang: "nn",
    title: "Inkluderande barnehage- og skulemiljø",
    ownerName: "Utdanningsdirektoratet",
    summary:
      "Eit tilbod til barnehagar og skular som vil arbeide for trygge og gode miljø for alle barn og elevar – med samlingar, utviklingsarbeid på eigen arbeidsplass, lærande nettverk og støtte til ein lokal ressursperson.",
    targetGroup:
      "Barnehagar, barnehagestyresmakter, skular og skuleeigarar som treng og ønskjer litt støtte, og som samtidig har det som skal til for å drive eit sjølvstendig utviklingsarbeid lokalt.",
    themes: [
      "Trygge og gode barnehage- og skulemiljø",
      "Regelverket",
      "Organisasjon og leiing",
      "Å førebyggje, avdekkje og handtere mobbing og andre krenkingar",
    ].join("\n"),
    costs:
      "Kommunen får støtte til ein lokal ressursperson. Reiser til samlingane og tida dei tilsette bruker, dekkjer kommunen, barnehagane og skulane sjølve.",
    commitments: [
      "Kvar barnehage og skule er med med leiarar og heile personalet.",
      "Deltakarane er med på dei nasjonale og regionale samlingane.",
      "Mellom samlingane arbeider barnehagane og skulane med problemstillingar frå eigen praksis.",
      "Kommunen leier lærande nettverk for barnehagane og skulane som er med.",
      "Kommunen peikar ut ein lokal ressursperson som følgjer opp arbeidet.",
    ].join("\n"),
    bodyMarkdown: `## Slik er tilbodet organisert

Målet er ei varig endring i praksis som når så mange som mogleg. Difor går utviklingsarbeidet først og fremst føre seg som barnehage- og skulebasert kompetanseutvikling og i lærande nettverk. Det tyder at heile personalet, leiarar og tilsette, utviklar praksisen sin saman på eigen arbeidsplass, innan barnehagemiljø, skulemiljø, mobbing og andre krenkingar.

- **Samlingar:** Deltakarane møtest på nasjonale og regionale samlingar med førelesingar og gruppearbeid.
- **Utviklingsarbeid:** Mellom samlingane jobbar kvar barnehage og skule med problemstillingar frå eigen praksis.
- **Lærande nettverk:** Kommunen leier nettverk der deltakarane deler erfaringar, reflekterer og utviklar seg fagleg.
- **Lokal ressursperson:** Kommunen får støtte til ein ressursperson som følgjer opp arbeidet i kommunen og i barnehagane og skulane.
- **PP-tenesta:** Vi oppmodar kommunane om å ta med PP-tenesta, slik at ho kan bli ein del av det lokale støtteapparatet for barnehagar og skular.

Innanfor desse rammene kan arbeidet tilpassast tilhøva lokalt.

## Kven deltek

Tilbodet går i puljar, og kvar pulje varer i to år. Utdanningsdirektoratet inviterer embeta til statsforvaltaren (tidlegare fylkesmannen), og embeta inviterer kommunane i fylka sine.`,
  },
  {
    lang: "en",
    title: "Inclusive kindergarten and school environments",
    ownerName: "Directorate for Education and Training",
    summary:
      "For kindergartens and schools that want to work for safe and good environments for every child and pupil: gatherings, development work in their own workplace, learning networks and support for a local resource person.",
    targetGroup:
      "Kindergartens, kindergarten authorities, schools and school owners who need and want some support, and who can also run their own development work locally.",
    themes: [
      "Safe and good kindergarten and school environments",
      "The regulations",
      "Organisation and leadership",
      "Preventing, uncovering and dealing with bullying and other violations",
    ].join("\n"),
    costs:
      "The municipality gets support for a local resource person. Travel to the gatherings and the staff's time are paid for by the municipality, the kindergartens and the schools themselves.",
    commitments: [
      "Each kindergarten and school takes part with its leaders and all its staff.",
      "The participants attend the national and regional gatherings.",
      "Between gatherings, the kindergartens and schools work on questions from their own practice.",
      "The municipality leads learning networks for the kindergartens and schools taking part.",
      "The municipality appoints a local resource person who follows up the work.",
    ].join("\n"),
    bodyMarkdown: `## How the programme is organised

The aim is a lasting change in practice that reaches as many as possible. The development work therefore happens mainly in the kindergartens and schools themselves and in learning networks: leaders and all staff develop their practice together in their own workplace, on kindergarten and school environments, bullying and other violations.

- **Gatherings:** The participants meet at national and regional gatherings with lectures and group work.
- **Development work:** Between gatherings, each kindergarten and school works on questions from its own practice.
- **Learning networks:** The municipality leads networks where participants share experience, reflect and grow professionally.
- **Local resource person:** The municipality gets support for a resource person who follows up the work in the municipality, the kindergartens and the schools.
- **Educational-psychological service (PP-tjenesten):** We encourage municipalities to involve it, so that it can become part of the local support for kindergartens and schools.

Within this frame, the work can be adapted to local conditions.

## Who takes part

The programme runs in cohorts, and each cohort lasts two years. The Directorate invites the county governors' offices, and the offices invite the municipalities in their counties.`,
  },
];

export const fubTexts: ProgrammeText[] = [
  {
    lang: "nb",
    title: "Bedre foreldresamarbeid til det beste for barnet",
    ownerName: "FUB/FUG",
    summary:
      "Kompetanseheving for kommuner som vil styrke samarbeidet mellom hjem og barnehage eller skole. Kommunen søker, og opplegget tilpasses kommunens behov.",
    targetGroup:
      "Kommuner som vil fremme et godt samarbeid mellom hjem og barnehage eller skole, og som vil gi de ansatte mer kompetanse på foreldresamarbeid.",
    themes: [
      "Samarbeidet mellom hjem og barnehage eller skole",
      "De ansattes kompetanse på foreldresamarbeid",
      "Foreldremøter og andre møter med foreldrene",
    ].join("\n"),
    costs:
      "Kompetansehevingen og veiledningen er gratis for kommunen. Den dekker selv egne kostnader: lokaler, egen tid, frikjøp av ansatte som deltar på samlinger og reiser for deltakerne.",
    commitments: [
      "Kommunen har ansvaret for hele utviklingsprosessen og driver den fram.",
      "Kommunen tar i bruk veiledningen og kompetansehevingen den får.",
      "Kommunen deltar aktivt i et samarbeid der begge parter forplikter seg.",
      "Kommunen følger opp arbeidet organisatorisk og strukturelt, slik søknaden beskriver.",
    ].join("\n"),
    bodyMarkdown: `## Hvorfor foreldresamarbeid

Forskning viser at barn lykkes bedre i utdanningsløpet når samarbeidet mellom hjemmet og barnehagen eller skolen er godt. FUB/FUG har laget denne kompetansehevingen ut fra utfordringene vi ser i samarbeidet:

- det vi hører om i rådgivningstjenesten vår
- tilbakemeldinger fra ansatte i barnehager og skoler

Kompetansehevingen kan bygge videre på Utdanningsdirektoratets satsing «Inkluderende barnehage- og skolemiljø».

## Hvem kan delta

- kommuner som vil sette foreldresamarbeid på dagsordenen
- kommuner som er motivert for å delta
- kommuner som i søknaden beskriver godt hvordan de organisatorisk og strukturelt vil sørge for å følge opp forpliktelsene som følger med deltakelsen

FUB/FUG veileder og gjennomfører samlinger, men tar ikke over ansvaret for utviklingsprosessene.

## Innhold

Kompetansehevingen varer i høyst to år og minst ett år. Omfang og varighet tilpasses kommunens behov. Arbeidet kan bestå av opplæringsdager for personalet, personalmøter og foreldremøter. I søknaden beskriver kommunen hva den ønsker og har mulighet til å få til. Noe foregår fysisk, men det meste er digitalt; fordelingen avhenger av omfanget kommunen velger.`,
  },
  {
    lang: "nn",
    title: "Betre foreldresamarbeid til det beste for barnet",
    ownerName: "FUB/FUG",
    summary:
      "Kompetanseheving for kommunar som vil styrkje samarbeidet mellom heim og barnehage eller skule. Kommunen søkjer, og opplegget blir tilpassa behova til kommunen.",
    targetGroup:
      "Kommunar som vil fremje eit godt samarbeid mellom heim og barnehage eller skule, og som vil gje dei tilsette meir kompetanse på foreldresamarbeid.",
    themes: [
      "Samarbeidet mellom heim og barnehage eller skule",
      "Kompetansen til dei tilsette på foreldresamarbeid",
      "Foreldremøte og andre møte med foreldra",
    ].join("\n"),
    costs:
      "Kompetansehevinga og rettleiinga er gratis for kommunen. Han dekkjer sjølv eigne kostnader: lokale, eiga tid, frikjøp av tilsette som deltek på samlingar og reiser for deltakarane.",
    commitments: [
      "Kommunen har ansvaret for heile utviklingsprosessen og driv han fram.",
      "Kommunen tek i bruk rettleiinga og kompetansehevinga han får.",
      "Kommunen deltek aktivt i eit samarbeid der begge partar forpliktar seg.",
      "Kommunen følgjer opp arbeidet organisatorisk og strukturelt, slik søknaden skildrar.",
    ].join("\n"),
    bodyMarkdown: `## Kvifor foreldresamarbeid

Forsking viser at barn lukkast betre i utdanningsløpet når samarbeidet mellom heimen og barnehagen eller skulen er godt. FUB/FUG har laga denne kompetansehevinga ut frå utfordringane vi ser i samarbeidet:

- det vi høyrer om i rådgivingstenesta vår
- tilbakemeldingar frå tilsette i barnehagar og skular

Kompetansehevinga kan byggje vidare på satsinga «Inkluderande barnehage- og skulemiljø» frå Utdanningsdirektoratet.

## Kven kan vere med

- kommunar som vil setje foreldresamarbeid på dagsordenen
- kommunar som er motiverte for å vere med
- kommunar som i søknaden skildrar godt korleis dei organisatorisk og strukturelt vil sørgje for å følgje opp pliktene som følgjer med deltakinga

FUB/FUG rettleier og gjennomfører samlingar, men tek ikkje over ansvaret for utviklingsprosessane.

## Innhald

Kompetansehevinga varer i høgst to år og minst eitt år. Omfang og varigheit blir tilpassa behova til kommunen. Arbeidet kan vere opplæringsdagar for personalet, personalmøte og foreldremøte. I søknaden skildrar kommunen kva han ønskjer og har høve til å få til. Noko går føre seg fysisk, men det meste er digitalt; fordelinga avheng av omfanget kommunen vel.`,
  },
  {
    lang: "en",
    title: "Better cooperation with parents, for the good of the child",
    ownerName: "FUB/FUG (parents' committees)",
    summary:
      "Competence development for municipalities that want to strengthen cooperation between home and kindergarten or school. The municipality applies, and the programme is tailored to its needs.",
    targetGroup:
      "Municipalities that want good cooperation between home and kindergarten or school, and want their staff to know more about working with parents.",
    themes: [
      "Cooperation between home and kindergarten or school",
      "The staff's competence in working with parents",
      "Parent meetings and other meetings with parents",
    ].join("\n"),
    costs:
      "The competence development and the guidance are free. The municipality pays its own costs: premises, its own time, substitutes for staff attending gatherings, and the participants' travel.",
    commitments: [
      "The municipality is responsible for the whole development process and drives it.",
      "The municipality puts the guidance and the competence development it receives to use.",
      "The municipality takes an active part in a cooperation where both parties commit.",
      "The municipality follows up the work organisationally and structurally, as its application describes.",
    ].join("\n"),
    bodyMarkdown: `## Why cooperation with parents

Research shows that children do better in education when home and kindergarten or school cooperate well. FUB/FUG built this programme from the challenges we see in that cooperation:

- what we hear in our advisory service
- feedback from staff in kindergartens and schools

The programme can build on the Directorate's initiative "Inclusive kindergarten and school environments".

## Who can take part

- municipalities that want to put cooperation with parents on the agenda
- municipalities that are motivated to take part
- municipalities whose application describes well how they will follow up, organisationally and structurally, what taking part requires

FUB/FUG guides and runs gatherings, but does not take over responsibility for the development processes.

## Content

The programme lasts at most two years and at least one. Its scope and length are tailored to the municipality. The work can include training days for staff, staff meetings and parent meetings. In its application, the municipality describes what it wants and is able to do. Some of it happens in person, but most is digital; the balance depends on the scope the municipality chooses.`,
  },
];
