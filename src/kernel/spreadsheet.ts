// Lists that leave Samspill as files: CSV for any program, XLSX for Excel. Shared by every
// overview that exports (the cohort overview, a gathering's participants).

export type Cell = string | number;

const osloMinute = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Oslo",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});

/** "2026-11-23 11:00", Europe/Oslo: sorts as text and reads the same in every language. */
export function osloDateTime(at: Date): string {
  return osloMinute.format(at).replace(",", "");
}

/**
 * A text cell a spreadsheet would read as a formula (= + - @, and tab or carriage return, which
 * some programs strip before looking) gets a leading apostrophe: shown, never run (OWASP CSV
 * injection).
 */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvField(cell: Cell): string {
  if (typeof cell === "number") return String(cell);
  const value = neutralise(cell);
  return /[;"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * CSV as Norwegian Excel opens it with a double click: UTF-8 with a byte order mark, semicolons
 * between fields (the comma is the decimal sign), CRLF line ends and RFC 4180 quoting.
 */
export function toCsv(rows: Cell[][]): string {
  return `\uFEFF${rows.map((row) => row.map(csvField).join(";")).join("\r\n")}\r\n`;
}

/**
 * The same rows as an Excel workbook: a bold, frozen header row with filter buttons, readable
 * column widths (`widths`, in characters, by column; 14 where none is given). Text goes in as
 * text (never as a formula), numbers as numbers.
 */
export async function toXlsx(
  rows: Cell[][],
  sheetName: string,
  widths: readonly number[] = [],
): Promise<Uint8Array<ArrayBuffer>> {
  // Loaded when a workbook is asked for, not at start (half a second of every start-up).
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Samspill";
  const sheet = workbook.addWorksheet(sheetName, {
    views: [{ state: "frozen", xSplit: 0, ySplit: 1 }],
  });
  sheet.columns = (rows[0] ?? []).map((_, i) => ({ width: widths[i] ?? 14 }));
  for (const row of rows) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  if (rows.length > 0) {
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: rows[0]!.length } };
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as unknown as Uint8Array);
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
