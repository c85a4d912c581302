import { type AnyColumn, type SQL, sql } from "drizzle-orm";

/**
 * The normalised form names are searched by, so that "Bærum", "Baerum" and "Barum" meet, and
 * "Ålesund", "Aalesund" and "Alesund": letters with marks lose them (æ, ø, å as a, o, a; Sámi
 * á, č, đ, ŋ, š, ŧ, ž as their base letters), the spellings ae, aa and oe are read as a, a and o,
 * everything else that is not a letter or digit is a space. The same steps exist as SQL
 * (`searchKeySql`), which the tables' generated `search_key` columns use; a test holds the two
 * equal on every name in the reference data.
 */
const FOLD: [string, string][] = [
  ["æÆ", "a"],
  ["øØ", "o"],
  ["åÅ", "a"],
  ["áÁàÀâÂäÄãÃ", "a"],
  ["čČçÇ", "c"],
  ["đĐ", "d"],
  ["éÉèÈêÊëË", "e"],
  ["íÍìÌîÎïÏ", "i"],
  ["ŋŊñÑ", "n"],
  ["óÓòÒôÔöÖõÕ", "o"],
  ["šŠ", "s"],
  ["ŧŦ", "t"],
  ["úÚùÙûÛüÜ", "u"],
  ["ýÝÿ", "y"],
  ["žŽ", "z"],
];
const FROM = FOLD.map(([from]) => from).join("");
const TO = FOLD.map(([from, to]) => to.repeat(from.length)).join("");
const FOLD_MAP = new Map([...FROM].map((ch, i) => [ch, TO[i]!]));
const DIGRAPHS: [string, string][] = [
  ["aa", "a"],
  ["ae", "a"],
  ["oe", "o"],
];

export function searchKey(text: string): string {
  let s = "";
  for (const ch of text) s += FOLD_MAP.get(ch) ?? ch;
  // ASCII only, as PostgreSQL's lower() does under the C locale PGlite runs with.
  s = s.replace(/[A-Z]/g, (c) => c.toLowerCase());
  s = s.replace(/[^a-z0-9]+/g, " ").trim();
  for (const [from, to] of DIGRAPHS) s = s.replaceAll(from, to);
  return s;
}

/**
 * `searchKey` in SQL, for an expression (a column) of type text. The constants are written
 * into the SQL, not passed as parameters, so it can define a generated column.
 */
export function searchKeySql(expr: AnyColumn | SQL): SQL {
  const literal = (text: string) => sql.raw(`'${text.replaceAll("'", "''")}'`);
  let s = sql`lower(translate(${expr}, ${literal(FROM)}, ${literal(TO)}))`;
  s = sql`btrim(regexp_replace(${s}, '[^a-z0-9]+', ' ', 'g'))`;
  for (const [from, to] of DIGRAPHS) s = sql`replace(${s}, ${literal(from)}, ${literal(to)})`;
  return s;
}
