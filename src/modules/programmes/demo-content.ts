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
    bodyMarkdown: `## Tema

Deltakerne arbeider med trygge og gode barnehage- og skolemiljøer. Arbeidet dekker:

- regelverket
- organisasjon og ledelse
- hvordan mobbing kan forebygges, avdekkes og håndteres

## Slik er tilbudet organisert

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
    bodyMarkdown: `## Tema

Deltakarane arbeider med trygge og gode barnehage- og skulemiljø. Arbeidet dekkjer:

- regelverket
- organisasjon og leiing
- korleis mobbing kan førebyggjast, avdekkjast og handterast

## Slik er tilbodet organisert

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
    bodyMarkdown: `## Hvorfor foreldresamarbeid

Forskning viser at barn lykkes bedre i utdanningsløpet når samarbeidet mellom hjemmet og barnehagen eller skolen er godt. FUB/FUG har laget denne kompetansehevingen ut fra utfordringene vi ser i samarbeidet:

- det vi hører om i rådgivningstjenesten vår
- tilbakemeldinger fra ansatte i barnehager og skoler

Kompetansehevingen kan bygge videre på Utdanningsdirektoratets satsing «Inkluderende barnehage- og skolemiljø».

## Hvem kan delta

- kommuner som vil sette foreldresamarbeid på dagsordenen
- kommuner som er motivert for å delta
- kommuner som i søknaden beskriver godt hvordan de organisatorisk og strukturelt vil sørge for å følge opp forpliktelsene som følger med deltakelsen

Kommunen må være motivert for å bruke veiledningen og kompetansehevingen, og for å delta aktivt i et samarbeid der begge parter forplikter seg. Kommunen har ansvaret for hele utviklingsprosessen og må være en aktiv pådriver i perioden. FUB/FUG veileder og gjennomfører samlinger, men tar ikke over ansvaret for utviklingsprosessene.

## Kostnader

Kompetansehevingen og veiledningen er gratis for kommunen. Kommunen dekker selv egne kostnader, for eksempel leie av lokaler, egen tid, frikjøp av ansatte som deltar på samlinger og reiseutgifter for deltakerne.

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
    bodyMarkdown: `## Kvifor foreldresamarbeid

Forsking viser at barn lukkast betre i utdanningsløpet når samarbeidet mellom heimen og barnehagen eller skulen er godt. FUB/FUG har laga denne kompetansehevinga ut frå utfordringane vi ser i samarbeidet:

- det vi høyrer om i rådgivingstenesta vår
- tilbakemeldingar frå tilsette i barnehagar og skular

Kompetansehevinga kan byggje vidare på satsinga «Inkluderande barnehage- og skulemiljø» frå Utdanningsdirektoratet.

## Kven kan vere med

- kommunar som vil setje foreldresamarbeid på dagsordenen
- kommunar som er motiverte for å vere med
- kommunar som i søknaden skildrar godt korleis dei organisatorisk og strukturelt vil sørgje for å følgje opp pliktene som følgjer med deltakinga

Kommunen må vere motivert for å bruke rettleiinga og kompetansehevinga, og for å delta aktivt i eit samarbeid der begge partar forpliktar seg. Kommunen har ansvaret for heile utviklingsprosessen og må vere ein aktiv pådrivar i perioden. FUB/FUG rettleier og gjennomfører samlingar, men tek ikkje over ansvaret for utviklingsprosessane.

## Kostnader

Kompetansehevinga og rettleiinga er gratis for kommunen. Kommunen dekkjer sjølv eigne kostnader, til dømes leige av lokale, eiga tid, frikjøp av tilsette som deltek på samlingar og reiseutgifter for deltakarane.

## Innhald

Kompetansehevinga varer i høgst to år og minst eitt år. Omfang og varigheit blir tilpassa behova til kommunen. Arbeidet kan vere opplæringsdagar for personalet, personalmøte og foreldremøte. I søknaden skildrar kommunen kva han ønskjer og har høve til å få til. Noko går føre seg fysisk, men det meste er digitalt; fordelinga avheng av omfanget kommunen vel.`,
  },
];
