// The sample commune's master workbook after March 2026 is consolidated, as the web page's store
// (exceljs, in memory) holds it and downloads it: the workbook a clerk prints.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { MasterService, readReportFile, readUnitsList } from "../../src/app/master-service";
import { WorkbookStore } from "../../src/io/workbook-store";

const SAMPLES = join(__dirname, "..", "..", "samples");
/** The sample story is told as of 25 March 2026, 09:00 in Vietnam. */
export const SAMPLE_NOW = new Date("2026-03-25T09:00:00+07:00");

export async function sampleMasterBytes(period = "2026-03"): Promise<Uint8Array> {
  const store = WorkbookStore.empty();
  const units = readUnitsList("don-vi.csv", new Uint8Array(readFileSync(join(SAMPLES, "don-vi.csv"))));
  const master = await MasterService.create(store, { bodyName: "UBND xã Hòa Bình", bodyCode: "XHB", year: 2026 }, units);
  const dir = join(SAMPLES, period);
  const files = await Promise.all(readdirSync(dir).sort().map((n) => readReportFile(n, new Uint8Array(readFileSync(join(dir, n))), null)));
  await master.consolidate({ files, periodKey: period, asOf: SAMPLE_NOW, now: SAMPLE_NOW });
  return store.toBytes();
}
