/**
 * The child guard's test corpus (decision 0024): sentences written for it, in bokmål and
 * nynorsk, of the kinds Samspill's free text holds (development plans, reflections, minutes,
 * follow-up notes, feedback, contact messages). Half identify a child; half are ordinary
 * professional text about groups, staff, themes and measures, with the hard cases ("3. trinn
 * skal …", "Emma Hansen, rektor", dates, organisation and phone numbers). Every name is
 * invented. Some sentences that identify a child are beyond what a pattern can see (a name
 * alone, a pronoun with a class): they stay, so the recall measured is honest.
 *
 * Each list ends with a batch written after the patterns had been tuned on the rest, and
 * added whatever the guard made of them: a held-out check that the tuning generalises.
 *
 * One sentence a line; a line starting with "#" is a comment.
 */

export type CorpusSentence = { text: string; lang: "nb" | "nn"; identifiesChild: boolean };

const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"));

const identifiesNb = lines(`
Emma (7 år) blir holdt utenfor i friminuttene.
Vi er bekymret for Ola i 3B, som ofte kommer for sent.
Lise på 2. trinn har fått ny assistent.
Gutten i 5A med ADHD trenger mer struktur i overgangene.
Eleven Jonas har vært borte fra skolen i tre uker.
Noah, 6 år, gråter hver morgen ved levering.
Sofie går i 4C og har sagt til helsesykepleier at hun ikke vil på skolen.
Jenta på 9 år som flyttet hit i høst, sitter alene i lunsjen.
Vi har sendt bekymringsmelding om Lucas til barnevernet.
Filip har diagnosen autisme og trenger en skjermet plass i klasserommet.
Sønnen min i 2B blir mobbet på skoleveien.
Datteren min Maja (5) vil ikke gå i barnehagen lenger.
Barnet som heter Oliver, har utfordringer med språket.
Ingrid fra 6A ble slått i gymgarderoben i går.
Aksel er 4 år og har en alvorlig nøtteallergi.
Mathias, som går i 7. klasse, har fått vedtak om spesialundervisning.
Åtte år gamle Amalie har ikke lært å lese ennå.
Foreldrene til Isak i 1A har klaget på tonen i klassen.
Theo (3) biter de andre barna på avdelingen.
Tobias har Tourettes syndrom, og medelevene ler av ham.
Vilde i 10B har høyt fravær denne våren.
Gutten på 8 år som kom fra Ukraina, forstår lite norsk ennå.
Vi trenger råd om eleven med dysleksi i 4A.
Hedda på avdeling Blåbær er redd for de store barna.
Emil, 11 år, har sluttet å gå på SFO.
Jenta i 3C med epilepsi må ha en voksen med på turer.
Kan noen ringe meg om Sara i 2. klasse?
Leah har fått IOP i matematikk.
Henrik Larsen (9 år) har vært utsatt for vold hjemme.
Eleven vår, Mohammed, har ikke fått tolk på foreldremøtet.
Nora Berg i 5B har skrevet en fin tekst, men hun blir ertet for den.
Vi ser at Elias (10) trekker seg unna gruppa.
Kan dere hjelpe oss med jenta som heter Selma?
Ungen i 1B som har angst, vil ikke gå inn i klasserommet.
William på 5 år snakker ikke med de voksne i barnehagen.
Frida går på 6. trinn og har blitt utestengt fra gruppechatten.
Ella i 4A har diabetes og må måle blodsukkeret før lunsj.
Benjamin fra 7C ble filmet i garderoben uten å vite det.
Sjuåringen Olivia forteller om vonde ting hjemme.
Magnus (15) har skulket i to uker.
Sønnen vår Jakob på 6 år har ADHD og får ikke nok hjelp.
Eleven i 8B som har Aspergers syndrom, trenger forutsigbarhet.
Hanna og Ida i 3A blir hele tiden satt opp mot hverandre.
Oskar har fått sakkyndig vurdering fra PPT.
Lukas går i 2. klasse og har store lese- og skrivevansker.
Gutten i 6B har fått enkeltvedtak om spesialundervisning.
Julie er 13 år og har sluttet å spise på skolen.
Adrian på småbarnsavdelingen sover dårlig etter at faren flyttet.
Marius, 12 år, har fått en bot for hærverk.
Sander i 9A blir kalt stygge ting på grunn av hudfargen.
Kontaktlæreren til Ingrid i 4B har sendt melding hjem.
Tiril har hatt mye fravær etter at hun fikk diagnosen depresjon.
Vi ønsker veiledning om eleven Mia, som utagerer mot de voksne.
Emma og Ola i 3B sloss hver dag i storefri.
Ane Marie (6 år) har selektiv mutisme.
Vi har en elev på 1. trinn som ikke snakker norsk ennå.
Den minste i gruppa, Petter, har problemer med å sitte stille.
Tvillingene Even og Eivind blir alltid plassert hver for seg.
Moren til Linnea har bedt om et møte etter det som skjedde i gymtimen.
Han i 3B med rødt hår blir ertet hele tiden.
Emma Hansen i 6A har sluttet å snakke med noen i klassen.
Hun som begynte i 2C etter jul, har ingen å være sammen med.
Kasper (8) har fått et eget rom å roe seg ned i.
Vi lurer på om dere har erfaring med en gutt på 7 år som ikke vil gå på skolen.
Tobias i 5. klasse har blitt utestengt fra fotballen i friminuttene.
Astrid, som er 10 år, sier at hun gruer seg til skolen hver dag.
Barnet på 4 år i Blåbær-avdelingen er ofte alene i leken.
Guri? Nei, det er Selma på Tyttebær-avdelingen som trenger tolk.
Eleven i 6C med CP trenger heis for å komme til musikkrommet.
Jeg er mor til Aurora på 3. trinn, og hun blir mobbet.
Ola Martin på avdeling Maurtua har fått plass på storebarnsavdelingen fra august.
Sjuåringen på 1. trinn som slo en lærer, er sendt hjem.
Vi har ei jente i 4A som har sluttet å komme på skolen.
Jakob har fått diagnosen ADHD og går på medisiner.
Vi har en ny elev, Amir, som startet i 4B i januar.
Noen i 7A har delt et bilde av Emma på Snapchat.
Alle i 2B vet at det er Jonas som tar ballen fra de andre.
Sindre på 10 år har bursdag i dag, men ingen kom i selskapet.
Elevrådsleder Sofie i 10A sier at hun blir truet på nett.
Eleven i 10B som har søkt om fritak, må få svar i dag.
Yusuf (6) har fått plass på Tyttebær-avdelingen.
Vi har en liten gutt på 3 år som gråter hele dagen.
# Held out.
Kan noen fra PPT observere Nikolai i klassen hans i neste uke?
Etter samtalen med foreldrene til Elias ble vi enige om en plan.
Mia i 6. klasse har fortalt at hun blir plaget av noen eldre elever.
Vi har en jente på småbarnsavdelingen som ikke spiser.
Odin (4) skriker når faren går.
Lillebroren til Emil går også i barnehagen vår.
Eleven Leon Ahmadi i 9C har søkt om permisjon i to uker.
Sofie og Ingrid (begge 9 år) har laget et eget hemmelig språk.
Noah har sagt til miljøterapeuten at han ikke vil leve lenger.
En 12 år gammel gutt ble utsatt for grov vold utenfor skolen.
Jenta vår har fått plass i 1. klasse på Hauge skole.
Elin på Maurtua tisser seg ut flere ganger i uka.
Vi har brukt mye tid på saken om gutten som ble utestengt fra bursdagen.
Sebastian Olsen, 7B, har flyttet til Bergen.
Thea og vennene hennes på 4. trinn har startet en klubb som holder andre utenfor.
Kan Ibrahim (5B) få følge til bussen etter skolen?
Eleven, som har dysleksi, får lydbøker i alle fag.
Amina, fem år, har nettopp kommet til Norge.
Kristoffer i 10. klasse har søkt om å ta eksamen hjemme.
Hugo har fortalt at han blir slått hjemme.
Jenta med hijab i 8A blir kalt terrorist av noen på trinnet.
# Held out, a second batch (written after the first had been used to tune).
Mormoren til Ylva ringte i dag og var sint på skolen.
Vi har observert Jonas (6B) i tre friminutt.
Gutten som alltid sitter alene på biblioteket, heter Filip.
Malin har hatt epileptiske anfall to ganger på skolen.
Kan vi få en samtale om Oliver på Bjørnehiet?
Sønnen til Kari og Per går i 5C.
Vilma har autisme og blir lett sliten i store grupper.
Det er Ella i 2B som har tatt bildene.
`);

const identifiesNn = lines(`
Kari (7 år) blir halden utanfor i friminutta.
Guten i 5A med ADHD treng meir struktur.
Eleven Sindre har vore borte frå skulen i tre veker.
Barnet som heiter Live, har vanskar med språket.
Jenta på 2. trinn som flytta hit i haust, sit åleine i lunsjen.
Ola i 3B kjem ofte for seint.
Sonen min i 2B blir mobba på skulevegen.
Dottera vår Solveig (5) vil ikkje gå i barnehagen lenger.
Eirik frå 6A vart slått i garderoben i går.
Ingvild er 4 år og har alvorleg nøtteallergi.
Torstein, som går i 7. klasse, har fått vedtak om spesialundervisning.
Åtte år gamle Ragnhild har ikkje lært å lese enno.
Vi har sendt bekymringsmelding om Knut til barnevernet.
Synnøve har diagnosen autisme og treng ein skjerma plass.
Guten på 8 år som kom frå Syria, forstår lite norsk enno.
Vi treng råd om eleven med dysleksi i 4A.
Gunnhild på avdeling Revebjølla er redd for dei store borna.
Jørgen, 11 år, har slutta å gå på SFO.
Jenta i 3C med epilepsi må ha ein vaksen med på turar.
Kan nokon ringje meg om Astrid i 2. klasse?
Halvard har fått IOP i norsk.
Eleven vår, Ahmed, har ikkje fått tolk på foreldremøtet.
Vi ser at Brage (10) trekkjer seg unna gruppa.
Kan de hjelpe oss med jenta som heiter Tuva?
Ungen i 1B som har angst, vil ikkje gå inn i klasserommet.
Sigrid går på 6. trinn og har vorte utestengd frå gruppechatten.
Eline i 4A har diabetes og må måle blodsukkeret før lunsj.
Sjuåringen Jenny fortel om vonde ting heime.
Håkon (15) har skulka i to veker.
Eleven i 8B som har Aspergers syndrom, treng føreseielegheit.
Guten i 6B har fått enkeltvedtak om spesialundervisning.
Marte er 13 år og har slutta å ete på skulen.
Sverre i 9A blir kalla stygge ting på grunn av hudfargen.
Ragnar Haugen (9 år) har vore utsett for vald heime.
Kristin har fått sakkunnig vurdering frå PPT.
Tuva og Oda i 3A blir heile tida sette opp mot kvarandre.
Vetle på 5 år snakkar ikkje med dei vaksne i barnehagen.
Dei andre ungane ertar Ola fordi han har CP.
Me har ein gut i 2C som ikkje vil gå inn frå friminuttet.
Ei jente på 10 år har fortalt om vald heime.
Storesøstera til Maja i 1A hentar henne kvar dag.
Mattias har ADHD og får ikkje nok hjelp i klassen.
Vi er uroa for Idun (6) på storebarnsavdelinga.
Helene, 14 år, har sagt at ho vil flytte til faren.
Kontaktlæraren til Jens i 5C har meldt frå til rektor.
Vebjørn på 4. trinn har fått ny assistent etter jul.
Eleven Sunniva har søkt om fritak frå kroppsøving.
Sonen vår på 12 år har slutta å gå på skulen.
Lilja, 3 år, bit dei andre borna på avdelinga.
Den yngste i gruppa, Tarjei, har problem med å sitje still.
Mora til Embla har bede om eit møte etter det som hende i gymtimen.
Ho som byrja i 2C etter jul, har ingen å vere saman med.
Kaja (8) har fått eit eige rom å roe seg ned i.
Eleven i 6C med CP treng heis for å kome til musikkrommet.
Eg er mor til Aurora på 3. trinn, og ho blir mobba.
Snorre har fått diagnosen ADHD og går på medisinar.
Vi har fått ein ny elev, Hamza, som byrja i 4B i januar.
Nokon i 7A har delt eit bilete av Ingrid på Snapchat.
Ein liten gut på 3 år græt heile dagen i barnehagen.
Eleven i 10B som har søkt om fritak, treng svar i dag.
Ei elev på 7. trinn har fortalt kontaktlæraren at ho blir plaga.
Sjuåringen Ylva på 1. trinn har framleis ikkje fått tolk.
# Held out.
Ho Sunniva i 2A er ofte sliten om morgonen.
Eg har ein son i 3. klasse som ikkje får leselekser tilpassa.
Dottera mi på sju år vil ikkje sove åleine etter det som skjedde.
Vi treng tolk til foreldremøtet for Yusuf i 1C.
Barnet på Blåklokka som har hatt mykje fråvær, har no fått vedtak om spesialpedagogisk hjelp.
Sjølv om Lea berre er 3 år, forstår ho alt som blir sagt.
Tuva (Vg1) har skulka mykje i haust.
Vi er redde for at Ask i 2A blir utsett for vald heime.
Guten hennar Kari er 6 år og har autisme.
# Held out, a second batch.
Ei 9 år gammal jente har fortalt om overgrep.
Ungen vår på fire år vil ikkje gå i barnehagen.
`);

const ordinaryNb = lines(`
3. trinn skal jobbe med vennskap og klassemiljø i høst.
Alle barn i gruppa skal ha en voksen de er trygge på.
Emma Hansen, rektor, leder arbeidet med kartleggingen.
Møtet i læringsnettverket er 14.03.2027 kl. 12.00 på rådhuset.
Org.nr. 974767880 skal stå på fakturaen.
Ring oss på 23 30 12 00 hvis dere har spørsmål.
Kontaktlærer Ola Nordmann i 3B har ansvar for tiltaket.
Elever med ADHD har rett til tilrettelagt opplæring.
Barn med særskilte behov skal få hjelp tidlig.
Eleven har rett til et trygt og godt skolemiljø, jf. opplæringsloven kapittel 12.
Pedagogisk leder Kari Johansen på avdeling Blåbær tar imot nye barn i august.
Per trinn har vi satt av to timer i uka til klassemøter.
Dag 1 av samlingen handler om forebygging av mobbing.
Vår 2027: alle ansatte deltar i nettverksmøter.
Vi har 45 elever på 5. trinn fordelt på to klasser.
Tiltaket skal evalueres i juni 2027 av ressurspersonen.
Styrer Liv Andersen presenterte barnehagens plan.
Ressursperson Frode Berg besøkte skolen 12. mai.
PP-tjenesten deltar på neste møte i nettverket.
Vi har kartlagt skolemiljøet på 5.–7. trinn med Elevundersøkelsen.
Klasse 4A og 4B skal ha felles friminutt fra januar.
Foreldremøtet for 2. trinn er flyttet til 3. oktober.
Ansatte på småbarnsavdelingen har laget nye rutiner for levering.
Lærerne på 8. trinn ønsker mer veiledning om klasseledelse.
Kommunen har 12 barnehager og 6 skoler i pulje 3.
Kari Nordmann (kommunalsjef) og Ola Hansen (rådgiver) leder nettverket.
Nettverket møtes fire ganger i året, neste gang 10.02.2027.
Vi bruker 30 minutter på hver samling til refleksjon i grupper.
Barna i barnehagen har laget regler for lek sammen med de voksne.
Tema for neste samling er barnehageloven kapittel 8 om et trygt og godt barnehagemiljø.
Emma Larsen fra Statsforvalteren orienterte om aktivitetsplikten.
Rektor og to lærere fra 7. trinn deltok på samlingen.
Skolen har organisert friminuttene i soner fra 1. til 4. trinn.
Kurs om autisme for Kari Nordmann og kollegene hennes er flyttet.
Foredrag om ADHD ved Ola Hansen, spesialpedagog i PPT.
Elevrådet på 6. trinn har foreslått faste lekegrupper.
Vi har telefonnummer 477 99 200 til FUB.
Kontaktperson: Marius Olsen, rådgiver, marius.olsen@kommune.example.
Gruppen av 5-åringer har egen skoleforberedende aktivitet.
Barn på 4 år trenger tydelige voksne i overgangene.
Eleven skal kunne samarbeide med andre etter 4. trinn.
Trinnlederne for 1.–4. trinn møtes annenhver tirsdag.
Kristiansand kommune har 357 ansatte i barnehagene.
Tiltak: voksne i gangen ved hvert friminutt (ansvar: lærerne på 3. trinn).
Statusen er satt til «under arbeid», og neste milepæl er 1.12.2026.
Vi savner kontaktpersonene på siden om pulje 3.
Fant ikke søknadsfristen for neste pulje.
Siden var vanskelig å lese på mobil.
Lenken til opplæringsloven kapittel 12 virker ikke.
Ingrid Alexandra skole deltar i nettverket.
Saksnummer 20270012345 gjelder søknaden fra kommunen.
Ring 92345678 for å melde fravær fra samlingen.
Rapporten for 2026 viser at 87 % av elevene trives.
Ved oppstart i august var det 23 barn på avdelingen.
Barnehagen har fire avdelinger: Blåbær, Tyttebær, Multe og Bringebær.
Emma Hansen og Ola Nordmann presenterte tiltakene fra skolen.
Lærer Sofie Dahl har laget et opplegg om vennskap for 2. trinn.
Vi har hatt 7 år med fokus på klassemiljø, og Emma Holm leder nå arbeidet.
Ola Nordmann har jobbet 12 år som lærer på skolen.
Gruppeleder Maja Solberg tar imot innspill til planen.
Hver elev skal ha en voksen å gå til.
Barnet skal møtes med respekt, jf. barnehageloven § 3.
En elev kan be om møte med rektor.
Gutter og jenter på 7. trinn svarer ulikt på Elevundersøkelsen.
Jentene i 9. klasse har laget en egen aksjon mot mobbing.
Barna på storebarnsavdelingen har fått nye leker.
Vi har delt klassen i fire grupper på 6 elever.
Sara Nilsen, helsesykepleier, deltar på møtene på 8. trinn.
Mathias Berg, rådgiver hos Statsforvalteren i Agder, var ordstyrer.
Det var 14 deltakere fra 6 kommuner på nettverksmøtet 4. mars.
Stine Stab (lærer på 5. trinn) skrev referatet.
Hei! Jeg lurer på om kurset passer for barnehageansatte.
Vi trenger mer tid til arbeidet på 3. og 4. trinn.
Tor Lærer og Stine Stab har ansvar for tiltaket i 5A og 5B.
Planen for 2027 er vedtatt i kommunestyret 12.12.2026.
Elevene i 6C har laget plakater om inkludering.
Barnehagen bruker Trygg-pakken, og 5-åringene har egne vennskapsgrupper.
Til stede: Kari Nordmann (2. trinn), Ola Hansen (4. trinn) og rektor.
Eleven med behov for spesialundervisning skal ha en individuell opplæringsplan.
Barnet skal høres før vedtak om spesialpedagogisk hjelp fattes.
Kari meldte forfall på grunn av sykdom.
Ola Hansen har ansvar for kurset om elever med ADHD.
Vi har sett på hvordan de voksne møter barn med angst.
Rektor Siv Pedersen og inspektør Rune Eide møter fra skolen.
Neste gang tar vi opp hvordan 1. trinn kan ta imot nye elever midt i året.
Fristen for å svare er 1. mars 2027, og kommunen svarer innen 15. mars.
Kontonummer 1234.56.78903 skal brukes ved innbetaling.
Læringsnettverket i Agder har 38 deltakere fra 12 kommuner.
Kari (2. trinn) og Ola (4. trinn) deltok fra skolen.
Ola på 5. trinn har laget et fint opplegg om vennskap som vi deler.
Emma på avdeling Blåbær tar imot nye foreldre i august.
Kari holder autismekurs for personalet på torsdag.
Barnet i sentrum er tema for høstens planleggingsdag.
En gutt og en jente fra hver klasse sitter i elevrådet.
Telefon 41234567, org.nr. 987654321.
Elevene i 5A har lest om Pippi og venninnen Annika.
Ola har ADHD-kurs for ansatte i februar.
# Held out.
Kari og Ola fra 7. trinn presenterte hvordan de jobber med klassemøter.
Læreren i 3B har fått en ekstra voksen i matematikktimene.
Neste samling handler om hvordan vi snakker med barn om vold.
På planleggingsdagen 14. august går vi gjennom Elevundersøkelsen for 5.–10. trinn.
Ingrid Bergstrøm fra PPT hadde et innlegg om språkvansker hos minoritetsspråklige barn.
Jonas Gahr Støre besøkte skolen i fjor.
Barnehagen har 4 avdelinger og 68 barn fordelt på to hus.
Vi ønsker at alle 10. klasser får samme tilbud.
Rektor Hilde Moen har sendt ut invitasjon til foreldremøtet i 2A.
Tiltaket «Trygg i 1A» er utvidet til hele småtrinnet.
Mobbeombudet i Agder, Kari Hansen, deltok på nettverksmøtet.
Foreldrerådsmøtet vedtok nye ordensregler for 8.–10. trinn.
Liv og røre i gangene er et tema vi tar opp på trinnmøtet.
Vi har satt av 90 minutter til arbeid i grupper på tvers av skolene.
Erik og Marit har ansvaret for foreldremøtet i 4B.
Hei, jeg heter Kari og er lærer på en skole i Kristiansand.
Kan dere sende meg presentasjonen fra samlingen 3. mars?
Ansatte med barn i barnehagen kan ta med barna på sommerfesten.
Eleven skal oppleve mestring, jf. læreplanen for 1.–10. trinn.
Det ble meldt 12 saker etter § 12-4 i fjor, mot 18 året før.
# Held out, a second batch.
Vi har bestilt lokale til samlingen på Scandic Bystranda 4. juni.
Elevene i 7A og 7B har felles prosjekt om demokrati.
Kari Solheim (PPT) og Ola Aas (helsesykepleier) var med på møtet.
Per i dag har 14 av 20 barnehager svart på kartleggingen.
Ingen av lærerne på 6. trinn hadde hørt om tiltaket.
Hilsen Marte, lærer på 3. trinn.
Tone i teksten bør være vennlig og tydelig.
Emma, Sofie og Noah er de mest populære navnene i Norge i år.
`);

const ordinaryNn = lines(`
3. trinn skal arbeide med venskap og klassemiljø i haust.
Alle barn i gruppa skal ha ein vaksen dei er trygge på.
Kari Hansen, rektor, leier arbeidet med kartlegginga.
Møtet i det lærande nettverket er 14.03.2027 kl. 12.00 på rådhuset.
Elevar med ADHD har rett til tilrettelagd opplæring.
Born med særskilde behov skal få hjelp tidleg.
Eleven har rett til eit trygt og godt skulemiljø.
Kontaktlærar Sindre Nilsen i 3B har ansvaret for tiltaket.
Pedagogisk leiar Gunnhild Vik på avdeling Revebjølla tek imot nye born i august.
Per trinn har vi sett av to timar i veka til klassemøte.
Vi har 45 elevar på 5. trinn fordelte på to klassar.
Tiltaket skal evaluerast i juni 2027 av ressurspersonen.
Styrar Liv Haugland presenterte planen til barnehagen.
Ressursperson Torstein Aas besøkte skulen 12. mai.
PP-tenesta deltek på neste møte i nettverket.
Foreldremøtet for 2. trinn er flytta til 3. oktober.
Tilsette på småbarnsavdelinga har laga nye rutinar for levering.
Lærarane på 8. trinn ønskjer meir rettleiing om klasseleiing.
Kommunen har 12 barnehagar og 6 skular i pulje 3.
Nettverket møtest fire gonger i året, neste gong 10.02.2027.
Borna i barnehagen har laga reglar for leik saman med dei vaksne.
Rektor og to lærarar frå 7. trinn deltok på samlinga.
Elevrådet på 6. trinn har føreslått faste leikegrupper.
Trinnleiarane for 1.–4. trinn møtest annakvar tysdag.
Tiltak: vaksne i gangen i kvart friminutt (ansvar: lærarane på 3. trinn).
Vi fann ikkje søknadsfristen for neste pulje.
Sida var vanskeleg å lese på mobil.
Org.nr. 974767880 skal stå på fakturaen frå kommunen.
Solveig Aasen frå Statsforvaltaren orienterte om aktivitetsplikta.
Kurs om autisme for Ingvild Dahl og kollegaene hennar er flytta.
Kvar elev skal ha ein vaksen å gå til.
Gutar og jenter på 7. trinn svarar ulikt på Elevundersøkinga.
Jentene i 9. klasse har laga ein eigen aksjon mot mobbing.
Barnet skal møtast med respekt, jf. barnehagelova § 3.
Ola Nordmann har arbeidd 12 år som lærar på skulen.
Sara Nilsen, helsesjukepleiar, er med på møta på 8. trinn.
Det var 14 deltakarar frå 6 kommunar på nettverksmøtet 4. mars.
Vi treng meir tid til arbeidet på 3. og 4. trinn.
Elevane i 6C har laga plakatar om inkludering.
Dag 2 av samlinga handlar om førebygging av mobbing.
Kontaktperson: Marius Olsen, rådgjevar, marius.olsen@kommune.example.
Saksnummer 2027/1234 gjeld søknaden frå kommunen.
Ring oss på 57 65 43 21 om de har spørsmål.
Barnehagen har fire avdelingar: Blåbær, Tyttebær, Multe og Bringebær.
Rektor Eirik Bø og inspektør Marit Lie møter frå skulen.
Planen for 2027 er vedteken i kommunestyret 12.12.2026.
Til stades: Ingrid Vik (2. trinn), Knut Bø (4. trinn) og rektor.
Kari melde forfall på grunn av sjukdom.
Vi har sett på korleis dei vaksne møter born med angst.
Fristen for å svare er 1. mars 2027, og kommunen svarar innan 15. mars.
Læringsnettverket i Vestland har 24 deltakarar frå 9 kommunar.
Alle tilsette på 1.–4. trinn har fått kurs i relasjonsbygging.
Vi har lagt inn tre nye tiltak i planen for skulemiljøet.
Refleksjon etter samlinga: vi må bli betre på å sjå dei stille elevane.
Skulen har 320 elevar og 40 tilsette.
Neste nettverksmøte er 3. februar på Førde barneskule.
Sindre Nilsen og Gunnhild Vik har laga opplegg for foreldremøta.
Lærarane i 5A og 5B har felles planleggingstid på torsdagar.
Vi ønskjer oss fleire døme på gode tiltak mot utestenging.
Eleven skal kunne setje ord på kjensler etter 2. trinn.
Kari (2. trinn) og Ola (4. trinn) deltok frå skulen.
Ein gut og ei jente frå kvar klasse sit i elevrådet.
Barnet i sentrum er tema for planleggingsdagen i haust.
# Held out.
Kari og Ola frå 7. trinn viste korleis dei arbeider med klassemøte.
Læraren i 3B har fått ein ekstra vaksen i matematikktimane.
Barnehagen har 4 avdelingar og 68 born fordelte på to hus.
Rektor Hilde Moen har sendt ut innkalling til foreldremøtet i 2A.
Alle tilsette skal ha gjennomført kurset innan 1. desember.
Korleis kan vi få med oss foreldra til elevane på 8. trinn?
Nettverket i Sogn har no 11 skular og 7 barnehagar med.
Tilsette med born i barnehagen kan ta med borna på sommarfesten.
Helsesjukepleiar Marte Sæther har kontordag på skulen kvar tysdag.
Vi held fram med leseøktene for 3. og 4. trinn til jul.
# Held out, a second batch.
Nettverket tok opp saka om ADHD-medisinering i skuletida.
Kontaktlærarane på 9. trinn har laga ein felles plan for overgangen.
`);

export const CHILD_GUARD_CORPUS: readonly CorpusSentence[] = [
  ...identifiesNb.map((text) => ({ text, lang: "nb" as const, identifiesChild: true })),
  ...identifiesNn.map((text) => ({ text, lang: "nn" as const, identifiesChild: true })),
  ...ordinaryNb.map((text) => ({ text, lang: "nb" as const, identifiesChild: false })),
  ...ordinaryNn.map((text) => ({ text, lang: "nn" as const, identifiesChild: false })),
];

/** What the guard flags of the corpus: the share found of those that identify a child, and
 * the share flagged of those that do not. A sentence is flagged when the guard warns on it or
 * refuses it. */
export function corpusScores(
  flags: (text: string) => boolean,
  corpus: readonly CorpusSentence[] = CHILD_GUARD_CORPUS,
): { recall: number; falseAlarms: number; missed: string[]; alarms: string[] } {
  const positives = corpus.filter((s) => s.identifiesChild);
  const negatives = corpus.filter((s) => !s.identifiesChild);
  const missed = positives.filter((s) => !flags(s.text)).map((s) => s.text);
  const alarms = negatives.filter((s) => flags(s.text)).map((s) => s.text);
  return {
    recall: (positives.length - missed.length) / positives.length,
    falseAlarms: alarms.length / negatives.length,
    missed,
    alarms,
  };
}
