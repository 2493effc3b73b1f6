// Every real-world workbook of the shared corpus (Apache POI's test files: many Excel versions, other
// programs, damaged files, fuzzer crash cases) through the command line's import path into a master
// workbook: each is imported or refused with a Vietnamese message, in bounded time and memory.
import { existsSync, readdirSync } from "fs";
import path from "path";
import { importFiles } from "../src/core/import";
import { newMasterBook } from "../src/core/master-sheets";
import type { MasterBook } from "../src/core/types";
import { masterXlsx, openXlsx } from "./helpers/master-xlsx";
import { readIncoming } from "../src/io/node-files";
import { testUnit } from "./helpers/report-grid";

const CORPUS = path.resolve(__dirname, "../../shared/corpus/real-world-xlsx");
const NOW = new Date("2026-03-25T03:00:00Z");
/**
 * What the batch may add to the process's memory. Measured from the test's start: jest runs other suites
 * in the same worker, and what they left behind is not this batch's. (How long each file takes is
 * printed, not asserted: speed lives in `npm run bench`.)
 */
const MAX_RSS_GROWTH = 1024 * 1024 * 1024;
const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;

const files = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => /\.xls[xm]$/i.test(f)).sort() : [];

if (files.length === 0) {
  test.skip(`corpus folder absent (${CORPUS}): real-world import skipped`, () => undefined);
} else {
  test(`all ${files.length} corpus files go through the import into one master workbook`, async () => {
    let book: MasterBook = newMasterBook({ year: 2026 }, [testUnit("CA", "Công an xã")]);
    const timings: { file: string; ms: number; status: string; message: string }[] = [];
    const startRss = process.memoryUsage().rss;
    let peakRss = startRss;
    for (const file of files) {
      const started = performance.now();
      // One file at a time into the running book, as the command line's batch does.
      const outcome = importFiles(book, [await readIncoming(path.join(CORPUS, file))], { now: NOW });
      book = outcome.book;
      const [result] = outcome.files;
      timings.push({ file, ms: performance.now() - started, status: result.status, message: result.message });
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }

    const bytes = await masterXlsx(book);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const back = await openXlsx(bytes);
    expect(back.book.log).toHaveLength(files.length);

    const slowest = [...timings].sort((a, b) => b.ms - a.ms);
    const counts = new Map<string, number>();
    for (const t of timings) counts.set(t.status, (counts.get(t.status) ?? 0) + 1);
    console.log(
      `corpus: ${files.length} files, ${[...counts].map(([s, n]) => `${n} ${s}`).join(", ")}; ` +
        `peak RSS ${Math.round(peakRss / 1024 / 1024)} MB (+${Math.round((peakRss - startRss) / 1024 / 1024)} MB); master workbook ${Math.round(bytes.length / 1024)} KB\n` +
        `slowest:\n${slowest.slice(0, 5).map((t) => `  ${t.file}: ${Math.round(t.ms)} ms (${t.status})`).join("\n")}`,
    );

    for (const t of timings) {
      expect([t.file, t.status]).toEqual([t.file, expect.stringMatching(/^(imported|refused)$/)]);
      if (t.status === "refused") expect([t.file, t.message]).toEqual([t.file, expect.stringMatching(VIETNAMESE)]);
      expect([t.file, t.message]).not.toEqual([t.file, expect.stringMatching(/undefined|\[object|TypeError|RangeError/)]);
    }
    expect(peakRss - startRss).toBeLessThan(MAX_RSS_GROWTH);
  }, 120_000);
}
