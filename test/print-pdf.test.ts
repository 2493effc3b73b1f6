// The master workbook on paper: the sample commune's March, as the web page's store writes it for download,
// printed to PDF by LibreOffice (`soffice --headless --convert-to pdf`) and measured with poppler-utils:
// which pages hold which report, what each page says at its top, and how large its text is.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findSoffice } from "../src/io/soffice";
import { sampleMasterBytes } from "./helpers/sample-master";

jest.setTimeout(240_000);

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

interface Page {
  /** The page header's line: body, report and period, as-of instant. */
  top: string;
  words: Word[];
}

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });

/** Every page's words with their boxes (`pdftotext -bbox`), and its first line of text. */
function pages(pdf: string): Page[] {
  const count = Number(/Pages:\s+(\d+)/.exec(run("pdfinfo", [pdf]))![1]);
  const xml = run("pdftotext", ["-bbox", pdf, "-"]);
  const out = xml.split("<page ").slice(1).map((page) => ({
    top: "",
    words: [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
      text: m[5].replace(/&amp;/g, "&"),
    })),
  }));
  expect(out).toHaveLength(count);
  for (const page of out) {
    const first = Math.min(...page.words.map((w) => w.yMin));
    page.top = page.words
      .filter((w) => Math.abs(w.yMin - first) < 1)
      .sort((a, b) => a.xMin - b.xMin)
      .map((w) => w.text)
      .join(" ");
  }
  return out;
}

const height = (w: Word) => w.yMax - w.yMin;

/** Two words of one line drawn over each other: text running into its neighbour. */
function overlaps(words: Word[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < words.length; i++) {
    for (let j = i + 1; j < words.length; j++) {
      const [a, b] = [words[i], words[j]];
      const sameLine = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin) > height(a) / 2;
      if (sameLine && Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin) > 0.5) found.push(`${a.text} / ${b.text}`);
    }
  }
  return found;
}

let printed: Page[];

beforeAll(async () => {
  const soffice = await findSoffice();
  if (!soffice) throw new Error("LibreOffice (soffice) is needed: apt-get install libreoffice-calc-nogui (scripts/check.sh installs it).");
  const dir = mkdtempSync(join(tmpdir(), "tonghop-print-"));
  const xlsx = join(dir, "so-tong-hop.xlsx");
  writeFileSync(xlsx, await sampleMasterBytes());
  run(soffice, [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--convert-to", "pdf", "--outdir", dir, xlsx]);
  printed = pages(join(dir, "so-tong-hop.pdf"));
  console.log(`Sổ tổng hợp in ra: ${printed.length} trang; ${printed.map((p, i) => `${i + 1}: ${p.top.slice(0, 60)}`).slice(0, 10).join(" | ")}`);
  console.log(run("pdffonts", [join(dir, "so-tong-hop.pdf")]));
});

const REPORT = "UBND xã Hòa Bình Báo cáo tổng hợp – Tháng 3/2026 Tính đến 25/03/2026 09:00";
const BY_UNIT = "UBND xã Hòa Bình Số liệu từng đơn vị – Tháng 3/2026 Tính đến 25/03/2026 09:00";
const STATUS = "UBND xã Hòa Bình Tình trạng nộp báo cáo – Tháng 3/2026 Tính đến 25/03/2026 09:00";

test("prints the reports first: the consolidated report on two pages at most, then each unit's figures, then the status", () => {
  const kinds = printed.map((p) => (p.top === REPORT ? "report" : p.top === BY_UNIT ? "units" : p.top === STATUS ? "status" : "other"));
  const report = kinds.filter((k) => k === "report").length;
  expect(report).toBeGreaterThanOrEqual(1);
  expect(report).toBeLessThanOrEqual(2);
  const paper = kinds.indexOf("other");
  expect(kinds.slice(0, paper).join(" ")).toMatch(/^(report )+(units )+status$/);
  // Sheets not meant for paper come only after the reports.
  expect(kinds.slice(paper).every((k) => k === "other")).toBe(true);
});

test("prints the report's text at 9 points or more, against the full-size text of the per-unit pages", () => {
  // The per-unit sheet prints at 100%: its words are 11-point text, whatever font LibreOffice drew them in.
  const full = printed.filter((p) => p.top === BY_UNIT).flatMap((p) => p.words).map(height);
  const eleven = full.sort((a, b) => a - b)[Math.floor(full.length / 2)];
  const report = printed.filter((p) => p.top === REPORT).flatMap((p) => p.words);
  const smallest = Math.min(...report.map(height));
  console.log(`Cỡ chữ nhỏ nhất trang "Tổng hợp": ${((smallest / eleven) * 11).toFixed(1)} pt`);
  expect((smallest / eleven) * 11).toBeGreaterThanOrEqual(9);
});

test("names the body, the report, the period and the as-of instant at the top of every report page, and in its title", () => {
  const report = printed.filter((p) => p.top === REPORT);
  const text = report[0].words.map((w) => w.text).join(" ");
  expect(text).toContain("Đơn vị tổng hợp: UBND xã Hòa Bình (mã XHB)");
  expect(text).toContain("Kỳ báo cáo: Tháng 3/2026");
  // Each page after the first repeats the table's header row.
  for (const page of report.slice(1)) expect(page.words.map((w) => w.text).join(" ")).toContain("Mã chỉ tiêu");
});

test("lets no text run into its neighbour on the report and status pages", () => {
  for (const page of printed.filter((p) => p.top === REPORT || p.top === STATUS)) {
    expect([page.top, overlaps(page.words)]).toEqual([page.top, []]);
  }
});

test("keeps the overdue unit among the per-unit columns", () => {
  const words = printed.filter((p) => p.top === BY_UNIT).flatMap((p) => p.words.map((w) => w.text));
  expect(words.join(" ")).toContain("Quá hạn 6 ngày");
});
