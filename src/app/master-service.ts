// The application service: what the command line, the web page and the pane in Excel do with a master
// workbook, whichever store holds it (a file, the browser's memory, the open Excel workbook). Every action
// goes one way: read the book from the store → import the files → consolidate → write the sheets back.
// The faces parse their input, call this, and show what it returns.
import { importFiles, type FileResult, type IncomingFile } from "../core/import";
import { InputError } from "../core/input-error";
import { inputSheetSpecs } from "../core/master-write";
import { readMasterBook } from "../core/master-read";
import { INPUT_SHEETS, newMasterBook, OWNED_SHEETS, REPORT_SHEETS, SHEETS } from "../core/master-sheets";
import { appendRows } from "../core/master-schema/kept-sheet";
import { patchSettings, type SettingKey } from "../core/master-schema/settings-sheet";
import { writeTable } from "../core/master-schema/table-schema";
import { UNITS } from "../core/master-schema/units-sheet";
import { consolidationSheets, importSheets } from "../core/outputs";
import { consolidateBook, resolvePeriod, type Consolidation } from "../core/period-consolidation";
import { groupReminder, unitMessage, unitsToRemind, type UnitReminder } from "../core/reminders";
import { templatePlans, type TemplatePlan } from "../core/template-plan";
import { fileTimeliness, type Timeliness } from "../core/timeliness";
import type { CellValue, Finding, MasterBook, Period, Settings, SheetSpec, Unit } from "../core/types";
import { sha256Hex } from "../io/hash";
import { toIncomingFile } from "../io/incoming";
import type { OutputFile } from "../io/template-writer";
import type { UnitsList } from "../io/units-file";
import type { MasterStore } from "./store";

/** The one reader of units list files (CSV, Unicode Text, a workbook), for "create". */
export { readUnitsList, type UnitsList } from "../io/units-file";

export const PRODUCT_SHEETS: readonly string[] = [...INPUT_SHEETS, ...OWNED_SHEETS];

/**
 * What the units' statuses need: deadlines, units and who sent what when. A status report opened with
 * these (ServiceOptions.sheets) does not read the data sheet, which is most of a big master.
 */
export const STATUS_SHEETS: readonly string[] = [SHEETS.settings, SHEETS.deadlines, SHEETS.units, SHEETS.submissions];

/** The writers of report workbooks need exceljs: loaded on first use, so the pane's first load stays small. */
const writers = () => import(/* webpackChunkName: "outputs" */ "../io/template-writer");

export interface OpenedBook {
  book: MasterBook;
  /** Problems with the workbook itself (a missing sheet, a row that cannot be read) or its units list. */
  problems: Finding[];
}

/** The clerk's sheets as last read or written, so that a small change leaves the rest of them as they are. */
type InputGrids = Record<string, CellValue[][] | undefined>;

export interface AddedUnits {
  book: MasterBook;
  added: Unit[];
  /** Codes already in the book (or twice in the list): not added again. */
  skipped: string[];
}

/** A file of a batch with how it arrived against its own deadline (null when it was not taken in). */
export type FileOutcome = FileResult & { timeliness: Timeliness | null };

export interface ImportResult {
  book: MasterBook;
  files: FileOutcome[];
}

export interface ConsolidateResult extends ImportResult {
  consolidation: Consolidation;
  /** Output sheets the clerk had typed over, kept as "(sửa tay)" copies as they were rewritten. */
  editedOutputs: Finding[];
}

export interface Reminders {
  consolidation: Consolidation;
  units: (UnitReminder & { message: string })[];
  /** One message naming every unit to remind, for the group chat; "" when there is none. */
  group: string;
}

export interface ServiceOptions {
  /**
   * The workbook can change outside the product between two actions (Excel: the clerk adds units, edits
   * settings, sorts the data): read it again before each. Off for a file read once per command and for a
   * workbook only the product writes (the web page).
   */
  rereads?: boolean;
  /**
   * Read only these sheets (STATUS_SHEETS for a status report): the others keep the new book's defaults,
   * so such a service only reads; a write through it is a fault of the program and throws.
   */
  sheets?: readonly string[];
}

/** The one message for a workbook that is not a master workbook, whichever face opened it. */
function notMaster(name: string): InputError {
  return new InputError(`“${name}” không phải sổ tổng hợp (không có trang “${SHEETS.units}” và “${SHEETS.data}”). Hãy chọn đúng sổ, hoặc tạo sổ mới.`);
}

const NO_BOOK = "Không còn thấy các trang của sổ tổng hợp trong sổ này: hãy mở lại sổ, hoặc tạo sổ mới.";

/** The master book in the store, or null when the workbook has none of the master sheets. */
/** The sheets a book is read from: the outputs are re-derived, and read only when rewritten (for hand edits). */
const STORED_SHEETS: readonly string[] = [...INPUT_SHEETS, SHEETS.data, SHEETS.submissions, SHEETS.log, SHEETS.findings];

async function readBook(store: MasterStore, sheets: readonly string[] = STORED_SHEETS): Promise<(OpenedBook & { grids: InputGrids }) | null> {
  const grids = await store.readSheets(sheets);
  if (!grids[SHEETS.units] && !grids[SHEETS.data]) return null;
  const { book, problems } = readMasterBook(grids, sheets);
  return { book, problems, grids: Object.fromEntries(INPUT_SHEETS.map((name) => [name, grids[name]])) };
}

/** A report file as a browser or Excel hands it over (name, bytes, modified time) -> IncomingFile. */
export async function readReportFile(name: string, bytes: Uint8Array, lastModified: number | null): Promise<IncomingFile> {
  return toIncomingFile(name, bytes, await sha256Hex(bytes), lastModified ? new Date(lastModified) : null);
}

function gridsOf(specs: SheetSpec[]): InputGrids {
  return Object.fromEntries(specs.map((s) => [s.name, s.values as CellValue[][]]));
}

function withTimeliness(files: FileResult[], settings: Settings): FileOutcome[] {
  return files.map((f) => ({ ...f, timeliness: fileTimeliness(f, settings) }));
}

export class MasterService {
  private constructor(
    readonly store: MasterStore,
    private opened: OpenedBook,
    private readonly options: ServiceOptions,
    private grids: InputGrids,
  ) {}

  /** The master book of a workbook that may have none yet (Excel: the pane then offers to create it). */
  static async find(store: MasterStore, options: ServiceOptions = {}): Promise<MasterService | null> {
    const opened = await readBook(store, options.sheets);
    return opened && new MasterService(store, opened, options, opened.grids);
  }

  /** The master book of a workbook the user chose as one; `name` is the file's, for the message when it is not. */
  static async open(store: MasterStore, name: string, options: ServiceOptions = {}): Promise<MasterService> {
    const opened = await readBook(store, options.sheets);
    if (!opened) throw notMaster(name);
    return new MasterService(store, opened, options, opened.grids);
  }

  /**
   * A new master book in the store: the default catalogue and targets, and the units of a units list
   * (readUnitsList) when one is given; its problems are the list's skipped rows.
   */
  static async create(store: MasterStore, settings: Partial<Settings>, list: UnitsList = { units: [], problems: [] }, options: ServiceOptions = {}): Promise<MasterService> {
    const book = newMasterBook(settings, list.units);
    const inputs = inputSheetSpecs(book);
    await store.writeSheets([...inputs, ...importSheets(book)], SHEETS.units);
    return new MasterService(store, { book, problems: list.problems }, options, gridsOf(inputs));
  }

  get book(): MasterBook {
    return this.opened.book;
  }

  get problems(): Finding[] {
    return this.opened.problems;
  }

  /** The book as the workbook holds it now: read again when it can change outside the product. */
  async refresh(): Promise<OpenedBook> {
    if (!this.options.rereads) return this.opened;
    return this.reread();
  }

  private async reread(): Promise<OpenedBook> {
    const opened = await readBook(this.store, this.options.sheets);
    if (!opened) throw new InputError(NO_BOOK);
    this.opened = { book: opened.book, problems: opened.problems };
    this.grids = opened.grids;
    return this.opened;
  }

  /** A clerk's sheet with the product's change, written; remembered as written for the next change. */
  private inputSheet(spec: SheetSpec): SheetSpec {
    this.grids = { ...this.grids, [spec.name]: spec.values as CellValue[][] };
    return spec;
  }

  /** "Cài đặt" with these settings changed, the clerk's other rows and notes kept. */
  private settingsSheet(settings: Settings, keys: readonly SettingKey[]): SheetSpec {
    return this.inputSheet(patchSettings(this.grids[SHEETS.settings], settings, keys));
  }

  /** A book read in part holds defaults for the sheets not read: written back, they would replace the clerk's. */
  private writable(): void {
    if (this.options.sheets) throw new Error("a master book read in part was about to be written");
  }

  resolvePeriod(periodKey: string): Period {
    return resolvePeriod(this.book, periodKey);
  }

  /** What importing the files would do, nothing written: each file's outcome and the book it would give. */
  preview(files: IncomingFile[], periodKey: string | undefined, now: Date): ImportResult {
    const outcome = importFiles(this.book, files, { periodKey, now });
    return { book: outcome.book, files: withTimeliness(outcome.files, outcome.book.settings) };
  }

  /** Imports the files and writes the data, submissions, log and findings sheets. */
  async importReports(files: IncomingFile[], opts: { periodKey?: string; now: Date }): Promise<ImportResult> {
    const { book, files: outcomes } = await this.commit(files, opts.periodKey, opts.now, null);
    return { book, files: outcomes };
  }

  /**
   * "Tổng hợp báo cáo": imports the files given (none for the command line's `consolidate`), consolidates
   * the period as of `asOf`, writes the data and every output sheet and shows "Tổng hợp".
   */
  async consolidate(opts: { files?: IncomingFile[]; periodKey: string; asOf: Date; now: Date }): Promise<ConsolidateResult> {
    const result = await this.commit(opts.files ?? [], opts.periodKey, opts.now, opts.asOf);
    return { ...result, consolidation: result.consolidation as Consolidation };
  }

  /**
   * The one sequence: read → import → consolidate (when `asOf` is given) → write. A consolidation also
   * records its period in "Cài đặt" ("Kỳ tổng hợp gần nhất"), so that the book re-opens on it.
   */
  private async commit(files: IncomingFile[], periodKey: string | undefined, now: Date, asOf: Date | null) {
    this.writable();
    const { book } = await this.refresh();
    const period = periodKey === undefined ? undefined : resolvePeriod(book, periodKey).key;
    const outcome = files.length > 0 ? importFiles(book, files, { periodKey: period, now }) : { book, files: [] };
    let result = outcome.book;
    const consolidation = asOf && period ? consolidateBook(result, period, asOf) : null;
    let editedOutputs: Finding[];
    if (consolidation) {
      const specs = consolidationSheets(result, consolidation, asOf as Date);
      if (result.settings.lastPeriod !== consolidation.period.key) {
        result = { ...result, settings: { ...result.settings, lastPeriod: consolidation.period.key } };
        specs.push(this.settingsSheet(result.settings, ["lastPeriod"]));
      }
      editedOutputs = await this.store.writeSheets(specs, SHEETS.consolidated, REPORT_SHEETS);
    } else {
      editedOutputs = await this.store.writeSheets(importSheets(result));
    }
    this.opened = { book: result, problems: this.opened.problems };
    return { book: result, files: withTimeliness(outcome.files, result.settings), consolidation, editedOutputs };
  }

  /**
   * The period's statuses and figures as of `asOf`, nothing written; files not yet imported (`pending`)
   * count as if they were, so the pane's overdue list follows its preview.
   */
  status(periodKey: string, asOf: Date, pending: IncomingFile[] = [], now: Date = asOf): { book: MasterBook; consolidation: Consolidation } {
    const book = pending.length > 0 ? this.preview(pending, periodKey, now).book : this.book;
    return { book, consolidation: consolidateBook(book, periodKey, asOf) };
  }

  /** The messages for the units to chase (overdue, late, sent with errors), and one for the group chat. */
  reminders(periodKey: string, asOf: Date, pending: IncomingFile[] = [], now: Date = asOf): Reminders {
    const { book, consolidation } = this.status(periodKey, asOf, pending, now);
    const units = unitsToRemind(book, consolidation).map((r) => ({ ...r, message: unitMessage(book, consolidation, r) }));
    return { consolidation, units, group: groupReminder(book, consolidation) };
  }

  /** The body that reports upward and signs the templates, saved in the "Cài đặt" sheet. */
  async saveBody(body: Pick<Settings, "bodyCode" | "bodyName">): Promise<{ book: MasterBook; changed: boolean }> {
    this.writable();
    const { book, problems } = await this.refresh();
    const settings = { ...book.settings, bodyCode: body.bodyCode.trim(), bodyName: body.bodyName.trim() };
    if (settings.bodyCode === book.settings.bodyCode && settings.bodyName === book.settings.bodyName) return { book, changed: false };
    const updated = { ...book, settings };
    await this.store.writeSheets([this.settingsSheet(settings, ["bodyCode", "bodyName"])]);
    this.opened = { book: updated, problems };
    return { book: updated, changed: true };
  }

  /**
   * Units added to "Đơn vị" under the rows already there (the clerk's own columns and rows kept), then
   * the book read back from the workbook, so what the pane shows is what the sheet now holds. A code the
   * book has already is skipped, not overwritten.
   */
  async addUnits(units: readonly Unit[]): Promise<AddedUnits> {
    this.writable();
    const { book } = await this.refresh();
    const known = new Set(book.units.map((u) => u.code));
    const added: Unit[] = [];
    const skipped: string[] = [];
    for (const u of units) {
      if (known.has(u.code)) {
        skipped.push(u.code);
        continue;
      }
      known.add(u.code);
      added.push(u);
    }
    if (added.length === 0) return { book, added, skipped };
    const spec = appendRows(UNITS, this.grids[SHEETS.units], added) ?? writeTable(UNITS, [...book.units, ...added]);
    await this.store.writeSheets([this.inputSheet(spec)], SHEETS.units);
    const { book: read } = await this.reread();
    return { book: read, added, skipped };
  }

  /** One blank report form per unit that owes the period, with the plan it was made from. */
  async templates(periodKey: string): Promise<{ period: Period; templates: { plan: TemplatePlan; file: OutputFile }[] }> {
    const { book } = await this.refresh();
    const period = resolvePeriod(book, periodKey);
    const plans = templatePlans(book, period.key);
    const files = plans.length > 0 ? await (await writers()).buildTemplates(book, period.key) : [];
    return { period, templates: plans.map((plan, i) => ({ plan, file: files[i] })) };
  }

  /** The templates in one .zip, for a browser to save; null when no unit owes the period. */
  async templatesZip(periodKey: string): Promise<{ period: Period; zip: { file: OutputFile; count: number } | null }> {
    const { book } = await this.refresh();
    const period = resolvePeriod(book, periodKey);
    return { period, zip: await (await writers()).buildTemplatesZip(book, period.key) };
  }

  /**
   * The consolidated period as this body's own unit report for the next level up, dated the day of `now`;
   * refused (core/upward.ts) while the body has neither code nor name.
   */
  async exportUpward(periodKey: string, now: Date): Promise<{ period: Period; file: OutputFile; consolidation: Consolidation }> {
    const { book } = await this.refresh();
    const period = resolvePeriod(book, periodKey);
    const file = await (await writers()).buildUpwardReport(book, period.key, now);
    return { period, file, consolidation: consolidateBook(book, period.key, now) };
  }
}
