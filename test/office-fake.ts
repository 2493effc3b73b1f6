// A small fake of the part of Excel's object model the store uses, for the pane's browser test, where
// Microsoft's client cannot run against excel-wire-fake (a Node harness): properties are readable only
// after the context.sync() that follows their load(); a missing sheet is a null object whose derived
// objects are null too; written values travel as JSON and are parsed like typing (a string starting with
// =, +, - or @ in a cell not formatted as text becomes a formula; a leading apostrophe is swallowed).
// Writes take effect at once, so it counts syncs but cannot fail part-way; the jest tests of the store
// use excel-wire-fake, which does both. It records the format properties and the page layout the store
// sets, methods included (setPrintArea, setPrintTitleRows, setPrintTitleColumns), which excel-wire-fake
// does not model.
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

/** What the store set on a sheet's page layout; a method's argument under the name of what it sets. */
export interface FakePageLayout {
  orientation?: string;
  paperSize?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printArea?: string;
  printTitleRows?: string;
  printTitleColumns?: string;
  /** The parts of headersFooters.defaultForAllPages that were set: leftHeader, rightFooter, ... */
  headersFooters: Record<string, string>;
}

/** One format property set on a range: `{ address: "C8:C34", wrapText: true }`, `{ address, "fill.color": "#FFC7CE" }`. */
export type FakeFormat = { address: string } & Record<string, unknown>;

export class FakeSheet {
  cells = new Map<string, FakeCell>();
  merges: CellRange[] = [];
  charts: string[] = [];
  frozen = { rows: 0, columns: 0 };
  protected = false;
  page: FakePageLayout = { headersFooters: {} };
  /** Every format property the store set, in order. */
  formats: FakeFormat[] = [];
  constructor(
    public name: string,
    public readonly id: string,
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
      if (c.value === "" && c.formula === null) continue;
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
  syncCount = 0;
  active: string | null = null;
  selected: { sheet: string; address: string } | null = null;
  private ids = 0;
  private resolvers: (() => void)[] = [];

  run: ExcelRun = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => batch(new FakeContext(this) as unknown as Excel.RequestContext);

  addSheet(name: string, rows: Scalar[][] = [], options: { at?: string; formats?: string[][]; visibility?: FakeSheet["visibility"] } = {}): FakeSheet {
    if (this.sheet(name)) throw new Error(`ItemAlreadyExists: ${name}`);
    const sheet = new FakeSheet(name, `{fake-${++this.ids}}`, options.visibility);
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

  /** By name (without regard to case) or id. */
  sheet(nameOrId: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === nameOrId.toLowerCase()) ?? this.sheets.find((s) => s.id === nameOrId);
  }

  onSync(resolve: () => void): void {
    this.resolvers.push(resolve);
  }

  sync(): void {
    this.syncCount++;
    const resolvers = this.resolvers;
    this.resolvers = [];
    resolvers.forEach((r) => r());
  }
}

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
  application = { suspendApiCalculationUntilNextSync() {}, suspendScreenUpdatingUntilNextSync() {} };
  constructor(private readonly wb: FakeWorkbook) {
    this.workbook = { worksheets: new FakeWorksheets(wb) };
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
  getItem(nameOrId: string): FakeWorksheet {
    const sheet = this.wb.sheet(nameOrId);
    if (!sheet) throw new Error(`ItemNotFound: ${nameOrId}`);
    return new FakeWorksheet(this.wb, sheet);
  }
  add(name: string): FakeWorksheet {
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
  private props = new Loadable<{ id: string; name: string; position: number; visibility: string; protection: { protected: boolean } }>("worksheet properties");
  freezePanes: object;
  constructor(
    wb: FakeWorkbook,
    private readonly sheet: FakeSheet | null,
  ) {
    super(wb, sheet === null);
    const set = (rows: number, columns: number) => {
      this.write();
      this.sheet!.frozen = { rows, columns };
    };
    this.freezePanes = {
      freezeAt: (range: FakeRange) => set(range.box!.bottom + 1, range.box!.right + 1),
      freezeRows: (n: number) => set(n, 0),
      freezeColumns: (n: number) => set(0, n),
    };
  }
  load(_props: string): void {
    this.wb.onSync(() => this.resolve());
  }
  /** Takes its properties' values now, as a sync does for what was loaded. */
  resolve(): this {
    const s = this.sheet;
    this.props.set({ id: s?.id ?? "", name: s?.name ?? "", position: s ? this.wb.sheets.indexOf(s) : -1, visibility: s?.visibility ?? "", protection: { protected: s?.protected ?? false } });
    return this;
  }
  get id(): string {
    return this.props.get().id;
  }
  get name(): string {
    return this.props.get().name;
  }
  set name(v: string) {
    this.write();
    const other = this.wb.sheet(v);
    if (other && other !== this.sheet) throw new Error(`ItemAlreadyExists: ${v}`);
    this.sheet!.name = v;
  }
  get position(): number {
    return this.props.get().position;
  }
  set position(v: number) {
    this.write();
    const list = this.wb.sheets;
    list.splice(v, 0, ...list.splice(list.indexOf(this.sheet!), 1));
  }
  get visibility(): string {
    return this.props.get().visibility;
  }
  set visibility(v: string) {
    this.write();
    this.sheet!.visibility = v as FakeSheet["visibility"];
  }
  get protection(): { protected: boolean } {
    return this.props.get().protection;
  }
  /** Records what is set, and the print area and titles its methods set, on the sheet's `page`. */
  get pageLayout(): object {
    this.write();
    const page = this.sheet!.page;
    const recorder = <T extends object>(target: T, into: Record<string, unknown>): T => new Proxy(target, { set: (_t, key, value) => ((into[String(key)] = value), true) });
    const methods = {
      setPrintArea: (address: string) => void (page.printArea = address),
      setPrintTitleRows: (address: string) => void (page.printTitleRows = address),
      setPrintTitleColumns: (address: string) => void (page.printTitleColumns = address),
      headersFooters: { defaultForAllPages: recorder({}, page.headersFooters) },
    };
    return recorder(methods, page as unknown as Record<string, unknown>);
  }
  get charts(): object {
    const sheet = this.sheet!;
    const chart = (name: string) => ({ delete: () => (sheet.charts = sheet.charts.filter((c) => c !== name)) });
    const proxy = new Proxy(
      {},
      {
        get: (_t, p) => (p === "items" ? [] : p === "setXAxisValues" || p === "setPosition" ? () => {} : typeof p === "string" && /^get/.test(p) ? () => proxy : proxy),
        set: (_t, p, v) => {
          if (p === "name") sheet.charts[sheet.charts.length - 1] = String(v);
          return true;
        },
      },
    );
    return {
      add: () => (sheet.charts.push("Chart"), proxy),
      getItem: chart,
    };
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.wb, this.sheet, address === undefined ? null : parseBox(address), false);
  }
  getRangeByIndexes(row: number, column: number, rows: number, columns: number): FakeRange {
    return new FakeRange(this.wb, this.sheet, { top: row, left: column, bottom: row + rows - 1, right: column + columns - 1 }, false);
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    const used = this.sheet?.usedRange() ?? null;
    return new FakeRange(this.wb, this.sheet, used, used === null);
  }
  activate(): void {
    this.write();
    this.wb.active = this.sheet!.name;
  }
  delete(): void {
    this.write();
    this.wb.sheets.splice(this.wb.sheets.indexOf(this.sheet!), 1);
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
  private data = new Loadable<{ address: string; values: Scalar[][]; numberFormat: string[][]; box: CellRange }>("range properties");
  format: object;
  constructor(
    wb: FakeWorkbook,
    private readonly sheet: FakeSheet | null,
    /** null: the whole sheet. */
    readonly box: CellRange | null,
    isNull: boolean,
  ) {
    super(wb, isNull || sheet === null);
    const set = (property: string, value: unknown) => {
      this.write();
      const b = this.box!;
      this.sheet!.formats.push({ address: rangeAddress(b.top, b.left, b.bottom, b.right), [property]: value });
      return true;
    };
    const styled = (prefix: string): object =>
      new Proxy({}, { get: (_t, p) => (p === "fill" || p === "font" ? styled(`${prefix}${p}.`) : undefined), set: (_t, p, v) => set(`${prefix}${String(p)}`, v) });
    this.format = styled("");
  }

  get address(): string {
    return this.data.get().address;
  }
  get rowIndex(): number {
    return this.data.get().box.top;
  }
  get columnIndex(): number {
    return this.data.get().box.left;
  }
  get rowCount(): number {
    return this.data.get().box.bottom - this.data.get().box.top + 1;
  }
  get columnCount(): number {
    return this.data.get().box.right - this.data.get().box.left + 1;
  }
  get values(): Scalar[][] {
    return this.data.get().values;
  }
  set values(rows: Scalar[][]) {
    const box = this.checkedBox(rows, "values");
    (JSON.parse(JSON.stringify(rows)) as Scalar[][]).forEach((row, r) =>
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
  }
  get numberFormat(): string[][] {
    return this.data.get().numberFormat;
  }
  /** One value is applied to every cell of the range, as Excel documents. */
  set numberFormat(formats: string[][] | string) {
    const box = typeof formats === "string" ? (this.write(), this.box!) : this.checkedBox(formats, "numberFormat");
    for (let r = box.top; r <= box.bottom; r++) for (let c = box.left; c <= box.right; c++) this.sheet!.at(r, c).format = typeof formats === "string" ? formats : formats[r - box.top][c - box.left];
  }

  load(_props: string[] | string): void {
    this.wb.onSync(() => {
      if (this.isNull || !this.box || !this.sheet) return;
      const { top, left, bottom, right } = this.box;
      const rows = (f: (c: FakeCell | undefined) => unknown) =>
        Array.from({ length: bottom - top + 1 }, (_, r) => Array.from({ length: right - left + 1 }, (_, c) => f(this.sheet!.cells.get(`${top + r},${left + c}`))));
      this.data.set({
        address: `'${this.sheet.name}'!${rangeAddress(top, left, bottom, right)}`,
        values: rows((c) => c?.value ?? "") as Scalar[][],
        numberFormat: rows((c) => c?.format ?? "General") as string[][],
        box: this.box,
      });
    });
  }

  untrack(): this {
    return this;
  }

  select(): void {
    this.write();
    const b = this.box!;
    this.wb.selected = { sheet: this.sheet!.name, address: rangeAddress(b.top, b.left, b.bottom, b.right) };
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.wb, this.sheet);
  }

  private checkedBox(rows: unknown[][], what: string): CellRange {
    this.write();
    const box = this.box!;
    if (rows.length !== box.bottom - box.top + 1 || rows.some((r) => r.length !== box.right - box.left + 1)) throw new Error(`InvalidArgument: ${what} of ${rows.length} rows`);
    return box;
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
    this.wb.onSync(() => this.loaded.set({ items: (this.sheet?.merges ?? []).map((m) => ({ address: `'${this.sheet!.name}'!${rangeAddress(m.top, m.left, m.bottom, m.right)}` })) }));
  }
  get areas(): { items: { address: string }[] } {
    return this.loaded.get();
  }
}
