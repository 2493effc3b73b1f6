// The pane's state and actions, without the DOM: open or create the master book, add units, choose the
// period (or follow the files), read report files into a preview (nothing written), consolidate, chase
// overdue units, make the units' templates and the upward report, download the web page's book. Each
// action calls the application service (app/master-service.ts); the view renders the state and calls
// these methods; tests drive them with an in-memory store.
import { MasterService, PRODUCT_SHEETS, readReportFile, readUnitsList, type FileOutcome, type Reminders, type UnitsList } from "../app/master-service";
import { vnDay } from "../core/dates";
import type { IncomingFile } from "../core/import";
import type { Consolidation } from "../core/period-consolidation";
import { currentPeriodKey, parsePeriodKey } from "../core/periods";
import type { UnitReminder } from "../core/reminders";
import type { Finding, MasterBook, Settings, Sheet, Unit, UnitStatusCode } from "../core/types";
import { sha256Hex } from "../io/hash";
import type { MasterStore } from "../app/store";
import type { BrowserWorkbook, Host, LocalFile, SavedFile } from "./host";
import { fileStatusText } from "./labels";
import { asOfInstant, masterFileName, parseDayText } from "./periods";

/** The sections of the pane: a notice shows in the one whose control it answers, never over another. */
export type Place = "book" | "units" | "period" | "reports" | "consolidate" | "overdue" | "outputs";

export interface Notice {
  kind: "info" | "success" | "warning" | "error";
  text: string;
  at: Place;
  /** A one-click way out the notice offers: "Chuyển sang Tháng 11/2026". */
  action?: { label: string; periodKey: string };
  /** The id of the field to fix, which takes the focus instead of the notice. */
  field?: string;
  /** Said (a screen reader hears it) without taking the focus: the answer to leaving a field, whose neighbour the clerk tabbed to. */
  quiet?: boolean;
  /** Tells one notice from the next, so the view moves focus to each new one. */
  id: number;
}

export type NoticeInput = Omit<Notice, "id">;

/** The units list chosen for a new book, read as soon as it is chosen so that a bad one is said at once. */
export interface ChosenUnits {
  name: string;
  list: UnitsList;
  /** The code of the body the units report to, when they all name the same one ("Đơn vị cấp trên"). */
  parent: string;
}

export interface PaneState {
  mode: Host["kind"];
  /** Nothing is known until start() has looked at the workbook. */
  phase: "starting" | "no-book" | "ready";
  /** What the pane is doing right now, in Vietnamese, and where; null when idle. */
  busy: string | null;
  busyAt: Place | null;
  progress: { done: number; total: number } | null;
  book: MasterBook | null;
  /** Problems met reading the master workbook itself, or writing its outputs. */
  bookProblems: Finding[];
  periodKey: string;
  asOfDay: string;
  /** Why the as-of text typed last could not be read; null when it could. */
  asOfError: string | null;
  /** Files read and waiting for "Tổng hợp báo cáo" (after a consolidation: those set aside for another period). */
  pending: IncomingFile[];
  /** What importing the pending files would do (nothing written), or what the last consolidation did. */
  results: FileOutcome[];
  resultsWritten: boolean;
  consolidation: Consolidation | null;
  /** Names of pending "files" that are sheets of this workbook (their findings can select a cell). */
  sheetSources: string[];
  notice: Notice | null;
  /** The units list chosen for "Tạo sổ mới", not yet used. */
  newUnits: ChosenUnits | null;
  /** The web page's workbook has changes not yet downloaded: closing the page would lose them. */
  unsaved: boolean;
  /** The web page has a workbook to download. */
  canDownload: boolean;
}

/** One row of the files table. */
export interface FileRow {
  result: FileOutcome;
  /** "Sẽ nhập" before anything is written, "Đã nhập" after. */
  statusText: string;
  /** "Đúng hạn", "Trễ 3 ngày", or "" when the file was not taken in. */
  timeliness: string;
  timelinessCode: UnitStatusCode | null;
  /** The first error of the file (else its first warning): shown in its row, the rest under "Phát hiện". */
  firstFinding: Finding | null;
}

/** The period most of the files set aside declare, offered as a one-click switch. */
export interface PeriodSuggestion {
  key: string;
  label: string;
  files: number;
  /** No other period is declared by as many files. */
  unique: boolean;
}

/** A unit typed into the page's small form. */
export type UnitDraft = Pick<Unit, "code" | "name" | "type" | "frequency" | "contact">;

const NO_BOOK = "Chưa có sổ tổng hợp: hãy tạo hoặc mở sổ trước.";

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The period's label, or its key when the book does not know it. */
function labelOf(key: string, book: MasterBook | null): string {
  return parsePeriodKey(key, book?.settings.adhocPeriods)?.label ?? key;
}

/** "12 sẽ nhập, 1 trùng, bỏ qua": how many files fare which way, in the words of the files table. */
function tally(results: FileOutcome[], written: boolean): string {
  const counts = new Map<string, number>();
  for (const r of results) {
    const text = fileStatusText(r, written).toLowerCase();
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  return [...counts].map(([text, n]) => `${n} ${text}`).join(", ");
}

const taken = (r: FileOutcome) => r.status === "imported" || r.status === "replaced";

export class PaneController {
  state: PaneState;
  private listeners: ((s: PaneState) => void)[] = [];
  private master: MasterService | null = null;
  /** The web page's workbook in the browser, for "Tải sổ tổng hợp". */
  private workbook: BrowserWorkbook | null = null;
  /** The reminders, computed once per state (the view asks on every render). */
  private basis: { state: PaneState; value: Reminders | null } | null = null;
  private notices = 0;

  constructor(
    private readonly host: Host,
    private readonly clock: () => Date = () => new Date(),
  ) {
    const today = vnDay(clock());
    this.state = {
      mode: host.kind,
      phase: "starting",
      busy: null,
      busyAt: null,
      progress: null,
      book: null,
      bookProblems: [],
      periodKey: currentPeriodKey(today),
      asOfDay: today,
      asOfError: null,
      pending: [],
      results: [],
      resultsWritten: false,
      consolidation: null,
      sheetSources: [],
      notice: null,
      newUnits: null,
      unsaved: false,
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

  private say(notice: NoticeInput): void {
    this.set({ notice: { ...notice, id: ++this.notices } });
  }

  /** Runs one user action: shows it as busy where it was asked, and turns any failure into a message there. */
  private async run(busy: string, at: Place, action: () => Promise<void>): Promise<void> {
    if (this.state.busy) return;
    this.set({ busy, busyAt: at, notice: null });
    try {
      await action();
    } catch (e) {
      this.say({ kind: "error", text: errorText(e), at });
    } finally {
      this.set({ busy: null, busyAt: null, progress: null });
    }
  }

  /**
   * In Excel the clerk may edit the workbook while the pane is open (units added, settings changed, data
   * sorted): the service reads it again before each action. On the web page only the pane writes it.
   */
  private get options() {
    return { rereads: this.host.kind === "excel" };
  }

  private get web(): boolean {
    return this.host.kind === "web";
  }

  /** In Excel: reads the master sheets when the workbook has them. On the web page: waits for a book. */
  async start(): Promise<void> {
    const host = this.host;
    if (host.kind === "web") {
      this.set({ phase: "no-book" });
      return;
    }
    await this.run("Đang đọc sổ tổng hợp…", "book", async () => {
      const master = await MasterService.find(host.store, this.options);
      if (master) this.useBook(master, true);
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
      if (found) this.useBook(found, true);
    }
    if (!this.master) throw new Error(NO_BOOK);
    return this.master;
  }

  /** The service, with the book as the workbook holds it now, for a preview of files against it. */
  private async current(): Promise<MasterService> {
    const master = await this.service();
    const { book } = await master.refresh();
    if (book !== this.state.book) this.useBook(master, false);
    return master;
  }

  /**
   * The book to work on. Opening one starts on the period it was last consolidated for ("Cài đặt"), else
   * on the current month; a book read again keeps the period the clerk is on.
   */
  private useBook(master: MasterService, opening: boolean): void {
    this.master = master;
    const { book, problems } = master;
    const valid = (key: string) => key !== "" && parsePeriodKey(key, book.settings.adhocPeriods) !== null;
    const periodKey = opening && valid(book.settings.lastPeriod) ? book.settings.lastPeriod : valid(this.state.periodKey) ? this.state.periodKey : currentPeriodKey(vnDay(this.clock()));
    this.set({ phase: "ready", book, bookProblems: problems, periodKey, consolidation: null, resultsWritten: false });
    this.refreshPreview();
  }

  /** "Chọn danh sách đơn vị…": read now, so that a list that cannot be read is said before anything is made. */
  chooseUnitsList(file: LocalFile): void {
    try {
      const list = readUnitsList(file.name, file.bytes);
      const parents = new Set(list.units.map((u) => u.parent));
      this.set({ newUnits: { name: file.name, list, parent: parents.size === 1 ? [...parents][0] : "" } });
      const skipped = list.problems.length ? ` ${list.problems.length} dòng có vấn đề: xem sau khi tạo sổ.` : "";
      this.say({ kind: "info", at: "book", text: `Danh sách “${file.name}”: ${list.units.length} đơn vị.${skipped}` });
    } catch (e) {
      this.set({ newUnits: null });
      this.say({ kind: "error", at: "book", text: errorText(e) });
    }
  }

  /**
   * "Tạo sổ tổng hợp" / "Tạo sổ mới": the default template with the body's name and code, and the units of
   * the chosen list. A book without a name would print "(chưa đặt tên)" on every report: the name is asked first.
   */
  createBook(body: Pick<Settings, "bodyCode" | "bodyName">): Promise<void> {
    const bodyName = body.bodyName.trim();
    if (!bodyName) {
      this.say({ kind: "error", at: "book", field: "body-name", text: "Hãy nhập tên đơn vị tổng hợp (ví dụ: UBND xã Hòa Bình): tên này được in trên báo cáo tổng hợp và báo cáo gửi cấp trên." });
      return Promise.resolve();
    }
    return this.run("Đang tạo sổ tổng hợp…", "book", async () => {
      const host = this.host;
      let workbook: BrowserWorkbook | null = null;
      let store: MasterStore;
      if (host.kind === "web") store = workbook = await host.emptyWorkbook();
      else store = host.store;
      const settings = { year: Number(this.state.asOfDay.slice(0, 4)), bodyName, bodyCode: body.bodyCode.trim() };
      const chosen = this.state.newUnits;
      const master = await MasterService.create(store, settings, chosen?.list, this.options);
      this.workbook = workbook;
      this.useBook(master, true);
      const count = master.book.units.length;
      this.set({ newUnits: null, canDownload: this.web, unsaved: this.web });
      if (count === 0) {
        const form = "Bước tiếp theo: thêm đơn vị ở mục “Đơn vị báo cáo” ngay dưới đây (gõ từng đơn vị, hoặc chọn tệp danh sách .csv, .xlsx)";
        const next = this.web ? `${form}.` : `${form}, hoặc gõ, dán danh sách vào trang “Đơn vị” (đang mở).`;
        this.say({ kind: "warning", at: "units", text: `Đã tạo sổ tổng hợp của ${bodyName}, nhưng sổ chưa có đơn vị nào nên chưa nhận được báo cáo nào. ${next}` });
        return;
      }
      this.say({ kind: "success", at: "book", text: `Đã tạo sổ tổng hợp của ${bodyName} với ${count} đơn vị. Bước tiếp theo: chọn báo cáo của các đơn vị.` });
    });
  }

  /** Web: "Mở sổ tổng hợp": the workbook in the browser is replaced only when the file is a master workbook. */
  openBookFile(file: LocalFile): Promise<void> {
    return this.run("Đang mở sổ tổng hợp…", "book", async () => {
      if (this.host.kind !== "web") throw new Error("Không mở được tệp ở chế độ này.");
      const workbook = await this.host.loadWorkbook(file.bytes, file.name);
      const master = await MasterService.open(workbook, file.name, this.options);
      this.workbook = workbook;
      this.useBook(master, true);
      this.set({ canDownload: true, unsaved: false });
      const last = master.book.settings.lastPeriod === this.state.periodKey ? ` Kỳ tổng hợp gần nhất: ${labelOf(this.state.periodKey, master.book)}.` : "";
      this.say({ kind: "success", at: "book", text: `Đã mở sổ “${file.name}”: ${master.book.units.length} đơn vị.${last}` });
    });
  }

  /** "Đơn vị báo cáo": one unit typed into the form, added under the rows of "Đơn vị". */
  addUnit(draft: UnitDraft): Promise<void> {
    const unit: Unit = { ...draft, code: draft.code.trim(), name: draft.name.trim(), contact: draft.contact.trim(), parent: this.state.book?.settings.bodyCode ?? "", activeFrom: "", activeTo: "" };
    if (!unit.code || !unit.name) {
      this.say({ kind: "error", at: "units", field: unit.code ? "unit-name" : "unit-code", text: "Hãy nhập cả mã và tên đơn vị." });
      return Promise.resolve();
    }
    return this.run("Đang thêm đơn vị…", "units", async () => {
      const { added, book } = await this.addUnits([unit]);
      if (added.length === 0) {
        const same = book.units.find((u) => u.code === unit.code);
        this.say({ kind: "error", at: "units", field: "unit-code", text: `Mã đơn vị “${unit.code}” đã có trong sổ (${same?.name ?? ""}): không thêm lại.` });
        return;
      }
      this.say({ kind: "success", at: "units", text: `Đã thêm đơn vị ${unit.name} (mã ${unit.code}). Sổ có ${book.units.length} đơn vị.` });
    });
  }

  /** "Đơn vị báo cáo": the units of a list file added to the book (codes already there are kept as they are). */
  addUnitsFile(file: LocalFile): Promise<void> {
    return this.run("Đang thêm đơn vị…", "units", async () => {
      const list = readUnitsList(file.name, file.bytes);
      const { added, skipped, book } = await this.addUnits(list.units);
      const parts = [`Đã thêm ${added.length} đơn vị từ “${file.name}”; sổ có ${book.units.length} đơn vị.`];
      if (skipped.length) parts.push(`${skipped.length} mã đã có trong sổ, không thêm lại: ${skipped.slice(0, 5).join(", ")}${skipped.length > 5 ? "…" : ""}.`);
      if (list.problems.length) parts.push(`${list.problems.length} dòng của tệp bị bỏ qua: ${list.problems[0].message}`);
      this.say({ kind: added.length ? "success" : "warning", at: "units", text: parts.join(" ") });
    });
  }

  private async addUnits(units: Unit[]) {
    const master = await this.service();
    const result = await master.addUnits(units);
    this.set({ book: result.book, bookProblems: master.problems, unsaved: this.web || this.state.unsaved, canDownload: this.web });
    this.refreshPreview();
    return result;
  }

  setPeriod(periodKey: string): void {
    this.set({ periodKey, consolidation: null });
    this.refreshPreview();
  }

  /** "Chuyển sang Tháng 11/2026": the period the files declare, the files re-read against it. */
  switchPeriod(periodKey: string): void {
    this.setPeriod(periodKey);
    const files = this.state.results.length ? ` ${this.state.results.length} tệp đọc lại, chưa ghi gì vào sổ: ${tally(this.state.results, false)}.` : "";
    this.say({ kind: "info", at: "reports", text: `Đã chuyển sang ${labelOf(periodKey, this.state.book)}.${files}` });
  }

  /** A result the view produced itself (the clipboard), said where it happened like any other. */
  notify(notice: NoticeInput): void {
    this.say(notice);
  }

  /** The as-of day as the clerk types it, dd/mm/yyyy whatever the browser's language; kept unchanged when unreadable. */
  setAsOfText(text: string): void {
    const day = parseDayText(text);
    if (!day) {
      this.set({ asOfError: `“${text.trim()}” không phải một ngày: hãy gõ ngày/tháng/năm, ví dụ 25/03/2026.` });
      return;
    }
    this.setAsOfDay(day);
  }

  setAsOfDay(day: string): void {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return;
    this.set({ asOfDay: day, asOfError: null, consolidation: null });
  }

  /** "Chọn báo cáo" / drop: reads every file (a bad one only costs itself) and previews the import. */
  addFiles(files: LocalFile[]): Promise<void> {
    return this.run("Đang đọc báo cáo…", "reports", async () => {
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
    return this.run("Đang đọc các trang tính…", "reports", async () => {
      const master = await this.current();
      const sheets = await master.store.readOtherSheets(PRODUCT_SHEETS);
      if (sheets.length === 0) throw new Error("Sổ không có trang tính nào khác ngoài các trang của sổ tổng hợp.");
      const read = await Promise.all(sheets.map(sheetAsFile));
      this.addPending(read, read.map((f) => f.name));
    });
  }

  /** Adds files to the pending list (picking the very same file twice keeps one copy), then follows their period. */
  private addPending(read: IncomingFile[], sheetNames: string[]): void {
    const seen = new Set(this.state.pending.map((f) => `${f.name}\u0000${f.hash}`));
    const fresh = read.filter((f) => !seen.has(`${f.name}\u0000${f.hash}`));
    this.set({
      pending: [...this.state.pending, ...fresh],
      sheetSources: [...this.state.sheetSources, ...sheetNames],
      consolidation: null,
    });
    this.refreshPreview();
    const { results } = this.state;
    const switched = this.followFiles();
    const summary = `Đã đọc ${results.length} tệp, chưa ghi gì vào sổ: ${tally(this.state.results, false)}.`;
    this.say({ kind: "info", at: "reports", text: switched ? `${switched} ${summary}` : summary });
  }

  /**
   * When none of the files fits the chosen period and most of them declare one other period, that one is
   * taken, and the returned sentence says so; otherwise the period stays (a one-click switch is offered).
   */
  private followFiles(): string | null {
    const { results, periodKey, book } = this.state;
    const fitting = results.some((r) => r.status !== "period_mismatch" && r.status !== "refused");
    const s = this.periodSuggestion();
    if (fitting || !s || !s.unique) return null;
    this.setPeriod(s.key);
    return `${s.files}/${results.length} tệp ghi kỳ ${s.label}: đã chuyển kỳ báo cáo từ ${labelOf(periodKey, book)} sang ${s.label}.`;
  }

  /** The period most of the files set aside for another period declare; null when none is. */
  periodSuggestion(): PeriodSuggestion | null {
    const counts = new Map<string, number>();
    for (const r of this.state.results) if (r.status === "period_mismatch" && r.period) counts.set(r.period, (counts.get(r.period) ?? 0) + 1);
    const ranked = [...counts].sort((a, b) => b[1] - a[1] || b[0].localeCompare(a[0]));
    if (ranked.length === 0) return null;
    const [key, files] = ranked[0];
    return { key, label: labelOf(key, this.state.book), files, unique: ranked.length === 1 || ranked[1][1] < files };
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
      this.set({ results: [] });
      this.say({ kind: "error", at: "period", text: errorText(e) });
    }
  }

  /**
   * "Tổng hợp báo cáo": imports the pending files, writes the data and every output sheet. Files set aside
   * for another period stay in the list, to be taken when that period is chosen. Taking no file at all is
   * a warning, not a success.
   */
  consolidate(): Promise<void> {
    return this.run("Đang tổng hợp…", "consolidate", async () => {
      const master = await this.service();
      const now = this.clock();
      const { pending } = this.state;
      const result = await master.consolidate({ files: pending, periodKey: this.state.periodKey, asOf: asOfInstant(this.state.asOfDay, now), now });
      const { consolidation, files } = result;
      const setAside = (f: IncomingFile, i: number) => (files.length === pending.length ? files[i] : files.find((r) => r.file === f.name))?.status === "period_mismatch";
      const kept = pending.filter(setAside);
      this.set({
        book: result.book,
        pending: kept,
        sheetSources: this.state.sheetSources.filter((name) => kept.some((f) => f.name === name)),
        results: files,
        resultsWritten: true,
        consolidation,
        // An output typed over by hand was kept as a copy: the clerk must hear about it.
        bookProblems: [...master.problems, ...result.editedOutputs],
        canDownload: this.web,
        unsaved: this.web,
      });
      const label = consolidation.period.label;
      const where = this.web ? " Bấm “Tải sổ tổng hợp” để lưu sổ về máy." : " Xem trang “Tổng hợp”.";
      const suggestion = this.periodSuggestion();
      const action = suggestion ? { label: `Chuyển sang ${suggestion.label}`, periodKey: suggestion.key } : undefined;
      const received = consolidation.units.filter((u) => u.status === "on_time" || u.status === "late").length;
      if (files.length > 0 && !files.some(taken)) {
        const other = suggestion ? ` Các tệp ghi kỳ ${suggestion.label}: chuyển sang kỳ đó rồi bấm lại “Tổng hợp báo cáo”.` : "";
        this.say({ kind: "warning", at: "consolidate", action, text: `Chưa nhận tệp nào cho ${label}: ${tally(files, true)}.${other}` });
        return;
      }
      if (files.length === 0 && received === 0) {
        this.say({ kind: "warning", at: "consolidate", text: `Sổ chưa có báo cáo nào của ${label}: các trang kết quả đã lập nhưng để trống. Hãy chọn báo cáo của các đơn vị rồi tổng hợp lại.` });
        return;
      }
      const indicators = consolidation.indicators.filter((i) => i.unitsReporting > 0).length;
      const intake = files.length > 0 ? `nhận ${files.filter(taken).length}/${files.length} tệp` : "từ số liệu đã có trong sổ";
      const left = kept.length > 0 ? ` ${kept.length} tệp khác kỳ vẫn ở danh sách, chờ kỳ của chúng.` : "";
      this.say({ kind: "success", at: "consolidate", action, text: `Đã tổng hợp ${label}: ${intake}, ${received} đơn vị đã nộp, ${indicators} chỉ tiêu có số liệu.${left}${where}` });
    });
  }

  /** Web: "Tải sổ tổng hợp", named after the body and the period, ASCII only. */
  download(at: Place = "book"): Promise<void> {
    return this.run("Đang chuẩn bị tệp tải về…", at, async () => {
      if (!this.workbook || !this.state.book) throw new Error("Không tải được sổ ở chế độ này.");
      const { settings } = this.state.book;
      const name = masterFileName(settings, settings.lastPeriod || this.state.periodKey);
      await this.host.saveFile(name, await this.workbook.toBytes());
      this.set({ unsaved: false });
      this.say({ kind: "success", at, text: `Đã tải sổ về máy: “${name}” (thư mục Tải về của trình duyệt). Lần sau bấm “Mở sổ tổng hợp” và chọn tệp này để làm tiếp.` });
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

  /** "Sao chép nhắc nhở cho …" beside a unit: the message to that unit alone; "" when it has nothing to be reminded of. */
  unitReminder(unitCode: string): string {
    return this.reminders()?.units.find((r) => r.unit === unitCode)?.message ?? "";
  }

  /** The body that reports upward and signs the templates ("Cài đặt"), saved in the master workbook. */
  setBody(body: Pick<Settings, "bodyCode" | "bodyName">): Promise<void> {
    return this.run("Đang lưu tên đơn vị tổng hợp…", "book", async () => {
      const master = await this.service();
      const { book, changed } = await master.saveBody(body);
      if (!changed) return;
      this.set({ book, canDownload: this.web, unsaved: this.web || this.state.unsaved });
      this.say({ kind: "success", at: "book", quiet: true, text: `Đã lưu đơn vị tổng hợp: ${bodyText(book.settings)}.` });
    });
  }

  /** "Tạo mẫu báo cáo": every unit's blank template for the period, in one .zip. */
  makeTemplates(): Promise<void> {
    return this.run("Đang tạo mẫu báo cáo…", "outputs", async () => {
      const master = await this.service();
      const { period, zip } = await master.templatesZip(this.state.periodKey);
      if (!zip) throw new Error(`Không có đơn vị nào phải nộp báo cáo ${period.label}: chưa có mẫu nào để tạo.`);
      const saved = await this.host.saveFile(zip.file.fileName, zip.file.bytes);
      this.say({ kind: "success", at: "outputs", text: `Đã tạo ${zip.count} mẫu báo cáo ${period.label} trong tệp “${zip.file.fileName}”.${savedHint(saved)}` });
    });
  }

  /** "Xuất báo cáo cấp trên": the consolidated period as this body's own report to the next level up. */
  exportUpward(): Promise<void> {
    return this.run("Đang xuất báo cáo cấp trên…", "outputs", async () => {
      const master = await this.service();
      const { period, file } = await master.exportUpward(this.state.periodKey, this.clock());
      const saved = await this.host.saveFile(file.fileName, file.bytes);
      this.say({ kind: "success", at: "outputs", text: `Đã xuất báo cáo ${period.label} lên cấp trên: tệp “${file.fileName}”.${savedHint(saved)}` });
    });
  }

  /**
   * "Phát hiện": the findings of the files just read (a file set aside for another period included), then
   * after a consolidation those of the period's data too, each once: the period's stored findings hold
   * those of the files this consolidation imported.
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
      this.say({ kind: "error", at: "reports", text: `Không chọn được ô ${f.cell}: ${errorText(e)}` });
    }
  }

  /** The files table: each file with what will happen (or happened) to it, and its first problem. */
  fileRows(): FileRow[] {
    const written = this.state.resultsWritten;
    return this.state.results.map((result) => ({
      result,
      statusText: fileStatusText(result, written),
      timeliness: result.timeliness?.label ?? "",
      timelinessCode: result.timeliness?.code ?? null,
      firstFinding: result.findings.find((f) => f.severity === "error") ?? result.findings.find((f) => f.severity === "warning") ?? null,
    }));
  }
}

/** Where a desktop Excel's webview may have dropped the download: what to do when the file did not arrive. */
function savedHint(saved: SavedFile): string {
  return saved.webPageOpened ? " Nếu không thấy tệp trong thư mục Tải về: trang web của phần mềm vừa mở trong trình duyệt — lưu sổ này (Ctrl+S), mở sổ ở trang web rồi bấm lại nút này." : "";
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
