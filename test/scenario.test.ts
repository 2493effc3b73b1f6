// Every sample file of the demo ends as the scenario says it must (src/samples/scenario.ts): status,
// finding codes, and the days late of the reports that count.
import { promises as fs } from "node:fs";
import path from "node:path";
import { importFiles, type FileResult } from "../src/core/import";
import { readUnits } from "../src/core/master-read";
import { newMasterBook } from "../src/core/master-sheets";
import { parseCsv } from "../src/core/csv";
import { consolidateBook } from "../src/core/period-consolidation";
import { sha256 } from "../src/io/node-files";
import { toIncomingFile } from "../src/io/incoming";
import { demoScenario } from "../src/samples/scenario";

const SAMPLES = path.resolve(__dirname, "..", "samples");
const NOW = new Date("2026-03-25T02:00:00Z");

test("the demo's sample files end as the scenario expects, imported in the clerk's order", async () => {
  const scenario = demoScenario();
  const units = readUnits(parseCsv(await fs.readFile(path.join(SAMPLES, "don-vi.csv"), "utf8")), [], "don-vi.csv");
  let book = newMasterBook({ year: 2026 }, units);
  const results = new Map<string, FileResult>();
  for (const batch of [...new Set(scenario.map((f) => f.batch))]) {
    const files = await Promise.all(
      scenario
        .filter((f) => f.batch === batch)
        .map(async (f) => {
          const bytes = new Uint8Array(await fs.readFile(path.join(SAMPLES, batch, f.fileName)));
          return toIncomingFile(f.fileName, bytes, sha256(bytes), null);
        }),
    );
    const outcome = importFiles(book, files, { periodKey: batch, now: NOW });
    book = outcome.book;
    for (const r of outcome.files) results.set(`${batch}/${r.file}`, r);
  }
  for (const f of scenario) {
    const r = results.get(`${f.batch}/${f.fileName}`)!;
    const codes = [...new Set(r.findings.filter((x) => x.severity !== "warning").map((x) => x.code))].sort();
    expect({ file: f.fileName, status: r.status, codes }).toEqual({ file: f.fileName, status: f.expect.status, codes: [...f.expect.findings].sort() });
    if (r.status !== "refused") expect({ file: f.fileName, unit: r.unit }).toEqual({ file: f.fileName, unit: f.unit });
    if (f.expect.counts && f.expect.daysLate !== null && f.unit) {
      const status = consolidateBook(book, f.declaredPeriod!, NOW).units.find((u) => u.unit === f.unit)!;
      expect({ file: f.fileName, daysLate: status.daysLate }).toEqual({ file: f.fileName, daysLate: f.expect.daysLate });
    }
  }
});
