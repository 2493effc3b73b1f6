// The adapter against office-addin-mock, Microsoft's mock of the Office.js object model: a property read
// before load() and sync() comes back as an error text instead of its value, so these tests fail if the
// adapter reads what it did not load. (The fake in office-fake.ts covers what the mock cannot model:
// collections, charts, null objects.)
//
// office-addin-mock imports office-addin-manifest only for its OfficeApp enum, and that package pulls in
// ES modules jest cannot load without transforming node_modules; the enum is all the mock needs.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
}));

import { OfficeMockObject } from "office-addin-mock";
import { createExcelStore, ExcelRun } from "../src/office/excel-store";

/** A mock whose isNullObject is known without load(), as in Office.js. */
function proxy(data: Record<string, unknown>, isNull: boolean): OfficeMockObject {
  const mock = new OfficeMockObject(data);
  Object.defineProperty(mock, "isNullObject", { value: isNull });
  return mock;
}

/** Excel.run over a mock context whose sync() syncs the given mocks, counting round trips. */
function runOn(context: Record<string, unknown>, mocks: OfficeMockObject[] = []): { run: ExcelRun; syncs: () => number } {
  let syncs = 0;
  const ctx = {
    ...context,
    sync: async () => {
      syncs++;
      for (const m of mocks) await m.sync();
    },
  };
  return { run: async (batch) => batch(ctx as unknown as Excel.RequestContext), syncs: () => syncs };
}

test("readSheets loads names, values and formats before reading them, in one sync", async () => {
  const used = proxy({ address: "'Đơn vị'!B2:C3", values: [["Mã đơn vị", "Tên đơn vị"], ["DV001", 46082]], numberFormat: [["@", "@"], ["@", "dd/mm/yyyy"]] }, false);
  const units = proxy({ name: "Đơn vị", getUsedRangeOrNullObject: () => used }, false);
  const missingUsed = proxy({ address: "", values: [], numberFormat: [] }, true);
  const missing = proxy({ name: "", getUsedRangeOrNullObject: () => missingUsed }, true);
  const { run, syncs } = runOn(
    { workbook: { worksheets: { getItemOrNullObject: (name: string) => (name === "Đơn vị" ? units : missing) } } },
    [used, units, missingUsed, missing],
  );
  const grids = await createExcelStore(run).readSheets(["Đơn vị", "Dữ liệu"]);
  expect(syncs()).toBe(1);
  expect(Object.keys(grids)).toEqual(["Đơn vị"]);
  expect(grids["Đơn vị"]).toEqual([[], [null, "Mã đơn vị", "Tên đơn vị"], [null, "DV001", new Date("2026-03-01T00:00:00Z")]]);
});

test("selectCell shows the sheet and selects the cell in one sync", async () => {
  const calls: string[] = [];
  const sheet = new OfficeMockObject({
    activate: () => calls.push("activate"),
    getRange: (address: string) => ({ select: () => calls.push(`select ${address}`) }),
  });
  const { run, syncs } = runOn({ workbook: { worksheets: { getItem: (name: string) => (calls.push(`sheet ${name}`), sheet) } } });
  await createExcelStore(run).selectCell("BC thôn 1", "E12");
  expect(calls).toEqual(["sheet BC thôn 1", "activate", "select E12"]);
  expect(syncs()).toBe(1);
});
