// Figure 5: the Office.js store through Microsoft's own client (excel-wire-fake: excel-web-16.00.debug.js
// against an in-memory workbook, with Excel on the web's 5 MB limits on every request and response), for
// a province's year (300 units × 12 months) and 1,000 units × Q1: per step, the syncs, the largest real
// request and response, and the time in this process (mostly the client's own work and the harness's).
import { join } from "node:path";
import type * as WireFake from "../../shared/excel-wire-fake";
import { createExcelStore } from "../src/office/excel-store";
import { harnessStore } from "../test/helpers/print-ranges";
import { masterBook } from "../test/helpers/province-book";
import { consolidateInto, createMaster, openMaster } from "../test/helpers/service-writes";
import { ROOT } from "./build";
import { round } from "./timing";

// Required at run time from beside the repository, as the tests see it (bench compiles to bench/dist).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createWireExcel } = require(join(ROOT, "..", "shared", "excel-wire-fake")) as typeof WireFake;

export interface OfficeStep {
  syncs: number;
  largestRequestBytes: number;
  largestResponseBytes: number;
  totalRequestBytes: number;
  /** Requests or responses Excel on the web would have refused. */
  exceeded: number;
  ms: number;
}

export interface OfficeFigures {
  label: string;
  units: number;
  months: number;
  facts: number;
  /** The first consolidation (every output new), reading the master back, and a second consolidation (outputs checked for hand edits). */
  steps: { consolidate: OfficeStep; read: OfficeStep; reconsolidate: OfficeStep };
}

export async function officeFigures(): Promise<OfficeFigures[]> {
  return [await scenario("300 đơn vị × 12 tháng", 300, 12, "2026", "2026-12-25T03:00:00Z"), await scenario("1.000 đơn vị × quý I", 1000, 3, "2026-Q1", "2026-03-25T03:00:00Z")];
}

async function scenario(label: string, units: number, months: number, period: string, asOf: string): Promise<OfficeFigures> {
  const book = masterBook(units, months);
  const wire = createWireExcel();
  // Without the print areas and titles, which the harness does not model (a few hundred bytes of the last request).
  const store = harnessStore(createExcelStore(wire.run, { supports: () => true }));
  await createMaster(store, book);
  const step = async (f: () => Promise<unknown>): Promise<OfficeStep> => {
    wire.resetStats();
    const start = performance.now();
    await f();
    const ms = performance.now() - start;
    const requests = wire.stats.requests.filter((r) => r.sync !== null);
    return {
      syncs: requests.length,
      largestRequestBytes: wire.stats.largestRequest,
      largestResponseBytes: wire.stats.largestResponse,
      totalRequestBytes: requests.reduce((n, r) => n + r.bytes, 0),
      exceeded: wire.stats.exceeded.length,
      ms: round(ms),
    };
  };
  const consolidate = await step(() => consolidateInto(store, book, period, new Date(asOf)));
  const read = await step(() => openMaster(store));
  const reconsolidate = await step(() => consolidateInto(store, book, period, new Date(asOf)));
  return { label, units, months, facts: book.data.length, steps: { consolidate, read, reconsolidate } };
}
