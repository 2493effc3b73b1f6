// Figure 4: consolidation at national scale, 3,321 communes x 25 indicators x 12 months (~1M facts),
// for a month and for the year, and the heap it takes at three sizes to show memory is linear in the data.
import { newMasterBook } from "../src/core/master-sheets";
import { consolidate } from "../src/core/consolidation";
import { consolidateBook, unitStatuses } from "../src/core/period-consolidation";
import type { Fact, MasterBook, Submission, Unit } from "../src/core/types";
import { round } from "./timing";

export const COMMUNES = 3321;
const YEAR = 2026;
const MONTHS = Array.from({ length: 12 }, (_, i) => `${YEAR}-${String(i + 1).padStart(2, "0")}`);
const AS_OF = new Date("2027-01-25T02:00:00Z");

export interface NationalFigures {
  communes: number;
  facts: number;
  submissions: number;
  /** consolidateBook (statuses, indicators, findings), one run after a warm-up, ms. */
  monthMs: number;
  yearMs: number;
  /** consolidate() alone (the indicators), median of 3, ms. */
  consolidateMonthMs: number;
  consolidateYearMs: number;
  /** unitStatuses (src/core/report.ts) alone, one run after a warm-up, ms. */
  statusesMonthMs: number;
  statusesYearMs: number;
  /** Heap used after building the data, and the heap it grew by, at 1/4, 1/2 and the full size. */
  memory: { communes: number; facts: number; heapUsedMB: number; dataMB: number; bytesPerFact: number }[];
  /** Heap growth during the year's consolidation, MB. */
  consolidationHeapMB: number;
}

function communes(count: number): Unit[] {
  return Array.from({ length: count }, (_, i) => ({
    code: `X${String(i + 1).padStart(5, "0")}`,
    name: `Xã ${i + 1}`,
    type: "",
    parent: "",
    frequency: "month",
    activeFrom: "",
    activeTo: "",
    contact: "",
  }));
}

/** Every commune reports every indicator every month, as the import would have stored it. */
export function nationalBook(count: number): MasterBook {
  const units = communes(count);
  const book = newMasterBook({ bodyCode: "VN", bodyName: "Toàn quốc", year: YEAR }, units);
  const data: Fact[] = [];
  const submissions: Submission[] = [];
  for (const unit of units) {
    for (const period of MONTHS) {
      const file = `${unit.code} ${period}.xlsx`;
      const hash = `${unit.code}${period}`.padEnd(64, "0");
      const importedAt = `${period}-18T02:00:00.000Z`;
      submissions.push({
        period, unit: unit.code, file, hash, receivedAt: importedAt, receivedSource: "import", manualReceived: "",
        declaredDate: `${period}-15`, fileModified: "", importedAt, errors: 0, warnings: 0,
      });
      book.catalogue.forEach((ind, i) => {
        const ratio = ind.kind === "ratio";
        const value = (unit.code.charCodeAt(5) * 7 + i * 13 + period.charCodeAt(6)) % 500;
        data.push({
          period, unit: unit.code, indicator: ind.code,
          value: ratio ? null : value, numerator: ratio ? value : null, denominator: ratio ? 600 : null,
          file, sheet: "Báo cáo", cell: `E${12 + i}`, hash, importedAt,
        });
      });
    }
  }
  return { ...book, data, submissions };
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function heapMB(): number {
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

function heapFigures(communes: number, facts: number, before: number): NationalFigures["memory"][number] {
  const after = heapMB();
  return { communes, facts, heapUsedMB: round(after), dataMB: round(after - before), bytesPerFact: round(((after - before) * 2 ** 20) / facts, 0) };
}

/** The heap a book of `count` communes takes; the book is garbage once this returns. */
function heapOf(count: number): NationalFigures["memory"][number] {
  const before = heapMB();
  const book = nationalBook(count);
  return heapFigures(count, book.data.length, before);
}

/** One warm-up run, then the median of `runs` timed runs, ms. */
function medianMs(run: () => unknown, runs = 3): number {
  run();
  const times = Array.from({ length: runs }, () => {
    const start = performance.now();
    run();
    return performance.now() - start;
  });
  return round(times.sort((a, b) => a - b)[runs >> 1]);
}

export function national(): NationalFigures {
  if (!(globalThis as { gc?: unknown }).gc) throw new Error("run node with --expose-gc: the memory figures need it");
  const memory = [Math.round(COMMUNES / 4), Math.round(COMMUNES / 2)].map(heapOf);
  const before = heapMB();
  const book = nationalBook(COMMUNES);
  memory.push(heapFigures(COMMUNES, book.data.length, before));

  const input = (periodKey: string) => ({ periodKey, year: YEAR, catalogue: book.catalogue, units: book.units, targets: book.targets, data: book.data, adhoc: [] });
  const monthMs = medianMs(() => consolidateBook(book, "2026-03", AS_OF), 1);
  const yearMs = medianMs(() => consolidateBook(book, "2026", AS_OF), 1);
  const consolidateMonthMs = medianMs(() => consolidate(input("2026-03")));
  const consolidateYearMs = medianMs(() => consolidate(input("2026")));
  const statusesMonthMs = medianMs(() => unitStatuses(book, "2026-03", AS_OF), 1);
  const statusesYearMs = medianMs(() => unitStatuses(book, "2026", AS_OF), 1);
  const beforeYear = heapMB();
  const kept = consolidateBook(book, "2026", AS_OF);
  const consolidationHeapMB = round(heapMB() - beforeYear);
  if (kept.indicators.length !== book.catalogue.length) throw new Error("consolidation lost indicators");
  return {
    communes: COMMUNES, facts: book.data.length, submissions: book.submissions.length,
    monthMs, yearMs, consolidateMonthMs, consolidateYearMs, statusesMonthMs, statusesYearMs, memory, consolidationHeapMB,
  };
}
