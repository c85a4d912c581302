/**
 * The child guard's word lists and patterns (kernel/child-guard.ts reads them; decision 0024).
 * Data, not code: a word or a pattern is added here, and the corpus test
 * (child-guard-corpus.ts) says what it did to recall and false alarms. Patterns are regular
 * expression sources; child-guard.ts compiles them once with the `u` flag.
 */

/** A list written as text: entries separated by commas or line breaks. */
function list(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Common Norwegian first names, written from general knowledge: the names of children born
 * from about 2005 to today, names common among their parents, older names that come back,
 * names common in nynorsk-speaking areas, and names common among Norwegian children with
 * families from elsewhere. Matched only when written with a capital letter. Left out on
 * purpose: names that are also ordinary words written capitalised at the start of a sentence
 * and next to a number ("Vår 2027", "Dag 1", "Mai"), and names of trees that are also the
 * names of kindergartens ("Ask", "Eik", "Lind").
 */
export const FIRST_NAMES: readonly string[] = list(`
  Ada, Adele, Agnes, Agnete, Aisha, Alba, Alexandra, Alice, Alina, Alma, Amalie, Amanda,
  Amelia, Amina, Andrea, Ane, Anette, Angelica, Anja, Ann, Anna, Anne, Anne-Lise, Annika, Aria,
  Ariana, Asta, Astrid, Aurora, Aya, Beate, Benedicte, Bente, Birgitte, Birte, Bjørg, Borghild,
  Camilla, Caroline, Cecilie, Celine, Charlotte, Christina, Christine, Clara, Dagny, Dina,
  Ebba, Edith, Eira, Eline, Elise, Ella, Ellen, Ellinor, Elsa, Elvira, Embla, Emilie, Emily,
  Emma, Eva, Fatima, Frida, Frøya, Guro, Gunhild, Gunnhild, Hafsa, Hanna, Hannah, Hanne, Hedda,
  Hedvig, Heidi, Helene, Helga, Hilde, Hilma, Ida, Idun, Ina, Ine, Ingeborg, Ingrid, Ingvild,
  Iris, Isabel, Isabella, Isabelle, Jenny, Johanne, Josefine, Julia, Julie, June, Kaja,
  Kamilla, Karen, Kari, Karin, Karoline, Kasia, Katrine, Kristin, Kristine, Laila, Lea, Leah,
  Lena, Leonora, Lilja, Lily, Lina, Linn, Linnea, Lisa, Lise, Live, Liv, Lotte, Louise, Lovise,
  Lucia, Luna, Madelen, Madeleine, Mali, Malin, Maren, Margit, Margrethe, Mari, Maria, Mariam,
  Marie, Marit, Marte, Martine, Maryam, Mathilde, Matilde, Maya, Maja, Mia, Mila, Milla, Mille,
  Mina, Mira, Moa, Nathalie, Nela, Nikoline, Nina, Noor, Nora, Norah, Oda, Olivia, Othilie,
  Pernille, Petra, Ragna, Ragnhild, Rakel, Randi, Rebekka, Ronja, Runa, Ruth, Saga, Sandra,
  Sanna, Sara, Sarah, Selma, Signe, Sigrid, Silje, Siri, Siv, Sofia, Sofie, Solveig, Stine,
  Synne, Synnøve, Tea, Thea, Tiril, Tina, Tone, Tonje, Trine, Tuva, Tyra, Una, Unni, Vanessa,
  Vera, Victoria, Vilde, Vilja, Viktoria, Wenche, Ylva, Yasmin, Zahra, Zainab, Zara, Åse,
  Åshild, Aasmund, Adam, Adrian, Ahmed, Aksel, Alexander, Alf, Ali, Amir, Anders, Andreas,
  Anton, Arne, Arnt, Aron, Arvid, Asbjørn, Audun, Axel, Bastian, Benjamin, Bjarne, Bjørn,
  Brage, Bård, Carl, Christian, Daniel, David, Edvard, Edvin, Eilif, Einar, Eirik, Eivind,
  Elias, Emil, Emir, Endre, Erik, Erlend, Erling, Espen, Even, Eyvind, Filip, Finn, Fredrik,
  Frode, Gabriel, Geir, Gjermund, Gunnar, Gustav, Hallvard, Halvard, Halvor, Hamza, Hans,
  Harald, Hassan, Helge, Henrik, Herman, Hugo, Håkon, Håvard, Ibrahim, Isak, Ivar, Jakob,
  Jacob, Jan, Jens, Joakim, Johan, Johannes, Jon, Jonas, Jonatan, Jostein, Julian, Jørgen,
  Kasper, Kevin, Kim, Kjell, Kjetil, Knut, Kristian, Kristoffer, Lars, Leo, Leon, Liam, Ludvig,
  Lukas, Lucas, Magne, Magnus, Marcus, Marius, Markus, Martin, Mathias, Matheo, Mathis, Matias,
  Mattias, Max, Mikael, Mohammad, Mohammed, Muhammad, Morten, Nikolai, Nils, Noah, Odd, Olav,
  Ole, Oliver, Omar, Oscar, Oskar, Ola, Patrick, Paul, Peder, Per, Peter, Petter, Philip,
  Ragnar, Rasmus, Rune, Sander, Sebastian, Sigurd, Simen, Simon, Sindre, Sivert, Snorre, Stian,
  Steinar, Storm, Svein, Sverre, Syver, Teodor, Theo, Theodor, Thomas, Tiago, Tobias, Tom, Tor,
  Tore, Torbjørn, Torstein, Trond, Trygve, Vebjørn, Vegard, Vetle, Viktor, Vilhelm, William,
  Yusuf, Øystein, Øyvind, Ådne, Alex, Eli, Kai, Noa, Robin, Sasha, Sam, Ulrik, Yunus, Zakaria
  Aleksander, Amund, Birk, Bror, Elling, Eskil, Eskild, Iver, Jesper, Jonathan, Kristofer,
  Lavrans, Mons, Nicolai, Nikolas, Olai, Olaf, Ruben, Samuel, Selmer, Sigve, Tarjei, Tellef,
  Torje, Vemund, Werner, Eir, Emilia, Hennie, Hermine, Iben, Ingri, Kornelia, Liva, Lykke,
  Maiken, Marthe, Mathea, Nova, Oline, Stella, Sunniva, Tale, Tilde, Tomine, Ulrikke,
  Anita, Elisabeth, Gro, Grete, Inger, Ingunn, Kjersti, Lene, Linda, Marianne, Mette, Monica,
  Torill, Trude, Turid, Vigdis, Jarle, Jørn, Kåre, Leif, Roar, Roger, Rolf, Stig, Terje, Tommy,
  Vidar, Elin, Odin, Guri, Hege, Ingebjørg, Jorunn, Gudrun, Sølvi, Eldrid, Torunn, Aslak, Eilev,
  Tord, Truls, Didrik, Mikkel, Sondre, Tarald, Trym, Vilmer
`);

/**
 * Words for one particular child (bokmål and nynorsk), matched without regard to case.
 * `strong`: words that always mean one particular child (the boy, the girl, my son). `weak`:
 * words that also stand for any pupil or child in general writing ("Eleven har rett til …",
 * "Barnet skal høres"): they count only with a name, a class with its letter, an age, a
 * diagnosis or "som heter". Indefinite forms count only after an article or a possessive
 * (`articles`), so "jentefotball" and "Barn på 4 år trenger …" are left alone.
 */
export const CHILD_WORDS = {
  strong: list(`
    gutten, jenta, jenten, ungen, sønnen, datteren, dattera, poden, tvillingene,
    guten, sonen, dottera, tvillingane
  `),
  weak: ["eleven", "barnet"],
  /** Indefinite: after an article or a possessive (articles below), maybe one word between. */
  strongIndefinite: ["gutt", "gut", "jente", "sønn", "son", "datter", "dotter"],
  weakIndefinite: ["elev", "barn"],
  articles: ["en", "ein", "ei", "et", "eit", "min", "mi", "mitt", "vår", "vårt", "vor"],
  /** A possessive after the word: "sønnen min", "dottera vår". */
  possessives: ["min", "mi", "mitt", "vår", "vårt", "våre", "vor", "deira", "deres"],
  /** Pronouns that name one child with a class ("han i 3B"), and only with one. */
  pronouns: ["han", "hun", "ho"],
};

/** A child's family, before "til" and a first name: "moren til Linnea", "mora til Embla". */
export const FAMILY_WORDS: readonly string[] = list(`
  mor, moren, mora, far, faren, mamma, mammaen, pappa, pappaen, foreldre, foreldrene, foreldra,
  bror, broren, søster, søsteren, søstera, storebror, storebroren, storesøster, storesøsteren,
  storesøstera, lillebror, lillebroren, lillesøster, lillesøsteren, lillesøstera,
  besteforeldrene, besteforeldra, bestemor, bestefar, verge, vergen
`);

/**
 * Roles of adults. A name right after one of these ("kontaktlærer Ola i 3B", "pedagogisk leder
 * Kari Johansen på avdeling Blåbær") is an adult's, and the name's class or department is
 * where they work.
 */
export const STAFF_ROLES: readonly string[] = list(`
  rektor, assisterende rektor, inspektør, lærer, lærar, kontaktlærer, kontaktlærar, faglærer,
  faglærar, lektor, adjunkt, styrer, styrar, barnehagelærer, barnehagelærar, pedagogisk leder,
  pedagogisk leiar, pedleder, assistent, barne- og ungdomsarbeider, fagarbeider, fagarbeidar,
  spesialpedagog, helsesykepleier, helsesjukepleiar, helsesøster, miljøterapeut, miljøarbeider,
  miljøarbeidar, avdelingsleder, avdelingsleiar, enhetsleder, einingsleiar, trinnleder,
  trinnleiar, ressursperson, koordinator, rådgiver, rådgjevar, seniorrådgiver, seniorrådgjevar,
  sosiallærer, sosiallærar, kommunalsjef, kommunalsjefen, direktør, leder, leiar, veileder,
  rettleiar, prosjektleder, prosjektleiar, vaktmester, sekretær, verneombud, tillitsvalgt,
  tillitsvald, kollega, kollegaen, praksisstudent, student, tolk, foreldrekontakt, FAU-leder,
  FAU-leiar, ordfører, ordførar, statsforvalter, statsforvaltar, saksbehandler, sakshandsamar,
  psykolog, logoped, fysioterapeut, ergoterapeut
`);

/** Ages of children in words (1 to 17), bokmål and nynorsk. */
export const AGE_WORDS: readonly string[] = list(`
  ett, eitt, ein, en, to, tre, fire, fem, seks, sju, syv, åtte, ni, ti, elleve, tolv, tretten,
  fjorten, femten, seksten, sytten
`);

/**
 * Diagnoses and conditions (health data about a child). Matched as written or with a capital
 * first letter, as whole words with an inflection ("diabetesen") or with "-diagnose"
 * ("ADHD-diagnosen"), but not as the start of another compound ("autismekurs" is a course).
 * Acronyms that are also ordinary letters ("CP", "ADD") are in `DIAGNOSIS_ACRONYMS` and are
 * matched only in capitals.
 */
export const DIAGNOSES: readonly string[] = list(`
  adhd, autisme, autismespekterforstyrrelse, autismespekterlidelse, autist, asperger, aspergers, tourette, tourettes, dysleksi,
  dyskalkuli, dyspraksi, epilepsi, diabetes, cerebral parese, downs syndrom, down syndrom,
  angst, angstlidelse, depresjon, depressiv, spiseforstyrrelse, anoreksi, bulimi, språkvanske,
  språkvansker, språkvanskar, lese- og skrivevansker, lese- og skrivevanskar,
  utviklingshemming, utviklingshemma, utviklingshemmet, hørselshemming, hørselshemma,
  synshemming, synshemma, nøtteallergi, allergi, astma, ptsd, tilknytningsforstyrrelse,
  tilknytingsforstyrring, selektiv mutisme, tvangslidelse, ocd, funksjonsnedsettelse,
  funksjonsnedsetjing, diagnose, diagnosen, diagnosar, diagnoser, selvskading, sjølvskading
`);

/** Diagnoses written as capital letters only. */
export const DIAGNOSIS_ACRONYMS: readonly string[] = ["ADHD", "ADD", "CP", "OCD", "PTSD", "ASF"];

/**
 * Measures and circumstances that are about one child when a name is near: special needs
 * decisions, the child welfare service, bullying reported about them. They count with a name
 * or a strong child word, not with "eleven" or "barnet" alone (the law's own words:
 * "Eleven har rett til spesialundervisning").
 */
export const CIRCUMSTANCES: readonly string[] = list(`
  spesialundervisning, spesialpedagogisk hjelp, IOP, individuell opplæringsplan, enkeltvedtak,
  sakkyndig vurdering, sakkunnig vurdering, bekymringsmelding, barnevernet,
  barnevernstjenesten, barnevernstenesta, fosterhjem, beredskapshjem, mobbet, mobba, utestengt,
  utestengd, erta, ertet, krenket, krenka, utagerer, utagerande, utagerende, skulket,
  skulka, blir slått, ble slått, vart slått, blei slått, blir slegen, vart slegen
`);

/**
 * Patterns, as regular expression sources. `{NUM}` stands for a child's age in digits (1–17)
 * or words (AGE_WORDS), `{MONTHS}` for `months`.
 */
export const PATTERNS = {
  /** A child's age in digits. */
  ageDigits: "(?:1[0-7]|[1-9])",
  /** A class with its letter: "3B", "10c", "10 C", "klasse 5A". */
  classWithLetter: String.raw`(?:klasse\s+)?(?:10|[1-9])(?:[A-Fa-f]|\s[A-F])(?![\p{L}\p{N}])`,
  /** A grade: "2. trinn", "andre klasse", "klasse 3", "Vg2". */
  grade: String.raw`(?:(?:10|[1-9])\.\s?(?:trinn|klasse|klassen|klassetrinn|årstrinn|steg)|(?:første|fyrste|andre|tredje|fjerde|femte|sjette|sjuende|syvende|sjuande|åttende|åttande|niende|niande|tiende|tiande)\s+(?:trinn|klasse|steg)|klasse\s+(?:10|[1-9])(?![\p{L}\p{N}.])|[Vv][Gg][1-3](?![\p{L}\p{N}]))`,
  /** A kindergarten department: "avdeling Blåbær", "Blåbær-avdelinga", "småbarnsavdelingen". */
  department: String.raw`(?:avdeling(?:en|a)?\s+\p{Lu}[\p{L}-]+|\p{Lu}[\p{L}]+-?avdeling(?:en|a)|(?:små|store)barnsavdeling(?:en|a)?|(?:små|store)barnsavdelinga)`,
  /** Between a name and its class by a word: "i", "på", "går i", ", som går på", "fra". */
  classPreposition: String.raw`(?:\s*,\s*som\s+(?:går\s+|gjeng\s+|er\s+)?|\s+(?:som\s+)?(?:går\s+|gjeng\s+|er\s+)?)(?:i|på|fra|frå)\s+`,
  /** Between a name and its class by a mark: "Emma (2. trinn)", "Emma, 3B". */
  classMark: String.raw`(?:\s*\(\s*|\s*,\s+)`,
  /**
   * Between a name and its age: "(7 år)", "(7)", "(18 mnd)", ", 7 år,", "på 7 år", "er 7 år",
   * "som er 7 år", "bare er 3 år". After a comma the age must end the phrase ("Kari, 12 år som lærer" is not).
   */
  ageAfter: String.raw`(?:\s*\(\s*(?:alle\s+|begge\s+)?(?:{NUM}(?:\s*år(?:\s+gam(?:m?el|m?al|le))?)?|{MONTHS}\s*(?:mnd\.?|måneder|månader))\s*\)|\s*\(\s*{NUM}\s*-?\s*åring\s*\)|\s*,\s*(?:{NUM}\s+år|{MONTHS}\s+(?:mnd\.?|måneder|månader))(?=\s*[,.)]|\s*$)|(?:\s*,\s*som\s+er|\s+(?:på|(?:som\s+)?(?:bare\s+|berre\s+|snart\s+|nesten\s+|akkurat\s+)?er))\s+(?:{NUM}\s+år|{MONTHS}\s+(?:mnd\.?|måneder|månader))(?![\p{L}\p{N}]))`,
  /** Months of a small child's age. */
  months: "(?:[1-3][0-9]|[1-9])",
  /** A child named by their age: "sjuåringen", "7-åringen". */
  ageNoun: String.raw`{NUM}\s*-?\s*åringen`,
  /** An age before a name: "sju år gamle", "7-årige", "sjuåringen". */
  ageBefore: String.raw`(?<![\p{L}\p{N}])(?:{NUM})(?:\s+år\s+gamle|\s*-\s*årige|\s*-\s*åringen|åringen|-åringen|årige)\s+`,
  /** "… som heter Jonas", "… som heiter …". */
  named: String.raw`\s*,?\s+som\s+(?:heter|heiter|het|heitte|kalles|vert\s+kalla|blir\s+kalt|blir\s+kalla)(?![\p{L}])`,
  /** Between a child word and a diagnosis: "med", "som har", "har fått", "fikk". */
  diagnosisConnector: String.raw`\s*,?\s+(?:med|som\s+har(?:\s+fått)?|har(?:\s+fått)?|fikk|fekk|som\s+fikk|som\s+fekk)\s+(?:diagnosen\s+|vedtak\s+om\s+)?`,
};

/**
 * What may stand between an article and an indefinite child word: one word ("en ny elev",
 * "ein liten gut") or an age ("en 12 år gammel gutt").
 */
export const ARTICLE_GAP = String.raw`(?:\p{Ll}+\s+|{NUM}\s+år\s+gam\p{Ll}*\s+)?`;

/** How far after a name a diagnosis or circumstance still counts: words and characters. */
export const NEAR = { words: 8, chars: 80 };
