// The pane's state and actions, without the DOM: open or create the master book, choose the period, read
// report files into a preview (nothing written), consolidate, chase overdue units, make the units' templates
// and the upward report. Each action calls the application service (app/master-service.ts); the view
// renders the state and calls these methods; tests drive them with an in-memory store.
import { MasterService, PRODUCT_SHEETS, readReportFile, readUnitsList, type FileOutcome, type Reminders } from "../app/master-service";
import { vnDay } from "../core/dates";
import type { IncomingFile } from "../core/import";
import type { Consolidation } from "../core/period-consolidation";
import { currentPeriodKey, parsePeriodKey } from "../core/periods";
import type { UnitReminder } from "../core/reminders";
import type { Finding, MasterBook, Settings, Sheet, UnitStatusCode } from "../core/types";
import { sha256Hex } from "../io/hash";
import type { MasterStore } from "../app/store";
import type { BrowserWorkbook, Host, LocalFile } from "./host";
import { asOfInstant } from "./periods";

export type Notice = { kind: "info" | "success" | "error"; text: string };

export interface PaneState {
  mode: Host["kind"];
  /** Nothing is known until start() has looked at the workbook. */
  phase: "starting" | "no-book" | "ready";
  /** What the pane is doing right now, in Vietnamese; null when idle. */
  busy: string | null;
  progress: { done: number; total: number } | null;
  book: MasterBook | null;
  /** Problems met reading the master workbook itself, or writing its outputs. */
  bookProblems: Finding[];
  periodKey: string;
  asOfDay: string;
  /** Files read and waiting for "Tổng hợp báo cáo". */
  pending: IncomingFile[];
  /** What importing the pending files would do (nothing written), or what the last consolidation did. */
  results: FileOutcome[];
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
  result: FileOutcome;
  /** "Đúng hạn", "Trễ 3 ngày", or "" when the file was not taken in. */
  timeliness: string;
  timelinessCode: UnitStatusCode | null;
}

/** The web page's workbook, as the clerk downloads it. */
const MASTER_FILE_NAME = "so-tong-hop.xlsx";

const NO_BOOK = "Chưa có sổ tổng hợp: hãy tạo hoặc mở sổ trước.";

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export class PaneController {
  state: PaneState;
  private listeners: ((s: PaneState) => void)[] = [];
  private master: MasterService | null = null;
  /** The web page's workbook in the browser, for "Tải sổ tổng hợp". */
  private workbook: BrowserWorkbook | null = null;
  /** The reminders, computed once per state (the view asks on every render). */
  private basis: { state: PaneState; value: Reminders | null } | null = null;

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

  /**
   * In Excel the clerk may edit the workbook while the pane is open (units added, settings changed, data
   * sorted): the service reads it again before each action. On the web page only the pane writes it.
   */
  private get options() {
    return { rereads: this.host.kind === "excel" };
  }

  /** In Excel: reads the master sheets when the workbook has them. On the web page: waits for a book. */
  async start(): Promise<void> {
    const host = this.host;
    if (host.kind === "web") {
      this.set({ phase: "no-book" });
      return;
    }
    await this.run("Đang đọc sổ tổng hợp…", async () => {
      const master = await MasterService.find(host.store, this.options);
      if (master) this.useBook(master);
    });
    if (this.state.phase === "starting") this.set({ phase: "no-book" });
  }

  /**
   * The service. In Excel a workbook that had no master sheets when the pane opened may have them by now
   * (copied in from another workbook). Its actions read the workbook again themselves where it can change.
   */
  private async service(): Promise<MasterService> {
    const host = this.host;
    if (!this.master && host.kind === "excel") {
      const found = await MasterService.find(host.store, this.options);
      if (found) this.useBook(found);
    }
    if (!this.master) throw new Error(NO_BOOK);
    return this.master;
  }

  /** The service, with the book as the workbook holds it now, for a preview of files against it. */
  private async current(): Promise<MasterService> {
    const master = await this.service();
    const { book } = await master.refresh();
    if (book !== this.state.book) this.useBook(master);
    return master;
  }

  private useBook(master: MasterService): void {
    this.master = master;
    const { book, problems } = master;
    const periodKey = parsePeriodKey(this.state.periodKey, book.settings.adhocPeriods) ? this.state.periodKey : currentPeriodKey(vnDay(this.clock()));
    this.set({ phase: "ready", book, bookProblems: problems, periodKey, consolidation: null, resultsWritten: false });
    this.refreshPreview();
  }

  /** "Tạo sổ tổng hợp" / "Tạo sổ mới": the default template, with the units of a units list file when given. */
  createBook(unitsFile?: LocalFile): Promise<void> {
    return this.run("Đang tạo sổ tổng hợp…", async () => {
      const host = this.host;
      const units = unitsFile && readUnitsList(unitsFile.name, unitsFile.bytes);
      let workbook: BrowserWorkbook | null = null;
      let store: MasterStore;
      if (host.kind === "web") store = workbook = await host.emptyWorkbook();
      else store = host.store;
      const master = await MasterService.create(store, { year: Number(this.state.asOfDay.slice(0, 4)) }, units ?? undefined, this.options);
      this.workbook = workbook;
      this.useBook(master);
      this.set({
        canDownload: host.kind === "web",
        notice: { kind: "success", text: `Đã tạo sổ tổng hợp với ${master.book.units.length} đơn vị. Bước tiếp theo: chọn báo cáo của các đơn vị.` },
      });
    });
  }

  /** Web: "Mở sổ tổng hợp": the workbook in the browser is replaced only when the file is a master workbook. */
  openBookFile(file: LocalFile): Promise<void> {
    return this.run("Đang mở sổ tổng hợp…", async () => {
      if (this.host.kind !== "web") throw new Error("Không mở được tệp ở chế độ này.");
      const workbook = await this.host.loadWorkbook(file.bytes, file.name);
      const master = await MasterService.open(workbook, file.name, this.options);
      this.workbook = workbook;
      this.useBook(master);
      this.set({ canDownload: true, notice: { kind: "success", text: `Đã mở sổ “${file.name}”: ${master.book.units.length} đơn vị.` } });
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
      await this.current();
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
      const master = await this.current();
      const sheets = await master.store.readOtherSheets(PRODUCT_SHEETS);
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

  /** Recomputes what importing the pending files would do; nothing is written. */
  private refreshPreview(): void {
    const { pending, periodKey } = this.state;
    if (!this.master || pending.length === 0) {
      if (!this.state.resultsWritten) this.set({ results: [] });
      return;
    }
    try {
      this.set({ results: this.master.preview(pending, periodKey, this.clock()).files, resultsWritten: false });
    } catch (e) {
      this.set({ results: [], notice: { kind: "error", text: errorText(e) } });
    }
  }

  /** "Tổng hợp báo cáo": imports the pending files, writes the data and every output sheet. */
  consolidate(): Promise<void> {
    return this.run("Đang tổng hợp…", async () => {
      const master = await this.service();
      const now = this.clock();
      const result = await master.consolidate({ files: this.state.pending, periodKey: this.state.periodKey, asOf: asOfInstant(this.state.asOfDay, now), now });
      const { consolidation, files } = result;
      const imported = files.filter((f) => f.status === "imported" || f.status === "replaced").length;
      this.set({
        book: result.book,
        pending: [],
        results: files,
        resultsWritten: true,
        consolidation,
        // An output typed over by hand was kept as a copy: the clerk must hear about it.
        bookProblems: [...master.problems, ...result.editedOutputs],
        canDownload: this.host.kind === "web",
        notice: {
          kind: "success",
          text:
            `Đã tổng hợp ${consolidation.period.label}: nhận ${imported}/${files.length} tệp, ${consolidation.indicators.filter((i) => i.unitsReporting > 0).length} chỉ tiêu có số liệu.` +
            (this.host.kind === "web" ? " Bấm “Tải sổ tổng hợp” để lưu sổ." : " Xem trang “Tổng hợp”."),
        },
      });
    });
  }

  /** Web: "Tải sổ tổng hợp". */
  download(): Promise<void> {
    return this.run("Đang chuẩn bị tệp tải về…", async () => {
      if (!this.workbook) throw new Error("Không tải được sổ ở chế độ này.");
      await this.host.saveFile(MASTER_FILE_NAME, await this.workbook.toBytes());
    });
  }

  /**
   * What the reminders speak of: the last consolidation, else the chosen period as of the chosen day with
   * the files being previewed counted as received; null without a book or a valid period.
   */
  private reminders(): Reminders | null {
    if (this.basis?.state === this.state) return this.basis.value;
    const { book, pending, periodKey, consolidation } = this.state;
    let value: Reminders | null = null;
    if (this.master && book && parsePeriodKey(periodKey, book.settings.adhocPeriods)) {
      const now = this.clock();
      const asOf = consolidation ? new Date(consolidation.asOf) : asOfInstant(this.state.asOfDay, now);
      value = this.master.reminders(consolidation ? consolidation.period.key : periodKey, asOf, consolidation ? [] : pending, now);
    }
    this.basis = { state: this.state, value };
    return value;
  }

  /** "Quá hạn": the units to remind, overdue first, then late, then those whose report has errors. */
  chase(): UnitReminder[] {
    return this.reminders()?.units ?? [];
  }

  /** "Sao chép nhắc nhở": one message for the group chat naming every unit to remind; "" when none. */
  reminder(): string {
    return this.reminders()?.group ?? "";
  }

  /** "Sao chép" beside a unit: the message to that unit alone; "" when it has nothing to be reminded of. */
  unitReminder(unitCode: string): string {
    return this.reminders()?.units.find((r) => r.unit === unitCode)?.message ?? "";
  }

  /** The body that reports upward and signs the templates ("Cài đặt"), saved in the master workbook. */
  setBody(body: Pick<Settings, "bodyCode" | "bodyName">): Promise<void> {
    return this.run("Đang lưu tên đơn vị tổng hợp…", async () => {
      const master = await this.service();
      const { book, changed } = await master.saveBody(body);
      if (!changed) return;
      this.set({ book, canDownload: this.host.kind === "web", notice: { kind: "success", text: `Đã lưu đơn vị tổng hợp: ${bodyText(book.settings)}.` } });
    });
  }

  /** "Tạo mẫu báo cáo": every unit's blank template for the period, in one .zip. */
  makeTemplates(): Promise<void> {
    return this.run("Đang tạo mẫu báo cáo…", async () => {
      const master = await this.service();
      const { period, zip } = await master.templatesZip(this.state.periodKey);
      if (!zip) throw new Error(`Không có đơn vị nào phải nộp báo cáo ${period.label}: chưa có mẫu nào để tạo.`);
      await this.host.saveFile(zip.file.fileName, zip.file.bytes);
      this.set({ notice: { kind: "success", text: `Đã tạo ${zip.count} mẫu báo cáo ${period.label} trong tệp “${zip.file.fileName}”.${this.savedHint()}` } });
    });
  }

  /** "Xuất báo cáo cấp trên": the consolidated period as this body's own report to the next level up. */
  exportUpward(): Promise<void> {
    return this.run("Đang xuất báo cáo cấp trên…", async () => {
      const master = await this.service();
      const { period, file } = await master.exportUpward(this.state.periodKey, this.clock());
      await this.host.saveFile(file.fileName, file.bytes);
      this.set({ notice: { kind: "success", text: `Đã xuất báo cáo ${period.label} lên cấp trên: tệp “${file.fileName}”.${this.savedHint()}` } });
    });
  }

  private savedHint(): string {
    return this.host.kind === "excel" ? " Nếu không thấy tệp trong thư mục Tải về, hãy dùng trang web hoặc lệnh tonghop trên máy tính." : "";
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
    if (!this.canSelect(f) || !this.master) return;
    try {
      await this.master.store.selectCell(f.sheet || f.file, f.cell);
    } catch (e) {
      this.set({ notice: { kind: "error", text: `Không chọn được ô ${f.cell}: ${errorText(e)}` } });
    }
  }

  /** The files table: each file with the timeliness the service worked out for it. */
  fileRows(): FileRow[] {
    return this.state.results.map((result) => ({ result, timeliness: result.timeliness?.label ?? "", timelinessCode: result.timeliness?.code ?? null }));
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
