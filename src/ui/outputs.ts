// The files the pane makes for the user: every unit's blank template in one .zip, and the upward report.
// They need exceljs, so the controller loads this module only when a button asks for it: the pane's first
// load stays small.
import { zipSync } from "fflate";
import type { MasterBook } from "../core/types";
import { buildTemplates, buildUpwardReport, type OutputFile } from "../io/template-writer";

export { buildUpwardReport };

/** "Mau bao cao 2026-03.zip" with one template per unit that owes the period; null when no unit does. */
export async function templatesZip(book: MasterBook, periodKey: string): Promise<{ file: OutputFile; count: number } | null> {
  const files = await buildTemplates(book, periodKey);
  if (files.length === 0) return null;
  const bytes = zipSync(Object.fromEntries(files.map((f) => [f.fileName, f.bytes])));
  return { file: { fileName: `Mau bao cao ${periodKey}.zip`, bytes }, count: files.length };
}
