import { readdirSync } from "fs";
import path from "path";
import { importFiles } from "../src/core/import";
import { newMasterBook } from "../src/core/master-sheets";
import { toIncomingFile } from "../src/io/incoming";
import { readIncoming } from "../src/io/node-files";
import { bigSheetChunks, encryptedWorkbook, reportXlsx, streamedXlsx, zipBomb } from "./helpers/hostile";
import { testUnit } from "./helpers/report-grid";
const NOW = new Date("2026-03-25T03:00:00Z");
test("gen", () => {
  const units = [testUnit("CA", "Công an xã")];
  const f = (n: string, b: Uint8Array) => toIncomingFile(n, b, n, null);
  let t = Date.now();
  const million = streamedXlsx("Báo cáo", bigSheetChunks(1_000_000, 1));
  console.log("million gen ms", Date.now() - t, million.length);
  t = Date.now();
  const bomb = zipBomb(200 * 1024 * 1024);
  console.log("bomb gen ms", Date.now() - t, bomb.length);
  t = Date.now();
  const files = [f("good.xlsx", reportXlsx({ unit: "Công an xã", period: "Tháng 3/2026", values: { MH01: 3, CT04: { n: 1, d: 10 } } })), f("million.xlsx", million), f("bomb.xlsx", bomb), f("enc.xlsx", encryptedWorkbook())];
  console.log("read ms", Date.now() - t, process.memoryUsage().rss / 1e6);
  const { files: res, book } = importFiles(newMasterBook({ year: 2026 }, units), files, { now: NOW });
  console.log(res.map((r) => [r.file, r.status, r.message]), book.data.length, Date.now() - t);
});
test.skip("corpus", async () => {
  const dir = path.resolve(__dirname, "../../shared/corpus/real-world-xlsx");
  const times: [string, number, string, string][] = [];
  let book = newMasterBook({ year: 2026 }, [testUnit("CA", "Công an xã")]);
  for (const name of readdirSync(dir).sort()) {
    const t = performance.now();
    const inc = await readIncoming(path.join(dir, name));
    const out = importFiles(book, [inc], { now: NOW });
    book = out.book;
    times.push([name, performance.now() - t, out.files[0].status, out.files[0].message.slice(0, 60)]);
  }
  times.sort((a, b) => b[1] - a[1]);
  console.log(times.slice(0, 8), process.memoryUsage().rss / 1e6);
  const counts: Record<string, number> = {};
  for (const x of times) counts[x[2] + " " + x[3].slice(0, 40)] = (counts[x[2] + " " + x[3].slice(0, 40)] ?? 0) + 1;
  console.log(counts);
}, 300000);
