// A small fake of the part of Excel's object model the adapter uses, faithful where the adapter's
// promises are at stake: properties are readable only after the context.sync() that follows their load;
// a missing sheet is a null object whose derived objects are null too; written values travel as JSON
// (a Date would arrive as an ISO string) and are parsed like typing (a string starting with =, +, - or @
// in a cell not formatted as text becomes a formula; a leading apostrophe is swallowed); every sync
// records the bytes queued since the previous one. office-addin-mock cannot model collections, charts
// or null objects, hence this fake.
import { parseAddress, rangeAddress } from "../src/core/address";
import type { CellRange } from "../src/core/types";
import type { ExcelRun } from "../src/office/excel-store";

type Scalar = string | number | boolean;

export interface FakeCell {
  value: Scalar;
  format: string;
  /** The formula Excel made of a written string, if it did. */
  formula: string | null;
  /** The cell's number format when its value was written. */
  formatAtWrite: string | null;
}

export interface RangeWrite {
  sheet: string;
  address: string;
  rows: number;
  columns: number;
  data: unknown[][];
  sync: number;
}

export interface SyncRecord {
  /** All bytes queued since the previous sync (operations count a fixed 64 bytes each). */
  bytes: number;
  /** The JSON of values and number formats alone. */
  cellBytes: number;
}

export interface FakeChart {
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  legendVisible: boolean;
  showValue: boolean;
  reversed: boolean;
  categories: string | null;
  position: string | null;
  width: number;
  height: number;
}

export interface FormatOp {
  address: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  columnWidth?: number;
  wrapText?: boolean;
  rowHeight?: number;
  verticalAlignment?: string;
}

/** Everything set on a sheet's pageLayout, as the store set it. */
export interface FakePageLayout {
  paperSize?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printArea?: string;
  printTitleRows?: string;
  printTitleColumns?: string;
  headersFooters: Record<string, string>;
}

export class FakeSheet {
  cells = new Map<string, FakeCell>();
  formats: FormatOp[] = [];
  charts: FakeChart[] = [];
  merges: CellRange[] = [];
  frozen = { rows: 0, columns: 0 };
  orientation = "Portrait";
  fitToPagesWide: number | null = null;
  page: FakePageLayout = { headersFooters: {} };
  constructor(
    public name: string,
    public visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible",
  ) {}

  cell(address: string): FakeCell | undefined {
    const p = parseAddress(address)!;
    return this.cells.get(`${p.row},${p.col}`);
  }

  at(row: number, col: number): FakeCell {
    const key = `${row},${col}`;
    let c = this.cells.get(key);
    if (!c) this.cells.set(key, (c = { value: "", format: "General", formula: null, formatAtWrite: null }));
    return c;
  }

  /** The bounding box of the cells holding a value. */
  usedRange(): CellRange | null {
    let box: CellRange | null = null;
    for (const [key, c] of this.cells) {
      if (c.value === "") continue;
      const [r, k] = key.split(",").map(Number);
      box = box ? { top: Math.min(box.top, r), left: Math.min(box.left, k), bottom: Math.max(box.bottom, r), right: Math.max(box.right, k) } : { top: r, left: k, bottom: r, right: k };
    }
    return box;
  }

  /** Values as a sheet reader sees them: rows from A1, "" for empty. */
  grid(): Scalar[][] {
    const box = this.usedRange();
    if (!box) return [];
    return Array.from({ length: box.bottom + 1 }, (_, r) => Array.from({ length: box.right + 1 }, (_, c) => this.cells.get(`${r},${c}`)?.value ?? ""));
  }
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  syncs: SyncRecord[] = [];
  valueWrites: RangeWrite[] = [];
  formatWrites: RangeWrite[] = [];
  active: string | null = null;
  selected: { sheet: string; address: string } | null = null;
  calcSuspensions = 0;
  screenSuspensions = 0;
  pending: SyncRecord = { bytes: 0, cellBytes: 0 };
  private resolvers: (() => void)[] = [];

  run: ExcelRun = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const result = await batch(new FakeContext(this) as unknown as Excel.RequestContext);
    if (this.pending.bytes > 0) throw new Error("Excel.run ended with operations never synced");
    return result;
  };

  addSheet(name: string, rows: Scalar[][] = [], options: { at?: string; formats?: string[][]; visibility?: FakeSheet["visibility"] } = {}): FakeSheet {
    const sheet = new FakeSheet(name, options.visibility);
    const origin = parseAddress(options.at ?? "A1")!;
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        const cell = sheet.at(origin.row + r, origin.col + c);
        cell.value = v;
        cell.format = options.formats?.[r]?.[c] ?? "General";
      }),
    );
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  get syncCount(): number {
    return this.syncs.length;
  }

  queue(bytes: number, cellBytes = 0): void {
    this.pending.bytes += bytes + cellBytes;
    this.pending.cellBytes += cellBytes;
  }

  onSync(resolve: () => void): void {
    this.resolvers.push(resolve);
  }

  sync(): void {
    this.syncs.push(this.pending);
    this.pending = { bytes: 0, cellBytes: 0 };
    const resolvers = this.resolvers;
    this.resolvers = [];
    resolvers.forEach((r) => r());
  }
}

const OP_BYTES = 64;
const utf8 = new TextEncoder();
const jsonBytes = (v: unknown) => utf8.encode(JSON.stringify(v)).length;

/** A property loaded by load(): readable once the next sync has run. */
class Loadable<T> {
  private value: T | undefined;
  private ready = false;
  constructor(private readonly what: string) {}
  set(v: T): void {
    this.value = v;
    this.ready = true;
  }
  get(): T {
    if (!this.ready) throw new Error(`PropertyNotLoaded: ${this.what} read before load() and sync()`);
    return this.value as T;
  }
}

class FakeContext {
  workbook: { worksheets: FakeWorksheets };
  application: { suspendApiCalculationUntilNextSync(): void; suspendScreenUpdatingUntilNextSync(): void };
  constructor(private readonly wb: FakeWorkbook) {
    this.workbook = { worksheets: new FakeWorksheets(wb) };
    this.application = {
      suspendApiCalculationUntilNextSync: () => {
        wb.calcSuspensions++;
        wb.queue(OP_BYTES);
      },
      suspendScreenUpdatingUntilNextSync: () => {
        wb.screenSuspensions++;
        wb.queue(OP_BYTES);
      },
    };
  }
  async sync(): Promise<void> {
    this.wb.sync();
  }
}

class FakeWorksheets {
  private loaded = new Loadable<FakeWorksheet[]>("worksheets.items");
  constructor(private readonly wb: FakeWorkbook) {}
  load(_props: string): void {
    this.wb.onSync(() => this.loaded.set(this.wb.sheets.map((s) => new FakeWorksheet(this.wb, s).resolve())));
  }
  get items(): FakeWorksheet[] {
    return this.loaded.get();
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.wb, this.wb.sheet(name) ?? null);
  }
  getItem(name: string): FakeWorksheet {
    const sheet = this.wb.sheet(name);
    if (!sheet) throw new Error(`ItemNotFound: ${name}`);
    return new FakeWorksheet(this.wb, sheet);
  }
  add(name: string): FakeWorksheet {
    if (this.wb.sheet(name)) throw new Error(`ItemAlreadyExists: ${name}`);
    this.wb.queue(OP_BYTES);
    return new FakeWorksheet(this.wb, this.wb.addSheet(name));
  }
}

/** Base of proxies obtained through *OrNullObject: isNullObject is known after a sync. */
class NullableProxy {
  private known = new Loadable<boolean>("isNullObject");
  constructor(
    protected readonly wb: FakeWorkbook,
    protected readonly isNull: boolean,
  ) {
    wb.onSync(() => this.known.set(isNull));
  }
  get isNullObject(): boolean {
    return this.known.get();
  }
  protected write(): void {
    if (this.isNull) throw new Error("InvalidOperation: write to a null object");
  }
}

class FakeWorksheet extends NullableProxy {
  private props = new Loadable<{ name: string; visibility: string }>("worksheet properties");
  freezePanes: object;
  constructor(
    wb: FakeWorkbook,
    private readonly sheet: FakeSheet | null,
  ) {
    super(wb, sheet === null);
    const s = sheet;
    const set = (rows: number, columns: number) => {
      this.write();
      s!.frozen = { rows, columns };
      wb.queue(OP_BYTES);
    };
    this.freezePanes = {
      freezeAt: (range: FakeRange) => set(range.box!.bottom + 1, range.box!.right + 1),
      freezeRows: (n: number) => set(n, 0),
      freezeColumns: (n: number) => set(0, n),
      unfreeze: () => set(0, 0),
    };
  }
  load(_props: string): void {
    this.wb.onSync(() => this.resolve());
  }
  /** Takes its properties' values now, as a sync does for what was loaded. */
  resolve(): this {
    this.props.set({ name: this.sheet?.name ?? "", visibility: this.sheet?.visibility ?? "" });
    return this;
  }
  get name(): string {
    return this.props.get().name;
  }
  get visibility(): string {
    return this.props.get().visibility;
  }
  get charts(): FakeCharts {
    return new FakeCharts(this.wb, this.sheet!);
  }
  /** Excel moves the other sheets along when one is given a new position. */
  set position(v: number) {
    this.write();
    this.wb.queue(OP_BYTES);
    const list = this.wb.sheets;
    list.splice(v, 0, ...list.splice(list.indexOf(this.sheet!), 1));
  }
  get pageLayout() {
    const sheet = this.sheet!;
    const wb = this.wb;
    const set = (apply: () => void) => {
      wb.queue(OP_BYTES);
      apply();
    };
    const defaultForAllPages = new Proxy({} as Record<string, string>, {
      set: (_t, key, value) => (set(() => (sheet.page.headersFooters[String(key)] = value)), true),
    });
    return {
      set orientation(v: string) {
        set(() => (sheet.orientation = v));
      },
      set paperSize(v: string) {
        set(() => (sheet.page.paperSize = v));
      },
      set zoom(v: NonNullable<FakePageLayout["zoom"]>) {
        set(() => {
          sheet.page.zoom = v;
          sheet.fitToPagesWide = v.horizontalFitToPages ?? null;
        });
      },
      setPrintArea: (a: string) => set(() => (sheet.page.printArea = a)),
      setPrintTitleRows: (a: string) => set(() => (sheet.page.printTitleRows = a)),
      setPrintTitleColumns: (a: string) => set(() => (sheet.page.printTitleColumns = a)),
      headersFooters: { defaultForAllPages },
    };
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.wb, this.sheet, address === undefined ? null : parseBox(address), false, address);
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    const used = this.sheet?.usedRange() ?? null;
    return new FakeRange(this.wb, this.sheet, used, used === null);
  }
  activate(): void {
    this.write();
    this.wb.queue(OP_BYTES);
    this.wb.active = this.sheet!.name;
  }
}

/** "A1:C3", "B2" or whole columns "D:F" as a 0-based box. */
function parseBox(address: string): CellRange {
  const columns = /^([A-Z]+):([A-Z]+)$/.exec(address);
  if (columns) {
    const left = parseAddress(`${columns[1]}1`)!.col;
    const right = parseAddress(`${columns[2]}1`)!.col;
    return { top: 0, left, bottom: 1_048_575, right };
  }
  const [a, b = a] = address.split(":").map((p) => parseAddress(p)!);
  return { top: a.row, left: a.col, bottom: b.row, right: b.col };
}

class FakeRange extends NullableProxy {
  private data = new Loadable<{ address: string; values: Scalar[][]; numberFormat: string[][] }>("range properties");
  format: FakeRangeFormat;
  constructor(
    wb: FakeWorkbook,
    private readonly sheet: FakeSheet | null,
    /** null: the whole sheet. */
    readonly box: CellRange | null,
    isNull: boolean,
    private readonly given?: string,
  ) {
    super(wb, isNull || sheet === null);
    this.format = new FakeRangeFormat(() => this.record());
  }

  get address(): string {
    return this.data.get().address;
  }
  get values(): Scalar[][] {
    return this.data.get().values;
  }
  set values(rows: Scalar[][]) {
    const box = this.checkedBox(rows, "values");
    const sent = JSON.parse(JSON.stringify(rows)) as Scalar[][];
    sent.forEach((row, r) =>
      row.forEach((v, c) => {
        const cell = this.sheet!.at(box.top + r, box.left + c);
        cell.formatAtWrite = cell.format;
        cell.formula = null;
        if (typeof v !== "string") cell.value = v;
        else if (v.startsWith("'")) cell.value = v.slice(1);
        else if (cell.format !== "@" && /^[=+\-@]/.test(v)) {
          cell.formula = v;
          cell.value = "#FORMULA";
        } else cell.value = v;
      }),
    );
    this.wb.valueWrites.push(this.writeRecord(rows, box));
  }
  get numberFormat(): string[][] {
    return this.data.get().numberFormat;
  }
  /** A 1×1 array is applied to every cell of the range, as Excel does. */
  set numberFormat(rows: string[][]) {
    const single = rows.length === 1 && rows[0].length === 1;
    const box = single ? this.writable(rows) : this.checkedBox(rows, "numberFormat");
    for (let r = box.top; r <= box.bottom; r++) for (let c = box.left; c <= box.right; c++) this.sheet!.at(r, c).format = single ? rows[0][0] : rows[r - box.top][c - box.left];
    this.wb.formatWrites.push(this.writeRecord(rows, box));
  }

  load(_props: string[] | string): void {
    this.wb.onSync(() => {
      if (this.isNull || !this.box || !this.sheet) return;
      const { top, left, bottom, right } = this.box;
      const rows = (f: (c: FakeCell | undefined) => unknown) =>
        Array.from({ length: bottom - top + 1 }, (_, r) => Array.from({ length: right - left + 1 }, (_, c) => f(this.sheet!.cells.get(`${top + r},${left + c}`))));
      const name = /^[A-Za-z0-9_]+$/.test(this.sheet.name) ? this.sheet.name : `'${this.sheet.name}'`;
      this.data.set({
        address: `${name}!${rangeAddress(top, left, bottom, right)}`,
        values: rows((c) => c?.value ?? "") as Scalar[][],
        numberFormat: rows((c) => c?.format ?? "General") as string[][],
      });
    });
  }

  clear(): void {
    this.write();
    this.wb.queue(OP_BYTES);
    const sheet = this.sheet!;
    if (this.box) throw new Error("the fake clears whole sheets only");
    sheet.cells.clear();
    sheet.formats = [];
  }

  select(): void {
    this.write();
    this.wb.queue(OP_BYTES);
    this.wb.selected = { sheet: this.sheet!.name, address: this.a1() };
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.wb, this.sheet);
  }

  a1(): string {
    if (this.given) return this.given;
    const b = this.box!;
    return rangeAddress(b.top, b.left, b.bottom, b.right);
  }

  private record(): (op: Omit<FormatOp, "address">) => void {
    this.write();
    return (op) => {
      this.wb.queue(OP_BYTES);
      this.sheet!.formats.push({ address: this.a1(), ...op });
    };
  }

  private writable(rows: unknown[][]): CellRange {
    this.write();
    this.wb.queue(OP_BYTES, jsonBytes(rows));
    return this.box!;
  }

  private checkedBox(rows: unknown[][], what: string): CellRange {
    this.write();
    const box = this.box!;
    const height = box.bottom - box.top + 1;
    const width = box.right - box.left + 1;
    if (rows.length !== height || rows.some((r) => r.length !== width)) throw new Error(`InvalidArgument: ${what} of ${rows.length} rows for ${this.a1()}`);
    this.wb.queue(OP_BYTES, jsonBytes(rows));
    return box;
  }

  private writeRecord(rows: unknown[][], box: CellRange): RangeWrite {
    return { sheet: this.sheet!.name, address: this.a1(), rows: box.bottom - box.top + 1, columns: box.right - box.left + 1, data: rows, sync: this.wb.syncCount };
  }
}

class FakeRangeFormat {
  fill: { color: string };
  font: { color: string; bold: boolean };
  constructor(private readonly recorder: () => (op: Omit<FormatOp, "address">) => void) {
    const rec = (op: Omit<FormatOp, "address">) => this.recorder()(op);
    this.fill = {
      set color(v: string) {
        rec({ fill: v });
      },
    } as { color: string };
    this.font = {
      set color(v: string) {
        rec({ fontColor: v });
      },
      set bold(v: boolean) {
        rec({ bold: v });
      },
    } as { color: string; bold: boolean };
  }
  set columnWidth(v: number) {
    this.recorder()({ columnWidth: v });
  }
  set wrapText(v: boolean) {
    this.recorder()({ wrapText: v });
  }
  set rowHeight(v: number) {
    this.recorder()({ rowHeight: v });
  }
  set verticalAlignment(v: string) {
    this.recorder()({ verticalAlignment: v });
  }
}

class FakeRangeAreas extends NullableProxy {
  private loaded = new Loadable<{ items: { address: string }[] }>("areas");
  constructor(
    wb: FakeWorkbook,
    private readonly sheet: FakeSheet | null,
  ) {
    super(wb, !sheet || sheet.merges.length === 0);
  }
  load(_props: string): void {
    this.wb.onSync(() => this.loaded.set({ items: (this.sheet?.merges ?? []).map((m) => ({ address: `${this.sheet!.name}!${rangeAddress(m.top, m.left, m.bottom, m.right)}` })) }));
  }
  get areas(): { items: { address: string }[] } {
    return this.loaded.get();
  }
}

class FakeCharts {
  private loaded = new Loadable<{ name: string; delete(): void }[]>("charts.items");
  constructor(
    private readonly wb: FakeWorkbook,
    private readonly sheet: FakeSheet,
  ) {}
  load(_props: string): void {
    this.wb.onSync(() =>
      this.loaded.set(
        this.sheet.charts.map((chart) => ({
          name: chart.name,
          delete: () => {
            this.wb.queue(OP_BYTES);
            this.sheet.charts = this.sheet.charts.filter((c) => c !== chart);
          },
        })),
      ),
    );
  }
  get items(): { name: string; delete(): void }[] {
    return this.loaded.get();
  }
  add(type: string, source: FakeRange, seriesBy: string): object {
    this.wb.queue(OP_BYTES);
    const chart: FakeChart = {
      name: `Chart ${this.sheet.charts.length + 1}`,
      type,
      source: source.a1(),
      seriesBy,
      title: "",
      legendVisible: true,
      showValue: false,
      reversed: false,
      categories: null,
      position: null,
      width: 0,
      height: 0,
    };
    this.sheet.charts.push(chart);
    return {
      set name(v: string) {
        chart.name = v;
      },
      title: {
        set text(v: string) {
          chart.title = v;
        },
      },
      legend: {
        set visible(v: boolean) {
          chart.legendVisible = v;
        },
      },
      dataLabels: {
        set showValue(v: boolean) {
          chart.showValue = v;
        },
      },
      axes: {
        categoryAxis: {
          set reversePlotOrder(v: boolean) {
            chart.reversed = v;
          },
        },
      },
      series: { getItemAt: () => ({ setXAxisValues: (r: FakeRange) => (chart.categories = r.a1()) }) },
      setPosition: (start: string) => (chart.position = start),
      set width(v: number) {
        chart.width = v;
      },
      set height(v: number) {
        chart.height = v;
      },
    };
  }
}
