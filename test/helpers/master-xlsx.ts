// Master workbooks as .xlsx bytes for tests, written and opened through the same store and service the
// command line and the web page use.
import { MasterService } from "../../src/app/master-service";
import { inputSheetSpecs } from "../../src/core/master-write";
import { importSheets } from "../../src/core/outputs";
import type { MasterBook, SheetSpec } from "../../src/core/types";
import { WorkbookStore } from "../../src/io/workbook-store";

/** A master workbook holding every stored sheet of `book`, then the `extra` sheets (outputs; one named like a stored sheet replaces it). */
export async function masterXlsx(book: MasterBook, extra: SheetSpec[] = []): Promise<Uint8Array> {
  const store = WorkbookStore.empty();
  const named = new Map([...inputSheetSpecs(book), ...importSheets(book), ...extra].map((s) => [s.name, s]));
  await store.writeSheets([...named.values()]);
  return store.toBytes();
}

/** The master workbook in `bytes`, opened as the command line opens its file. */
export async function openXlsx(bytes: Uint8Array, name = "so.xlsx"): Promise<MasterService> {
  return MasterService.open(await WorkbookStore.fromBytes(bytes), name);
}

/** The master workbook in `bytes` after `act` (an action of the service), and what the action returned. */
export async function afterAction<T>(bytes: Uint8Array, act: (master: MasterService) => Promise<T>): Promise<{ result: T; bytes: Uint8Array }> {
  const store = await WorkbookStore.fromBytes(bytes);
  const result = await act(await MasterService.open(store, "so.xlsx"));
  return { result, bytes: await store.toBytes() };
}
