// CSV text -> grid, for units lists saved from Excel: comma or semicolon ("CSV"), tab ("Unicode Text"),
// quoted fields, a leading BOM. Bytes -> text (which encoding) is io/text-file.ts.
import type { CellValue } from "./types";

export function parseCsv(text: string): CellValue[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const sep = separatorOf(src);
  const rows: CellValue[][] = [];
  let row: CellValue[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === sep) {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && src[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.map((r) => r.map((c) => (typeof c === "string" && c.trim() === "" ? null : c)));
}

/**
 * Excel in Vietnamese locales saves "CSV" with ";" because "," is the decimal mark, and "Unicode Text" with
 * tabs. The first record tells which: the separator it uses most often outside quotes (a quoted
 * "Phòng Văn hóa, Xã hội" says nothing); a tie keeps the comma.
 */
function separatorOf(src: string): Separator {
  const counts: Record<Separator, number> = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === "\n" || ch === "\r") break;
    else if (ch === "," || ch === ";" || ch === "\t") counts[ch]++;
  }
  return (Object.keys(counts) as Separator[]).reduce((a, b) => (counts[b] > counts[a] ? b : a));
}

type Separator = "," | ";" | "\t";
