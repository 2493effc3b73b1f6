// The pane's state and actions, without the DOM: open or create the master book, choose the period, read
// report files into a preview (nothing written), consolidate, chase overdue units, make the units' templates
// and the upward report. The view renders the state and calls these methods; tests drive them with an
// in-memory store.
import type { FileResult, IncomingFile } from "../core/import";
import { consolidateInto, createMaster, importInto, openMaster, PRODUCT_SHEETS, readReportFile } from "../app/session";
import { vnDay } from "../core/dates";
import { daysLate, dueInstant } from "../core/deadlines";
import { currentPeriodKey, parsePeriodKey } from "../core/periods";
import { groupReminder, unitMessage, unitsToRemind, type UnitReminder } from "../core/reminders";
import { consolidateBook, resolvePeriod, type Consolidation } from "../core/period-consolidation";
import { statusLabel } from "../core/status";
import type { Finding, MasterBook, Settings, Sheet, UnitStatusCode } from "../core/types";
import { SHEETS } from "../core/master-sheets";
import { inputSheetSpecs } from "../core/master-write";
import { sha256Hex } from "../io/hash";
import type { Host, LocalFile } from "./host";
import { asOfInstant } from "./periods";
import { readUnitsFile } from "./units-file";

export type Notice = { kind: "info" | "success" | "error"; text: string };

export interface PaneState {
  mode: Host["kind"];
  /** Nothing is known until start() has looked at the workbook. */
  phase: "starting" | "no-book" | "ready";
  /** What the pane is doing right now, in Vietnamese; null when idle. */
  busy: string | null;
  progress: { done: number; total: number } | null;
  book: MasterBook | null;
  /** Problems met reading the master workbook itself. */
  bookProblems: Finding[];
  periodKey: string;
  asOfDay: string;
  /** Files read and waiting for "Tổng hợp báo cáo". */
  pending: IncomingFile[];
  /** What importing the pending files would do (nothing written), or what the last consolidation did. */
  results: FileResult[];
  resultsWritten: boolean;
  consolidation: Consolidation | null;
  /** Names of pending "files" that are sheets of this workbook (their findings can select a cell). */
  sheetSources: string[];
  notice: Notice | null;
  /** The web page's workbook has changes worth downloading. */
  canDownload: boolean;
}

/** One row of the files table. */
export interface FileRow {
  result: FileResult;
  /** "Đúng hạn", "Trễ 3 ngày", or "" when the file was not taken in. */
  timeliness: string;
  timelinessCode: UnitStatusCode | null;
}

const MESSAGES = {
  notMaster: "Tệp này không phải sổ tổng hợp (không có trang “Đơn vị” và “Dữ liệu”). Hãy chọn đúng sổ, hoặc bấm “Tạo sổ mới”.",
  noBook: "Chưa có sổ tổng hợp: hãy tạo hoặc mở sổ trước.",
};

/** exceljs and the writers, loaded on first use so the pane's first load stays small. */
const loadOutputs = () => import(/* webpackChunkName: "outputs" */ "./outputs");

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export class PaneController {
  state: PaneState;
  private listeners: ((s: PaneState) => void)[] = [];
  /** The reminders' consolidation, computed once per state (the view asks on every render). */
  private basis: { state: PaneState; value: { book: MasterBook; c: Consolidation } | null } | null = null;

  constructor(
    private readonly host: Host,
    private readonly clock: () => Date = () => new Date(),
  ) {
    const today = vnDay(clock());
    this.state = {
      mode: host.kind,
      phase: "starting",
      busy: null,
      progress: null,
      book: null,
      bookProblems: [],
      periodKey: currentPeriodKey(today),
      asOfDay: today,
      pending: [],
      results: [],
      resultsWritten: false,
      consolidation: null,
      sheetSources: [],
      notice: null,
      canDownload: false,
    };
  }

  subscribe(listener: (s: PaneState) => void): void {
    this.listeners.push(listener);
  }

  private set(patch: Partial<PaneState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l(this.state);
  }

  /** Runs one user action: shows it as busy, and turns any failure into a message instead of a crash. */
  private async run(busy: string, action: () => Promise<void>): Promise<void> {
    if (this.state.busy) return;
    this.set({ busy, notice: null });
    try {
      await action();
    } catch (e) {
      this.set({ notice: { kind: "error", text: errorText(e) } });
    } finally {
      this.set({ busy: null, progress: null });
    }
  }

  /** In Excel: reads the master sheets when the workbook has them. On the web page: waits for a book. */
  async start(): Promise<void> {
    if (this.host.kind === "web") {
      this.set({ phase: "no-book" });
      return;
    }
    await this.run("Đang đọc sổ tổng hợp…", async () => {
      await this.loadBook();
    });
    if (this.state.phase === "starting") this.set({ phase: "no-book" });
  }

  /**
   * The book to work on. In Excel the clerk may have edited the workbook since the pane read it (units
   * added, settings changed, data sorted): read it again, in one round trip. On the web page the book
   * only changes through the pane.
   */
  private async currentBook(): Promise<MasterBook> {
    if (this.host.kind === "excel" && !(await this.loadBook())) throw new Error(MESSAGES.noBook);
    if (!this.state.book) throw new Error(MESSAGES.noBook);
    return this.state.book;
  }

  private async loadBook(): Promise<boolean> {
    const read = await openMaster(this.host.store);
    if (!read) return false;
    this.useBook(read.book, read.problems);
    return true;
  }

  private useBook(book: MasterBook, problems: Finding[]): void {
    const periodKey = parsePeriodKey(this.state.periodKey, book.settings.adhocPeriods) ? this.state.periodKey : currentPeriodKey(vnDay(this.clock()));
    this.set({ phase: "ready", book, bookProblems: problems, periodKey, consolidation: null, resultsWritten: false });
    this.refreshPreview();
  }

  /** "Tạo sổ tổng hợp" / "Tạo sổ mới": the default template, with the units of a units list file when given. */
  createBook(unitsFile?: LocalFile): Promise<void> {
    return this.run("Đang tạo sổ tổng hợp…", async () => {
      const fromFile = unitsFile ? await readUnitsFile(unitsFile) : { units: [], problems: [] };
      if (unitsFile && fromFile.units.length === 0) {
        throw new Error(`Không đọc được đơn vị nào từ “${unitsFile.name}”: tệp cần dòng tiêu đề “Mã đơn vị, Tên đơn vị, Loại, Đơn vị cấp trên, Tần suất, Liên hệ”.`);
      }
      await this.host.newMasterFile?.();
      const book = await createMaster(this.host.store, { year: Number(this.state.asOfDay.slice(0, 4)) }, fromFile.units);
      this.useBook(book, fromFile.problems);
      this.set({
        canDownload: this.host.kind === "web",
        notice: { kind: "success", text: `Đã tạo sổ tổng hợp với ${book.units.length} đơn vị. Bước tiếp theo: chọn báo cáo của các đơn vị.` },
      });
    });
  }

  /** Web: "Mở sổ tổng hợp". */
  openBookFile(file: LocalFile): Promise<void> {
    return this.run("Đang mở sổ tổng hợp…", async () => {
      if (!this.host.openMasterFile) throw new Error("Không mở được tệp ở chế độ này.");
      await this.host.openMasterFile(file.bytes, file.name);
      if (!(await this.loadBook())) throw new Error(MESSAGES.notMaster);
      const book = this.state.book as MasterBook;
      this.set({ canDownload: true, notice: { kind: "success", text: `Đã mở sổ “${file.name}”: ${book.units.length} đơn vị.` } });
    });
  }

  setPeriod(periodKey: string): void {
    this.set({ periodKey, consolidation: null });
    this.refreshPreview();
  }

  setAsOfDay(day: string): void {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return;
    this.set({ asOfDay: day, consolidation: null });
  }

  /** "Chọn báo cáo" / drop: reads every file (a bad one only costs itself) and previews the import. */
  addFiles(files: LocalFile[]): Promise<void> {
    return this.run("Đang đọc báo cáo…", async () => {
      await this.currentBook();
      const read: IncomingFile[] = [];
      this.set({ progress: { done: 0, total: files.length } });
      for (const f of files) {
        read.push(await readReportFile(f.name, f.bytes, f.lastModified));
        this.set({ progress: { done: read.length, total: files.length } });
      }
      this.addPending(read, []);
    });
  }

  /** Excel: "Nhập từ trang tính": report sheets pasted or moved into this workbook, one report each. */
  addSheets(): Promise<void> {
    return this.run("Đang đọc các trang tính…", async () => {
      await this.currentBook();
      const sheets = await this.host.store.readOtherSheets(PRODUCT_SHEETS);
      if (sheets.length === 0) throw new Error("Sổ không có trang tính nào khác ngoài các trang của sổ tổng hợp.");
      const read = await Promise.all(sheets.map(sheetAsFile));
      this.addPending(read, read.map((f) => f.name));
    });
  }

  /** Adds files to the pending list; picking the very same file twice keeps one copy. */
  private addPending(read: IncomingFile[], sheetNames: string[]): void {
    const seen = new Set(this.state.pending.map((f) => `${f.name}\u0000${f.hash}`));
    const fresh = read.filter((f) => !seen.has(`${f.name}\u0000${f.hash}`));
    this.set({
      pending: [...this.state.pending, ...fresh],
      sheetSources: [...this.state.sheetSources, ...sheetNames],
      consolidation: null,
    });
    this.refreshPreview();
  }

  clearFiles(): void {
    this.set({ pending: [], sheetSources: [], results: [], resultsWritten: false });
  }

  /** Recomputes what importing the pending files would do; pure, nothing is written. */
  private refreshPreview(): void {
    const { book, pending, periodKey } = this.state;
    if (!book || pending.length === 0) {
      if (!this.state.resultsWritten) this.set({ results: [] });
      return;
    }
    try {
      const outcome = importInto(book, pending, periodKey, this.clock());
      this.set({ results: outcome.files, resultsWritten: false });
    } catch (e) {
      this.set({ results: [], notice: { kind: "error", text: errorText(e) } });
    }
  }

  /** "Tổng hợp báo cáo": imports the pending files, writes the data and every output sheet. */
  consolidate(): Promise<void> {
    return this.run("Đang tổng hợp…", async () => {
      const book = await this.currentBook();
      const { pending, periodKey } = this.state;
      resolvePeriod(book, periodKey);
      const now = this.clock();
      const outcome = importInto(book, pending, periodKey, now);
      const consolidation = await consolidateInto(this.host.store, outcome.book, periodKey, asOfInstant(this.state.asOfDay, now));
      const imported = outcome.files.filter((f) => f.status === "imported" || f.status === "replaced").length;
      this.set({
        book: outcome.book,
        pending: [],
        results: outcome.files,
        resultsWritten: true,
        consolidation,
        // An output typed over by hand was kept as a copy: the clerk must hear about it.
        bookProblems: [...this.state.bookProblems.filter((p) => p.code !== "OUTPUT_EDITED"), ...consolidation.editedOutputs],
        canDownload: this.host.kind === "web",
        notice: {
          kind: "success",
          text:
            `Đã tổng hợp ${consolidation.period.label}: nhận ${imported}/${outcome.files.length} tệp, ${consolidation.indicators.filter((i) => i.unitsReporting > 0).length} chỉ tiêu có số liệu.` +
            (this.host.kind === "web" ? " Bấm “Tải sổ tổng hợp” để lưu sổ." : " Xem trang “Tổng hợp”."),
        },
      });
    });
  }

  download(): Promise<void> {
    return this.run("Đang chuẩn bị tệp tải về…", async () => {
      if (!this.host.download) throw new Error("Không tải được sổ ở chế độ này.");
      await this.host.download();
    });
  }

  /**
   * What the reminders speak of: the last consolidation, else the chosen period as of the chosen day with
   * the files being previewed counted as received; null without a book or a valid period.
   */
  private reminderBasis(): { book: MasterBook; c: Consolidation } | null {
    if (this.basis?.state === this.state) return this.basis.value;
    const { book, pending, periodKey, consolidation } = this.state;
    let value: { book: MasterBook; c: Consolidation } | null = null;
    if (book && consolidation) value = { book, c: consolidation };
    else if (book && parsePeriodKey(periodKey, book.settings.adhocPeriods)) {
      const now = this.clock();
      const withPending = pending.length ? importInto(book, pending, periodKey, now).book : book;
      value = { book: withPending, c: consolidateBook(withPending, periodKey, asOfInstant(this.state.asOfDay, now)) };
    }
    this.basis = { state: this.state, value };
    return value;
  }

  /** "Quá hạn": the units to remind, overdue first, then late, then those whose report has errors. */
  chase(): UnitReminder[] {
    const basis = this.reminderBasis();
    return basis ? unitsToRemind(basis.book, basis.c) : [];
  }

  /** "Sao chép nhắc nhở": one message for the group chat naming every unit to remind; "" when none. */
  reminder(): string {
    const basis = this.reminderBasis();
    return basis ? groupReminder(basis.book, basis.c) : "";
  }

  /** "Sao chép" beside a unit: the message to that unit alone; "" when it has nothing to be reminded of. */
  unitReminder(unitCode: string): string {
    const basis = this.reminderBasis();
    const r = this.chase().find((x) => x.unit === unitCode);
    return basis && r ? unitMessage(basis.book, basis.c, r) : "";
  }

  /** The body that reports upward and signs the templates ("Cài đặt"), saved in the master workbook. */
  setBody(body: Pick<Settings, "bodyCode" | "bodyName">): Promise<void> {
    return this.run("Đang lưu tên đơn vị tổng hợp…", async () => {
      const book = this.requireBook();
      const settings = { ...book.settings, bodyCode: body.bodyCode.trim(), bodyName: body.bodyName.trim() };
      if (settings.bodyCode === book.settings.bodyCode && settings.bodyName === book.settings.bodyName) return;
      const updated = { ...book, settings };
      await this.host.store.writeSheets(inputSheetSpecs(updated).filter((spec) => spec.name === SHEETS.settings));
      this.set({ book: updated, canDownload: this.host.kind === "web", notice: { kind: "success", text: `Đã lưu đơn vị tổng hợp: ${bodyText(settings)}.` } });
    });
  }

  /** "Tạo mẫu báo cáo": every unit's blank template for the period, in one .zip. */
  makeTemplates(): Promise<void> {
    return this.run("Đang tạo mẫu báo cáo…", async () => {
      const book = this.requireBook();
      const period = resolvePeriod(book, this.state.periodKey);
      const made = await (await loadOutputs()).templatesZip(book, period.key);
      if (!made) throw new Error(`Không có đơn vị nào phải nộp báo cáo ${period.label}: chưa có mẫu nào để tạo.`);
      await this.host.saveFile(made.file.fileName, made.file.bytes);
      this.set({ notice: { kind: "success", text: `Đã tạo ${made.count} mẫu báo cáo ${period.label} trong tệp “${made.file.fileName}”.${this.savedHint()}` } });
    });
  }

  /** "Xuất báo cáo cấp trên": the consolidated period as this body's own report to the next level up. */
  exportUpward(): Promise<void> {
    return this.run("Đang xuất báo cáo cấp trên…", async () => {
      const book = this.requireBook();
      const period = resolvePeriod(book, this.state.periodKey);
      if (!book.settings.bodyCode && !book.settings.bodyName) {
        throw new Error("Chưa có tên đơn vị tổng hợp: điền “Tên đơn vị tổng hợp” (và mã, nếu cấp trên đã cấp) rồi bấm lại “Xuất báo cáo cấp trên”.");
      }
      const file = await (await loadOutputs()).buildUpwardReport(book, period.key, this.clock());
      await this.host.saveFile(file.fileName, file.bytes);
      this.set({ notice: { kind: "success", text: `Đã xuất báo cáo ${period.label} lên cấp trên: tệp “${file.fileName}”.${this.savedHint()}` } });
    });
  }

  private savedHint(): string {
    return this.host.kind === "excel" ? " Nếu không thấy tệp trong thư mục Tải về, hãy dùng trang web hoặc lệnh tonghop trên máy tính." : "";
  }

  private requireBook(): MasterBook {
    if (!this.state.book) throw new Error(MESSAGES.noBook);
    return this.state.book;
  }

  /**
   * "Phát hiện": the findings of the files just read (a file set aside for another period included), then
   * after a consolidation those of the period's data too, each once.
   */
  findings(): Finding[] {
    const all = [...this.state.results.flatMap((r) => r.findings), ...(this.state.consolidation?.findings ?? [])];
    const seen = new Set<string>();
    return all.filter((f) => {
      const key = [f.code, f.file, f.sheet, f.cell, f.unit, f.indicator, f.period, f.message].join("\u0000");
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  /** A finding can select its cell when it points at a cell of a sheet of this workbook. */
  canSelect(f: Finding): boolean {
    return this.host.kind === "excel" && f.cell !== "" && this.state.sheetSources.includes(f.file);
  }

  async selectFinding(f: Finding): Promise<void> {
    if (!this.canSelect(f)) return;
    try {
      await this.host.store.selectCell(f.sheet || f.file, f.cell);
    } catch (e) {
      this.set({ notice: { kind: "error", text: `Không chọn được ô ${f.cell}: ${errorText(e)}` } });
    }
  }

  /** The files table: each file with the timeliness of its report. */
  fileRows(): FileRow[] {
    const book = this.state.book;
    return this.state.results.map((result) => {
      const taken = result.status !== "refused" && result.status !== "period_mismatch";
      if (!book || !taken || !result.period || !result.receivedAt) return { result, timeliness: "", timelinessCode: null };
      try {
        const days = daysLate(new Date(result.receivedAt), dueInstant(result.period, book.settings, result.unit));
        const code: UnitStatusCode = days > 0 ? "late" : "on_time";
        return { result, timeliness: statusLabel(code, days), timelinessCode: code };
      } catch {
        return { result, timeliness: "", timelinessCode: null };
      }
    });
  }
}

/** "UBND xã Hòa Bình, mã XHB", as the clerk named the body. */
function bodyText({ bodyName, bodyCode }: Pick<Settings, "bodyCode" | "bodyName">): string {
  return [bodyName, bodyCode && `mã ${bodyCode}`].filter(Boolean).join(", ") || "(chưa đặt tên)";
}

/** A sheet of this workbook as an incoming report file, hashed by its content. */
async function sheetAsFile(sheet: Sheet): Promise<IncomingFile> {
  const json = JSON.stringify(sheet);
  return {
    name: sheet.name,
    hash: await sha256Hex(new TextEncoder().encode(json)),
    modifiedAt: null,
    workbook: { sheets: [sheet] },
    readError: null,
  };
}
