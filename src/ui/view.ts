// The pane's DOM: a fixed skeleton of labelled controls, and regions redrawn from the controller's state.
// Thin on purpose: every decision lives in the controller; this only shows it and forwards clicks.
import { formatDayVi, formatInstantVi, vnDay } from "../core/dates";
import { receivedSourceLabel, SEVERITY_LABELS } from "../core/master-sheets";
import { achievementSummary, targetText } from "../core/outputs";
import { parsePeriodKey } from "../core/periods";
import type { UnitReminder } from "../core/reminders";
import { statusLabel } from "../core/status";
import type { ConsolidatedIndicator, Finding, UnitStatus } from "../core/types";
import { copyText } from "./clipboard";
import type { FileRow, PaneController, PaneState } from "./controller";
import { el, fill } from "./dom";
import type { LocalFile } from "./host";
import { FILE_STATUS_LABELS, fileStatusTone, statusTone, type Tone } from "./labels";
import { dueText, periodGroups } from "./periods";

const REPORT_TYPES = ".xlsx,.xlsm,.xls,.ods,.csv";
const number = (n: number, digits = 0) => n.toLocaleString("vi-VN", { maximumFractionDigits: digits });

async function readFiles(list: FileList | File[]): Promise<LocalFile[]> {
  return Promise.all(
    Array.from(list, async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()), lastModified: f.lastModified || null })),
  );
}

/** A hidden file input driven by a visible button, so the control is a real, labelled, focusable button. */
function filePicker(label: string, accept: string, multiple: boolean, onFiles: (files: LocalFile[]) => void, primary = false) {
  const input = el("input", { type: "file", accept, multiple, hidden: true, tabindex: -1 });
  const button = el("button", { type: "button", class: primary ? "btn btn-primary" : "btn" }, label);
  button.addEventListener("click", () => input.click());
  input.addEventListener("change", async () => {
    if (input.files && input.files.length > 0) onFiles(await readFiles(input.files));
    input.value = "";
  });
  return { button, input };
}

function badge(text: string, tone: Tone): HTMLElement {
  const span = el("span", { class: "badge" }, text);
  span.style.background = tone.background;
  span.style.color = tone.color;
  return span;
}

function section(id: string, title: string, ...body: (Node | null)[]): HTMLElement {
  return el("section", { class: "card", id, "aria-labelledby": `${id}-title` }, el("h2", { id: `${id}-title` }, title), ...body);
}

function button(label: string, onClick: () => void, cls = "btn"): HTMLButtonElement {
  const b = el("button", { type: "button", class: cls }, label);
  b.addEventListener("click", onClick);
  return b;
}

export function mountPane(root: HTMLElement, ctl: PaneController): void {
  const s0 = ctl.state;
  const web = s0.mode === "web";

  // --- Sổ tổng hợp
  let unitsFile: LocalFile | undefined;
  const unitsName = el("span", { class: "hint", id: "units-file-name" }, "Chưa chọn (sổ sẽ chưa có đơn vị)");
  const unitsPicker = filePicker("Chọn danh sách đơn vị…", ".csv,.txt,.xlsx,.xlsm", false, (files) => {
    unitsFile = files[0];
    unitsName.textContent = unitsFile ? `Danh sách đơn vị: ${unitsFile.name}` : "";
  });
  unitsPicker.button.setAttribute("aria-describedby", "units-file-name");
  const openPicker = filePicker("Mở sổ tổng hợp", ".xlsx,.xlsm", false, (files) => void ctl.openBookFile(files[0]));
  const createButton = button(web ? "Tạo sổ mới" : "Tạo sổ tổng hợp", () => void ctl.createBook(unitsFile));
  const downloadButton = button("Tải sổ tổng hợp", () => void ctl.download());
  const bookSummary = el("div", { class: "summary" });
  const bookActions = web
    ? el(
        "div",
        { class: "stack" },
        el("div", { class: "row" }, openPicker.button, openPicker.input),
        el(
          "fieldset",
          { class: "new-book" },
          el("legend", {}, "Sổ mới từ mẫu"),
          el("div", { class: "row" }, unitsPicker.button, unitsPicker.input, createButton),
          unitsName,
        ),
        el("div", { class: "row" }, downloadButton),
      )
    : el("div", { class: "stack" }, el("div", { class: "row" }, unitsPicker.button, unitsPicker.input, createButton), unitsName);
  const bookSection = section("so-tong-hop", "Sổ tổng hợp", bookSummary, bookActions);

  // --- Kỳ báo cáo
  const periodSelect = el("select", { id: "period" });
  periodSelect.addEventListener("change", () => ctl.setPeriod(periodSelect.value));
  const asOfInput = el("input", { type: "date", id: "as-of", value: s0.asOfDay });
  asOfInput.addEventListener("change", () => ctl.setAsOfDay(asOfInput.value));
  const due = el("p", { class: "due", id: "due" });
  const periodSection = section(
    "ky-bao-cao",
    "Kỳ báo cáo",
    el(
      "div",
      { class: "fields" },
      el("div", { class: "field" }, el("label", { for: "period" }, "Kỳ báo cáo"), periodSelect),
      el("div", { class: "field" }, el("label", { for: "as-of" }, "Tính đến ngày"), asOfInput),
    ),
    due,
  );

  // --- Báo cáo đơn vị
  const reportsPicker = filePicker("Chọn báo cáo", REPORT_TYPES, true, (files) => void ctl.addFiles(files));
  const sheetsButton = web ? null : button("Nhập từ trang tính", () => void ctl.addSheets());
  const clearButton = button("Bỏ chọn tất cả", () => ctl.clearFiles(), "btn btn-subtle");
  const drop = el(
    "div",
    { class: "dropzone" },
    el("p", {}, "Kéo thả các tệp báo cáo (.xlsx) vào đây, hoặc"),
    el("div", { class: "row" }, reportsPicker.button, reportsPicker.input, sheetsButton),
  );
  drop.addEventListener("dragover", (e) => {
    e.preventDefault();
    drop.classList.add("over");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", async (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    if (e.dataTransfer?.files.length) void ctl.addFiles(await readFiles(e.dataTransfer.files));
  });
  const progress = el("progress", { "aria-label": "Đang đọc tệp", hidden: true });
  const progressText = el("span", { class: "hint", "aria-hidden": "true" });
  const filesRegion = el("div", { class: "files" });
  const reportsSection = section("bao-cao-don-vi", "Báo cáo đơn vị", drop, el("div", { class: "row progress-row" }, progress, progressText), filesRegion, el("div", { class: "row" }, clearButton));

  // --- Tổng hợp báo cáo
  const consolidateButton = button("Tổng hợp báo cáo", () => void ctl.consolidate(), "btn btn-primary btn-large");
  const resultRegion = el("div", { class: "result" });
  const downloadAgain = web ? button("Tải sổ tổng hợp", () => void ctl.download()) : null;
  const consolidateSection = section("tong-hop", "Tổng hợp báo cáo", el("div", { class: "row" }, consolidateButton, downloadAgain), resultRegion);

  // --- Quá hạn
  const chaseRegion = el("div", { class: "chase" });
  const reminderBox = el("textarea", { id: "reminder", readonly: true, rows: 6 });
  const copied = el("span", { class: "hint", role: "status" });
  const copy = async (text: string, done: string) => {
    copied.textContent = (await copyText(text)) ? done : "Không sao chép được: hãy chọn nội dung bên dưới và sao chép thủ công.";
  };
  const copyButton = button("Sao chép nhắc nhở", () => void copy(reminderBox.value, "Đã sao chép nội dung nhắc nhở."));
  const copyUnit = (r: UnitReminder) => void copy(ctl.unitReminder(r.unit), `Đã sao chép nhắc nhở gửi ${r.name}.`);
  const reminderDetails = el("details", { class: "reminder" }, el("summary", {}, "Xem nội dung nhắc nhở"), el("label", { for: "reminder", class: "visually-hidden" }, "Nội dung nhắc nhở"), reminderBox);
  const overdueSection = section("qua-han", "Quá hạn", chaseRegion, el("div", { class: "row" }, copyButton, copied), reminderDetails);

  // --- Mẫu và báo cáo cấp trên
  const bodyName = el("input", { type: "text", id: "body-name", autocomplete: "organization", placeholder: "Ví dụ: UBND xã Hòa Bình" });
  const bodyCode = el("input", { type: "text", id: "body-code", autocomplete: "off" });
  const saveBody = () => void ctl.setBody({ bodyName: bodyName.value, bodyCode: bodyCode.value });
  bodyName.addEventListener("change", saveBody);
  bodyCode.addEventListener("change", saveBody);
  const templatesButton = button("Tạo mẫu báo cáo", () => void ctl.makeTemplates());
  const upwardButton = button("Xuất báo cáo cấp trên", () => void ctl.exportUpward());
  const outputsSection = section(
    "mau-bao-cao",
    "Mẫu và báo cáo cấp trên",
    el(
      "div",
      { class: "fields" },
      el("div", { class: "field" }, el("label", { for: "body-name" }, "Tên đơn vị tổng hợp"), bodyName),
      el("div", { class: "field" }, el("label", { for: "body-code" }, "Mã đơn vị tổng hợp"), bodyCode),
    ),
    el("div", { class: "row" }, templatesButton, upwardButton),
    el(
      "p",
      { class: "hint" },
      "“Tạo mẫu báo cáo” tải về một tệp .zip gồm mẫu Excel của từng đơn vị phải nộp kỳ này, để gửi cho các đơn vị. " +
        "“Xuất báo cáo cấp trên” tải về báo cáo của đơn vị tổng hợp theo kỳ đã chọn, theo đúng mẫu, để gửi lên cấp trên.",
    ),
    web ? null : el("p", { class: "hint" }, "Trong Excel trên web, tệp được tải về như ở trình duyệt. Excel trên máy tính có thể chặn việc tải về: khi đó hãy mở sổ bằng trang web hoặc dùng lệnh tonghop templates / tonghop export."),
  );

  // --- Phát hiện
  const findingsRegion = el("div", { class: "findings" });
  const findingsSection = section("phat-hien", "Phát hiện", findingsRegion);

  const notice = el("div", { class: "notice", role: "status", "aria-live": "polite" });
  const header = el(
    "header",
    { class: "app-header" },
    el("h1", {}, "Tổng hợp báo cáo"),
    el("p", {}, web ? "Bình dân học vụ số · trang web (dữ liệu chỉ nằm trong trình duyệt này)" : "Bình dân học vụ số · trong Excel"),
  );
  fill(root, header, notice, bookSection, periodSection, reportsSection, consolidateSection, overdueSection, outputsSection, findingsSection);
  root.removeAttribute("aria-busy");
  document.addEventListener("dragover", (e) => e.preventDefault());
  document.addEventListener("drop", (e) => e.preventDefault());

  let periodsShown = "";
  const render = (s: PaneState) => {
    const hasBook = s.book !== null;
    const busy = s.busy !== null;
    root.setAttribute("aria-busy", String(busy));
    root.dataset.phase = s.phase;
    root.dataset.busy = String(busy);

    fill(notice, s.busy ?? s.notice?.text ?? "");
    notice.className = `notice ${s.busy ? "info" : (s.notice?.kind ?? "")}`;
    notice.setAttribute("role", !s.busy && s.notice?.kind === "error" ? "alert" : "status");

    renderBookSummary(bookSummary, s);
    createButton.hidden = !web && hasBook;
    createButton.disabled = busy;
    openPicker.button.disabled = busy;
    downloadButton.disabled = busy || !s.canDownload;
    if (downloadAgain) downloadAgain.disabled = busy || !s.canDownload || !s.consolidation;

    // The options change only with the book's settings; rebuilding them would drop keyboard focus.
    const settings = s.book?.settings;
    const periodsKey = settings ? JSON.stringify([settings.year, settings.adhocPeriods, s.periodKey]) : "";
    if (settings && periodsKey !== periodsShown) {
      periodsShown = periodsKey;
      fill(
        periodSelect,
        ...periodGroups(settings, s.periodKey).map((g) =>
          el("optgroup", { label: g.label }, ...g.options.map((o) => el("option", { value: o.key, selected: o.key === s.periodKey }, o.label))),
        ),
      );
    }
    periodSelect.value = s.periodKey;
    periodSelect.disabled = !hasBook || busy;
    asOfInput.disabled = !hasBook || busy;
    if (asOfInput.value !== s.asOfDay) asOfInput.value = s.asOfDay;
    fill(due, settings ? dueText(s.periodKey, settings) : "Tạo hoặc mở sổ tổng hợp để chọn kỳ báo cáo.");

    reportsPicker.button.disabled = !hasBook || busy;
    if (sheetsButton) sheetsButton.disabled = !hasBook || busy;
    clearButton.hidden = s.pending.length === 0;
    progress.hidden = !s.progress;
    if (s.progress) {
      progress.max = s.progress.total;
      progress.value = s.progress.done;
    }
    fill(progressText, s.progress ? `Đã đọc ${s.progress.done}/${s.progress.total} tệp` : "");
    renderFiles(filesRegion, s, ctl.fileRows());

    consolidateButton.disabled = !hasBook || busy;
    renderConsolidation(resultRegion, s);

    renderChase(chaseRegion, ctl.chase(), s, copyUnit);
    const text = hasBook ? ctl.reminder() : "";
    reminderBox.value = text;
    copyButton.disabled = text === "";
    reminderDetails.hidden = text === "";

    // A field being typed in keeps its text until it is saved.
    for (const [input, value] of [[bodyName, settings?.bodyName ?? ""], [bodyCode, settings?.bodyCode ?? ""]] as const) {
      if (document.activeElement !== input) input.value = value;
      input.disabled = !hasBook || busy;
    }
    templatesButton.disabled = !hasBook || busy;
    upwardButton.disabled = !hasBook || busy;

    renderFindings(findingsRegion, ctl.findings(), ctl);
  };

  // Reading many files notifies after each one: draw at most once a frame.
  let scheduled = false;
  ctl.subscribe(() => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      render(ctl.state);
    });
  });
  render(ctl.state);
}

function renderBookSummary(region: HTMLElement, s: PaneState): void {
  if (s.phase === "starting") return fill(region, el("p", {}, "Đang kiểm tra sổ…"));
  if (!s.book) {
    return fill(
      region,
      el(
        "p",
        {},
        s.mode === "web"
          ? "Chưa có sổ. Mở sổ tổng hợp đã có (.xlsx), hoặc tạo sổ mới từ mẫu (nên chọn kèm danh sách đơn vị .csv hoặc .xlsx)."
          : "Sổ này chưa có các trang của sổ tổng hợp. Bấm “Tạo sổ tổng hợp” để thêm các trang từ mẫu.",
      ),
    );
  }
  const b = s.book;
  const summary = el("p", { class: "summary-line" }, `${b.units.length} đơn vị · ${b.catalogue.length} chỉ tiêu · ${number(b.data.length)} dòng số liệu`);
  const problems = s.bookProblems.length
    ? el("ul", { class: "problems", "aria-label": "Vấn đề khi đọc sổ" }, ...s.bookProblems.map((p) => el("li", {}, p.message)))
    : null;
  fill(region, summary, problems);
}

/** A cell labelled with its column's name, which the narrow layout shows beside the content. */
function cell(label: string, ...content: (Node | string)[]): HTMLTableCellElement {
  return el("td", { "data-label": label }, el("div", {}, ...content));
}

/** A declared or hand-entered date counts from 00:00 of its day: show the day alone. */
function receivedText(r: FileRow["result"]): string {
  if (!r.receivedAt) return "—";
  return r.receivedSource === "declared" || r.receivedSource === "manual" ? formatDayVi(vnDay(new Date(r.receivedAt))) : formatInstantVi(r.receivedAt);
}

function renderFiles(region: HTMLElement, s: PaneState, rows: FileRow[]): void {
  if (rows.length === 0) return fill(region);
  const counts = (r: FileRow) => `${r.result.errors} lỗi, ${r.result.warnings} cảnh báo`;
  const periodLabel = (key: string) => (key ? (parsePeriodKey(key, s.book?.settings.adhocPeriods)?.label ?? key) : "—");
  const caption = s.resultsWritten
    ? `Đã ghi vào sổ: ${rows.length} tệp`
    : `Xem trước ${rows.length} tệp (chưa ghi gì vào sổ — bấm “Tổng hợp báo cáo” để ghi)`;
  const table = el(
    "table",
    { class: "data stacked", "aria-label": "Các tệp báo cáo đã đọc" },
    el("caption", {}, caption),
    el("thead", {}, el("tr", {}, ...["Tệp", "Đơn vị", "Kỳ", "Ngày nhận", "Trạng thái", "Thời hạn", "Lỗi, cảnh báo"].map((h) => el("th", { scope: "col" }, h)))),
    el(
      "tbody",
      {},
      ...rows.map((r) =>
        el(
          "tr",
          { "data-status": r.result.status },
          el(
            "td",
            { class: "file-cell" },
            el("span", { class: "file-name" }, r.result.file),
            r.result.status === "imported" ? "" : el("span", { class: "message" }, r.result.message),
          ),
          cell("Đơn vị", r.result.unitName || r.result.unit || "—"),
          cell("Kỳ", periodLabel(r.result.period)),
          cell(
            "Ngày nhận",
            receivedText(r.result),
            r.result.receivedSource ? el("span", { class: "source" }, ` (${receivedSourceLabel(r.result.receivedSource)})`) : "",
          ),
          cell("Trạng thái", badge(FILE_STATUS_LABELS[r.result.status], fileStatusTone(r.result.status))),
          cell("Thời hạn", r.timelinessCode ? badge(r.timeliness, statusTone(r.timelinessCode)) : "—"),
          cell("Lỗi, cảnh báo", counts(r)),
        ),
      ),
    ),
  );
  fill(region, table);
}

function valueText(i: ConsolidatedIndicator): string {
  if (i.value === null) return "—";
  if (i.kind === "ratio") return `${number(i.value * 100, 2)}%`;
  return number(i.value, 2);
}

function renderConsolidation(region: HTMLElement, s: PaneState): void {
  const c = s.consolidation;
  if (!c) return fill(region, el("p", { class: "hint" }, "Ghi số liệu của các tệp đã chọn vào sổ, lập trang “Tổng hợp”, “Tình trạng nộp” và “Phát hiện”."));
  const count = (code: UnitStatus["status"]) => c.units.filter((u) => u.status === code).length;
  const head = el(
    "p",
    { class: "summary-line" },
    `${c.period.label}, tính đến ${formatInstantVi(c.asOf)}: đúng hạn ${count("on_time")}, trễ hạn ${count("late")}, quá hạn ${count("overdue")}, chưa đến hạn ${count("pending")}.`,
  );
  const table = el(
    "table",
    { class: "data consolidated", "aria-label": "Kết quả tổng hợp" },
    el("thead", {}, el("tr", {}, ...["Chỉ tiêu", "Kế hoạch", "Kết quả", "% kế hoạch", "Số đơn vị"].map((h) => el("th", { scope: "col" }, h)))),
    el(
      "tbody",
      {},
      ...c.indicators.map((i) =>
        el(
          "tr",
          { "data-code": i.code },
          el("th", { scope: "row" }, el("span", { class: "code" }, i.code), " ", i.name, i.kind === "ratio" && i.numerator !== null ? el("span", { class: "parts" }, ` (${number(i.numerator)}/${number(i.denominator ?? 0)})`) : ""),
          el("td", { class: "num" }, targetText(i.target) || "—"),
          el("td", { class: "num" }, valueText(i)),
          el("td", { class: "num" }, achievementSummary(i) || "—"),
          el("td", { class: "num" }, String(i.unitsReporting)),
        ),
      ),
    ),
  );
  fill(region, head, el("div", { class: "scroll" }, table));
}

function renderChase(region: HTMLElement, chase: UnitReminder[], s: PaneState, onCopy: (r: UnitReminder) => void): void {
  if (!s.book) return fill(region);
  if (chase.length === 0) return fill(region, el("p", { class: "hint" }, "Không có đơn vị quá hạn, trễ hạn hoặc có báo cáo lỗi trong kỳ này."));
  const errors = (r: UnitReminder) => r.findings.filter((f) => f.severity === "error").length;
  fill(
    region,
    el(
      "ul",
      { class: "chase-list", "aria-label": "Đơn vị cần nhắc" },
      ...chase.map((r) => {
        const copy = el("button", { type: "button", class: "btn btn-subtle btn-small", title: `Sao chép nhắc nhở gửi ${r.name}` }, "Sao chép");
        copy.addEventListener("click", () => onCopy(r));
        return el(
          "li",
          { "data-unit": r.unit },
          el(
            "div",
            { class: "chase-text" },
            badge(statusLabel(r.status, r.daysLate), statusTone(r.status)),
            errors(r) > 0 ? badge(`${errors(r)} lỗi`, statusTone("overdue")) : "",
            " ",
            el("span", { class: "unit-name" }, r.name),
            r.contact ? el("span", { class: "contact" }, r.contact) : "",
          ),
          copy,
        );
      }),
    ),
  );
}

const SEVERITY_TONE = {
  error: statusTone("overdue"),
  warning: statusTone("late"),
  info: statusTone("pending"),
} as const;

function renderFindings(region: HTMLElement, findings: Finding[], ctl: PaneController): void {
  if (findings.length === 0) return fill(region, el("p", { class: "hint" }, "Chưa có phát hiện nào."));
  const place = (f: Finding) => [f.file, f.sheet && f.sheet !== f.file ? f.sheet : "", f.cell ? `ô ${f.cell}` : ""].filter(Boolean).join(" · ");
  fill(
    region,
    el(
      "ul",
      { class: "finding-list", "aria-label": "Các phát hiện" },
      ...findings.map((f) => {
        const body = [badge(SEVERITY_LABELS[f.severity], SEVERITY_TONE[f.severity]), " ", el("span", { class: "message" }, f.message), el("span", { class: "place" }, `${place(f)} · ${f.code}`)];
        if (!ctl.canSelect(f)) return el("li", { "data-code": f.code }, ...body);
        const b = el("button", { type: "button", class: "finding-link", title: `Chọn ô ${f.cell} trên trang ${f.sheet || f.file}` }, ...body);
        b.addEventListener("click", () => void ctl.selectFinding(f));
        return el("li", { "data-code": f.code }, b);
      }),
    ),
  );
}

