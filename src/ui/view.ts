// The pane's DOM: a fixed skeleton of labelled controls, and regions redrawn from the controller's state.
// Thin on purpose: every decision lives in the controller; this only shows it and forwards clicks. Each
// action's result is said inside the section of the control that asked for it, and takes the focus.
import { formatDayVi, formatInstantVi, vnDay } from "../core/dates";
import { FREQUENCY_LABELS, receivedSourceLabel, SEVERITY_LABELS } from "../core/master-sheets";
import { achievementSummary, targetText } from "../core/outputs";
import { SEVERITY_TONE } from "../core/palette";
import { parsePeriodKey } from "../core/periods";
import type { UnitReminder } from "../core/reminders";
import { statusLabel } from "../core/status";
import type { ConsolidatedIndicator, Finding, Frequency, UnitStatus } from "../core/types";
import { copyText } from "./clipboard";
import type { FileRow, PaneController, PaneState, Place } from "./controller";
import { el, fill } from "./dom";
import type { LocalFile } from "./host";
import { fileStatusTone, statusTone, type Tone } from "./labels";
import { dueText, periodGroups } from "./periods";

const REPORT_TYPES = ".xlsx,.xlsm,.xls,.ods,.docx,.docm,.doc,.odt,.csv";
const UNITS_TYPES = ".csv,.txt,.xlsx,.xlsm";
const number = (n: number, digits = 0) => n.toLocaleString("vi-VN", { maximumFractionDigits: digits });

async function readFiles(list: FileList | File[]): Promise<LocalFile[]> {
  return Promise.all(
    Array.from(list, async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()), lastModified: f.lastModified || null })),
  );
}

/** A hidden file input driven by a visible button, so the control is a real, labelled, focusable button. */
function filePicker(label: string, accept: string, multiple: boolean, onFiles: (files: LocalFile[]) => void, cls = "btn") {
  const input = el("input", { type: "file", accept, multiple, hidden: true, tabindex: -1 });
  const button = el("button", { type: "button", class: cls }, label);
  button.addEventListener("click", () => input.click());
  input.addEventListener("change", async () => {
    if (input.files && input.files.length > 0) onFiles(await readFiles(input.files));
    input.value = "";
  });
  return { button, input };
}

function badge(text: string, tone: Tone): HTMLElement {
  const span = el("span", { class: tone.border ? "badge badge-outline" : "badge" }, text);
  span.style.background = tone.background;
  span.style.color = tone.color;
  if (tone.border) span.style.borderColor = tone.border;
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

function field(id: string, label: string, control: HTMLElement, ...after: (Node | null)[]): HTMLElement {
  return el("div", { class: "field" }, el("label", { for: id }, label), control, ...after);
}

/** A finding's Vietnamese message, and apart from it (never glued to its end) its code, small. */
function findingText(f: Finding): Node[] {
  return [el("span", { class: "message" }, f.message), el("span", { class: "finding-code" }, el("span", { class: "visually-hidden" }, "Mã phát hiện: "), f.code)];
}

/** Where a file's findings start in "Phát hiện", for the link in its row. */
const findingsAnchor = (index: number) => `phat-hien-tep-${index}`;

export function mountPane(root: HTMLElement, ctl: PaneController): void {
  const s0 = ctl.state;
  const web = s0.mode === "web";

  // --- Sổ tổng hợp: the body (asked before a book is made, saved in "Cài đặt" after), open, create, download.
  const bodyName = el("input", { type: "text", id: "body-name", autocomplete: "organization", placeholder: "Ví dụ: UBND xã Hòa Bình", "aria-describedby": "body-hint" });
  const bodyCode = el("input", { type: "text", id: "body-code", autocomplete: "off", placeholder: "Ví dụ: XHB" });
  const saveBody = () => {
    if (ctl.state.book) void ctl.setBody({ bodyName: bodyName.value, bodyCode: bodyCode.value });
  };
  bodyName.addEventListener("change", saveBody);
  bodyCode.addEventListener("change", saveBody);
  const bodyHint = el("p", { class: "hint", id: "body-hint" });
  const unitsChosen = el("span", { class: "hint", id: "units-file-name" });
  const unitsPicker = filePicker("Chọn danh sách đơn vị…", UNITS_TYPES, false, (files) => ctl.chooseUnitsList(files[0]));
  unitsPicker.button.setAttribute("aria-describedby", "units-file-name");
  const openPicker = filePicker("Mở sổ tổng hợp", ".xlsx,.xlsm", false, (files) => void ctl.openBookFile(files[0]));
  const create = () => void ctl.createBook({ bodyName: bodyName.value, bodyCode: bodyCode.value });
  const createButton = button(web ? "Tạo sổ mới" : "Tạo sổ tổng hợp", create);
  const downloadButton = button("Tải sổ tổng hợp", () => void ctl.download("book"));
  const bookSummary = el("div", { class: "summary" });
  const newBook = el(
    "fieldset",
    { class: "new-book" },
    el("legend", {}, web ? "Sổ mới từ mẫu" : "Tạo các trang của sổ tổng hợp"),
    el("p", { class: "hint" }, "Nên chọn kèm danh sách đơn vị (.csv, .txt hoặc .xlsx; sổ năm trước cũng được): sổ không có đơn vị thì chưa nhận được báo cáo nào."),
    el("div", { class: "row" }, unitsPicker.button, unitsPicker.input, createButton),
    unitsChosen,
  );
  const bookSection = section(
    "so-tong-hop",
    "Sổ tổng hợp",
    bookSummary,
    el("div", { class: "fields" }, field("body-name", "Tên đơn vị tổng hợp", bodyName), field("body-code", "Mã đơn vị tổng hợp", bodyCode)),
    bodyHint,
    web ? el("div", { class: "row" }, openPicker.button, openPicker.input, downloadButton) : null,
    newBook,
  );

  // --- Đơn vị báo cáo: what the book has, a small form and a list upload to add more; in Excel, the sheet too.
  const unitsSummary = el("div", { class: "units-summary" });
  const unitCode = el("input", { type: "text", id: "unit-code", autocomplete: "off" });
  const unitName = el("input", { type: "text", id: "unit-name", autocomplete: "off" });
  const unitType = el("select", { id: "unit-type" });
  const unitFrequency = el("select", { id: "unit-frequency" }, ...Object.entries(FREQUENCY_LABELS).map(([k, label]) => el("option", { value: k }, label)));
  const unitContact = el("input", { type: "text", id: "unit-contact", autocomplete: "off", placeholder: "Họ tên - số điện thoại" });
  const addUnitButton = button("Thêm đơn vị", async () => {
    const before = ctl.state.book?.units.length ?? 0;
    await ctl.addUnit({ code: unitCode.value, name: unitName.value, type: unitType.value, frequency: unitFrequency.value as Frequency, contact: unitContact.value });
    if ((ctl.state.book?.units.length ?? 0) > before) for (const input of [unitCode, unitName, unitContact]) input.value = "";
  });
  const unitsUpload = filePicker("Thêm từ tệp danh sách…", UNITS_TYPES, false, (files) => void ctl.addUnitsFile(files[0]));
  const unitForm = el(
    "fieldset",
    { class: "unit-form" },
    el("legend", {}, "Thêm đơn vị"),
    el(
      "div",
      { class: "fields" },
      field("unit-code", "Mã đơn vị", unitCode),
      field("unit-name", "Tên đơn vị", unitName),
      field("unit-type", "Loại", unitType),
      field("unit-frequency", "Tần suất nộp", unitFrequency),
      field("unit-contact", "Liên hệ", unitContact),
    ),
    el("div", { class: "row" }, addUnitButton, unitsUpload.button, unitsUpload.input),
  );
  const sheetHint = web
    ? null
    : el("p", { class: "hint" }, "Đơn vị được thêm vào cuối trang “Đơn vị” của sổ; cũng có thể gõ, dán hoặc sửa thẳng ở trang đó (dưới dòng tiêu đề). Ngăn tác vụ đọc lại trang này trước mỗi lần nhập báo cáo.");
  const unitsSection = section("don-vi", "Đơn vị báo cáo", unitsSummary, unitForm, sheetHint);

  // --- Kỳ báo cáo
  const periodSelect = el("select", { id: "period" });
  periodSelect.addEventListener("change", () => ctl.setPeriod(periodSelect.value));
  // A text field, not the browser's date input: that one shows the browser's own order (mm/dd/yyyy in English).
  const asOfInput = el("input", { type: "text", id: "as-of", inputmode: "numeric", autocomplete: "off", placeholder: "dd/mm/yyyy", "aria-describedby": "as-of-help as-of-error" });
  asOfInput.addEventListener("change", () => ctl.setAsOfText(asOfInput.value));
  const asOfError = el("p", { class: "field-error", id: "as-of-error" });
  const due = el("p", { class: "due", id: "due" });
  const periodSection = section(
    "ky-bao-cao",
    "Kỳ báo cáo",
    el(
      "div",
      { class: "fields" },
      field("period", "Kỳ báo cáo", periodSelect),
      field("as-of", "Tính đến ngày", asOfInput, el("span", { class: "hint", id: "as-of-help" }, "ngày/tháng/năm"), asOfError),
    ),
    due,
  );

  // --- Báo cáo đơn vị
  const reportsPicker = filePicker("Chọn báo cáo", REPORT_TYPES, true, (files) => void ctl.addFiles(files), "btn btn-primary");
  const sheetsButton = web ? null : button("Nhập từ trang tính", () => void ctl.addSheets());
  const clearButton = button("Bỏ chọn tất cả", () => ctl.clearFiles(), "btn btn-subtle");
  const drop = el(
    "div",
    { class: "dropzone" },
    el("p", {}, "Kéo thả các tệp báo cáo (.xlsx, .xls, .ods, .docx) vào đây, hoặc"),
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
  const suggestRegion = el("div", { class: "suggest-region" });
  const filesRegion = el("div", { class: "files" });
  const reportsSection = section("bao-cao-don-vi", "Báo cáo đơn vị", drop, el("div", { class: "row progress-row" }, progress, progressText), suggestRegion, filesRegion, el("div", { class: "row" }, clearButton));

  // --- Tổng hợp báo cáo
  const consolidateButton = button("Tổng hợp báo cáo", () => void ctl.consolidate(), "btn btn-primary btn-large");
  const downloadAgain = web ? button("Tải sổ tổng hợp", () => void ctl.download("consolidate")) : null;
  const resultRegion = el("div", { class: "result" });
  const consolidateSection = section("tong-hop", "Tổng hợp báo cáo", el("div", { class: "row" }, consolidateButton, downloadAgain), resultRegion);

  // --- Quá hạn
  const chaseRegion = el("div", { class: "chase" });
  const reminderBox = el("textarea", { id: "reminder", readonly: true, rows: 6 });
  const copy = async (text: string, done: string) => {
    const ok = await copyText(text);
    ctl.notify({ kind: ok ? "success" : "error", at: "overdue", text: ok ? done : "Không sao chép được: hãy mở “Xem nội dung nhắc nhở”, chọn nội dung và sao chép thủ công." });
  };
  const copyButton = button("Sao chép nhắc nhở chung", () => void copy(reminderBox.value, "Đã sao chép nội dung nhắc nhở chung, để dán vào nhóm Zalo hoặc thư điện tử."));
  const copyUnit = (r: UnitReminder) => void copy(ctl.unitReminder(r.unit), `Đã sao chép nhắc nhở gửi ${r.name}.`);
  const reminderDetails = el("details", { class: "reminder" }, el("summary", {}, "Xem nội dung nhắc nhở chung"), el("label", { for: "reminder", class: "visually-hidden" }, "Nội dung nhắc nhở chung"), reminderBox);
  const overdueSection = section("qua-han", "Quá hạn", chaseRegion, el("div", { class: "row" }, copyButton), reminderDetails);

  // --- Mẫu và báo cáo cấp trên
  const templatesButton = button("Tạo mẫu báo cáo", () => void ctl.makeTemplates());
  const upwardButton = button("Xuất báo cáo cấp trên", () => void ctl.exportUpward());
  const outputsSection = section(
    "mau-bao-cao",
    "Mẫu và báo cáo cấp trên",
    el("div", { class: "row" }, templatesButton, upwardButton),
    el(
      "p",
      { class: "hint" },
      "“Tạo mẫu báo cáo” tải về một tệp .zip gồm mẫu Excel của từng đơn vị phải nộp kỳ này, để gửi cho các đơn vị. " +
        "“Xuất báo cáo cấp trên” tải về báo cáo của đơn vị tổng hợp (tên và mã ở mục “Sổ tổng hợp”) theo kỳ đã chọn, để gửi lên cấp trên.",
    ),
    web ? null : el("p", { class: "hint" }, "Trong Excel trên web, tệp được tải về như ở trình duyệt. Excel trên máy tính có thể chặn việc tải về: ngăn tác vụ mở thêm trang web của phần mềm trong trình duyệt, ở đó mở sổ đã lưu để tạo lại tệp (hoặc dùng lệnh tonghop templates / tonghop export)."),
  );

  // --- Phát hiện
  const findingsRegion = el("div", { class: "findings" });
  const findingsSection = section("phat-hien", "Phát hiện", findingsRegion);

  const sections: Record<Place, HTMLElement> = {
    book: bookSection,
    units: unitsSection,
    period: periodSection,
    reports: reportsSection,
    consolidate: consolidateSection,
    overdue: overdueSection,
    outputs: outputsSection,
  };
  const noticeText = el("span", { class: "notice-text" });
  const noticeAction = el("button", { type: "button", class: "btn btn-small notice-action", hidden: true });
  noticeAction.addEventListener("click", () => {
    const key = noticeAction.dataset.period;
    if (key) ctl.switchPeriod(key);
  });
  // Never sticky or floating: it sits in the flow of its own section and covers nothing.
  const notice = el("div", { class: "notice", role: "status", "aria-live": "polite", tabindex: -1 }, noticeText, noticeAction);
  const header = el(
    "header",
    { class: "app-header" },
    el("h1", {}, "Tổng hợp báo cáo"),
    el("p", {}, web ? "Bình dân học vụ số · trang web (dữ liệu chỉ nằm trong trình duyệt này)" : "Bình dân học vụ số · trong Excel"),
  );
  fill(root, header, bookSection, unitsSection, periodSection, reportsSection, consolidateSection, overdueSection, outputsSection, findingsSection);
  root.removeAttribute("aria-busy");
  document.addEventListener("dragover", (e) => e.preventDefault());
  document.addEventListener("drop", (e) => e.preventDefault());
  if (web) {
    // The workbook lives only in this tab: leaving with changes not downloaded asks first.
    window.addEventListener("beforeunload", (e) => {
      if (!ctl.state.unsaved) return;
      e.preventDefault();
      e.returnValue = "";
    });
    bodyName.focus();
  }

  let periodsShown = "";
  let typesShown = "";
  let noticeShown = 0;
  const render = (s: PaneState) => {
    const hasBook = s.book !== null;
    const busy = s.busy !== null;
    root.setAttribute("aria-busy", String(busy));
    root.dataset.phase = s.phase;
    root.dataset.busy = String(busy);

    const at = busy ? s.busyAt : (s.notice?.at ?? null);
    const heading = at ? sections[at].querySelector("h2") : null;
    if (heading && notice.previousElementSibling !== heading) heading.after(notice);
    fill(noticeText, busy ? (s.busy ?? "") : (s.notice?.text ?? ""));
    notice.hidden = !busy && !s.notice;
    notice.className = `notice ${busy ? "info" : (s.notice?.kind ?? "")}`;
    notice.setAttribute("role", !busy && s.notice?.kind === "error" ? "alert" : "status");
    const action = !busy ? s.notice?.action : undefined;
    noticeAction.hidden = !action;
    if (action) {
      noticeAction.textContent = action.label;
      noticeAction.dataset.period = action.periodKey;
    }

    renderBookSummary(bookSummary, s);
    fill(bodyHint, hasBook ? "Tên và mã được lưu trong trang “Cài đặt” của sổ, in trên báo cáo và dùng khi gửi báo cáo lên cấp trên." : "Nhập tên (bắt buộc) và mã của cơ quan tổng hợp, rồi tạo sổ.");
    newBook.hidden = !web && hasBook;
    createButton.disabled = busy;
    unitsPicker.button.disabled = busy;
    fill(unitsChosen, s.newUnits ? `Danh sách đơn vị: ${s.newUnits.name} (${s.newUnits.list.units.length} đơn vị)` : "Chưa chọn danh sách đơn vị");
    openPicker.button.disabled = busy;
    downloadButton.disabled = busy || !s.canDownload;
    if (downloadAgain) downloadAgain.disabled = busy || !s.canDownload || !s.consolidation;

    const settings = s.book?.settings;
    // A field being typed in keeps its text until it is saved; before a book, the fields are the clerk's own.
    if (settings) {
      for (const [input, value] of [[bodyName, settings.bodyName], [bodyCode, settings.bodyCode]] as const) if (document.activeElement !== input) input.value = value;
    } else if (s.newUnits?.parent && bodyCode.value === "") bodyCode.value = s.newUnits.parent;
    bodyName.disabled = bodyCode.disabled = busy;

    unitsSection.hidden = !hasBook;
    renderUnits(unitsSummary, s);
    const types = s.book ? JSON.stringify(s.book.unitTypes.map((t) => t.type)) : "";
    if (s.book && types !== typesShown) {
      typesShown = types;
      fill(unitType, el("option", { value: "" }, "(chưa phân loại)"), ...s.book.unitTypes.map((t) => el("option", { value: t.type }, t.type)));
    }
    for (const c of [unitCode, unitName, unitType, unitFrequency, unitContact, addUnitButton, unitsUpload.button]) c.disabled = busy;

    // The options change only with the book's settings; rebuilding them would drop keyboard focus.
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
    if (document.activeElement !== asOfInput && !s.asOfError) asOfInput.value = formatDayVi(s.asOfDay);
    asOfInput.setAttribute("aria-invalid", String(s.asOfError !== null));
    fill(asOfError, s.asOfError ?? "");
    fill(due, settings ? dueText(s.periodKey, settings) : "Tạo hoặc mở sổ tổng hợp để chọn kỳ báo cáo.");

    reportsPicker.button.disabled = !hasBook || busy;
    if (sheetsButton) sheetsButton.disabled = !hasBook || busy;
    clearButton.hidden = s.pending.length === 0 && !s.resultsWritten;
    progress.hidden = !s.progress;
    if (s.progress) {
      progress.max = s.progress.total;
      progress.value = s.progress.done;
    }
    fill(progressText, s.progress ? `Đã đọc ${s.progress.done}/${s.progress.total} tệp` : "");
    renderSuggestion(suggestRegion, s, ctl);
    renderFiles(filesRegion, s, ctl.fileRows(), ctl.findings());

    consolidateButton.disabled = !hasBook || busy;
    renderConsolidation(resultRegion, s);

    renderChase(chaseRegion, ctl.chase(), s, copyUnit);
    const text = hasBook ? ctl.reminder() : "";
    reminderBox.value = text;
    copyButton.disabled = text === "";
    reminderDetails.hidden = text === "";

    templatesButton.disabled = !hasBook || busy;
    upwardButton.disabled = !hasBook || busy;

    renderFindings(findingsRegion, ctl.findings(), ctl);

    // Each action's result takes the focus (a field to fix, else the notice), so a screen reader reads it
    // and a keyboard user goes on from there.
    if (!busy && s.notice && s.notice.id !== noticeShown) {
      noticeShown = s.notice.id;
      if (s.notice.quiet) return;
      const target = (s.notice.field && document.getElementById(s.notice.field)) || notice;
      target.focus();
    }
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
          ? "Chưa có sổ. Mở sổ tổng hợp đã có (.xlsx), hoặc tạo sổ mới từ mẫu."
          : "Sổ này chưa có các trang của sổ tổng hợp: nhập tên đơn vị tổng hợp rồi bấm “Tạo sổ tổng hợp” để thêm các trang từ mẫu.",
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

function renderUnits(region: HTMLElement, s: PaneState): void {
  const units = s.book?.units ?? [];
  if (units.length === 0) {
    return fill(
      region,
      el("p", { class: "warning-line" }, "Sổ chưa có đơn vị nào: thêm đơn vị bên dưới (từng đơn vị, hoặc một tệp danh sách) để nhận báo cáo."),
    );
  }
  const byFrequency = new Map<Frequency, number>();
  for (const u of units) byFrequency.set(u.frequency, (byFrequency.get(u.frequency) ?? 0) + 1);
  const parts = [...byFrequency].map(([f, n]) => `${n} nộp theo ${FREQUENCY_LABELS[f].toLowerCase()}`).join(", ");
  fill(
    region,
    el("p", {}, `${units.length} đơn vị: ${parts}.`),
    el(
      "details",
      { class: "unit-list" },
      el("summary", {}, `Xem danh sách ${units.length} đơn vị`),
      el("ul", {}, ...units.map((u) => el("li", {}, el("span", { class: "code" }, u.code), " ", u.name, u.contact ? el("span", { class: "contact" }, u.contact) : ""))),
    ),
  );
}

function renderSuggestion(region: HTMLElement, s: PaneState, ctl: PaneController): void {
  const suggestion = ctl.periodSuggestion();
  // The notice offers the same switch when it speaks of it: one button, not two.
  if (!suggestion || suggestion.key === s.periodKey || s.notice?.action?.periodKey === suggestion.key) return fill(region);
  const current = parsePeriodKey(s.periodKey, s.book?.settings.adhocPeriods)?.label ?? s.periodKey;
  const b = button(`Chuyển sang ${suggestion.label}`, () => ctl.switchPeriod(suggestion.key), "btn btn-small");
  fill(region, el("p", { class: "suggest" }, el("span", {}, `${suggestion.files} tệp ghi kỳ ${suggestion.label}, khác kỳ đang chọn (${current}). `), b));
}

/** A cell labelled with its column's name, which the narrow layout shows beside the content. */
function cell(label: string, cls: string, ...content: (Node | string)[]): HTMLTableCellElement {
  return el("td", { "data-label": label, class: cls }, el("div", {}, ...content));
}

/** A declared or hand-entered date counts from 00:00 of its day: show the day alone. */
function receivedText(r: FileRow["result"]): string {
  if (!r.receivedAt) return "—";
  return r.receivedSource === "declared" || r.receivedSource === "manual" ? formatDayVi(vnDay(new Date(r.receivedAt))) : formatInstantVi(r.receivedAt);
}

function renderFiles(region: HTMLElement, s: PaneState, rows: FileRow[], findings: Finding[]): void {
  if (rows.length === 0) return fill(region);
  const periodLabel = (key: string) => (key ? (parsePeriodKey(key, s.book?.settings.adhocPeriods)?.label ?? key) : "—");
  const fileIndex = findingFiles(findings);
  const caption = s.resultsWritten
    ? el("caption", { class: "written" }, `Đã ghi vào sổ: ${rows.length} tệp`)
    : el("caption", { class: "preview" }, el("span", { class: "preview-tag" }, "Xem trước"), ` ${rows.length} tệp, chưa ghi gì vào sổ: bấm “Tổng hợp báo cáo” để ghi.`);
  const table = el(
    "table",
    { class: `data stacked ${s.resultsWritten ? "is-written" : "is-preview"}`, "aria-label": "Các tệp báo cáo đã đọc" },
    caption,
    el("thead", {}, el("tr", {}, ...["Tệp", "Đơn vị", "Kỳ", "Ngày nhận", "Trạng thái", "Thời hạn", "Lỗi, cảnh báo"].map((h) => el("th", { scope: "col" }, h)))),
    el(
      "tbody",
      {},
      ...rows.map((r) => {
        const f = r.result;
        const problems = f.findings.length;
        const first = r.firstFinding;
        const index = fileIndex.get(f.file);
        const more =
          first && problems > 0 && index !== undefined
            ? el("a", { class: "more-link", href: `#${findingsAnchor(index)}` }, problems > 1 ? `Xem cả ${problems} phát hiện của tệp này` : "Xem ở mục Phát hiện")
            : null;
        more?.addEventListener("click", (e) => {
          e.preventDefault();
          document.getElementById(findingsAnchor(index as number))?.focus();
        });
        const explain = f.status === "imported" || f.status === "replaced" ? null : el("span", { class: "message" }, f.message);
        const firstProblem = first && first.message !== f.message ? el("span", { class: `first-finding ${first.severity}` }, ...findingText(first)) : null;
        return el(
          "tr",
          { "data-status": f.status },
          el("td", { class: "file-cell" }, el("span", { class: "file-name" }, f.file), explain, firstProblem, more),
          cell("Đơn vị", "", f.unitName || f.unit || "—"),
          cell("Kỳ", "nowrap", periodLabel(f.period)),
          cell("Ngày nhận", "", el("span", { class: "nowrap" }, receivedText(f)), f.receivedSource ? el("span", { class: "source" }, ` (${receivedSourceLabel(f.receivedSource)})`) : ""),
          cell("Trạng thái", "", badge(r.statusText, fileStatusTone(f.status, s.resultsWritten))),
          cell("Thời hạn", "", r.timelinessCode ? badge(r.timeliness, statusTone(r.timelinessCode)) : "—"),
          cell("Lỗi, cảnh báo", "nowrap", `${f.errors} lỗi, ${f.warnings} cảnh báo`),
        );
      }),
    ),
  );
  fill(region, table);
}

function valueText(i: ConsolidatedIndicator): string {
  if (i.value === null) return "—";
  if (i.kind === "ratio") return `${number(i.value * 100, 2)}%`;
  return number(i.value, 2);
}

/** A ratio's parts, "1.372/2.204". */
function partsText(i: ConsolidatedIndicator): string {
  return i.kind === "ratio" && i.numerator !== null ? `${number(i.numerator)}/${number(i.denominator ?? 0)}` : "";
}

function renderConsolidation(region: HTMLElement, s: PaneState): void {
  const c = s.consolidation;
  if (!c) return fill(region, el("p", { class: "hint" }, "Ghi số liệu của các tệp đã chọn vào sổ, lập trang “Tổng hợp”, “Tổng hợp theo đơn vị”, “Tình trạng nộp” và “Phát hiện”."));
  const count = (code: UnitStatus["status"]) => c.units.filter((u) => u.status === code).length;
  const head = el(
    "p",
    { class: "summary-line" },
    `${c.period.label}, tính đến ${formatInstantVi(c.asOf)}: đúng hạn ${count("on_time")}, trễ hạn ${count("late")}, quá hạn ${count("overdue")}, chưa đến hạn ${count("pending")}.`,
  );
  // Wide: a table. Narrow (a task pane): one line per indicator, its full name on demand. CSS shows one.
  const table = el(
    "table",
    { class: "data consolidated wide-only", "aria-label": "Kết quả tổng hợp" },
    el("thead", {}, el("tr", {}, ...["Chỉ tiêu", "Kế hoạch", "Kết quả", "% kế hoạch", "Số đơn vị"].map((h) => el("th", { scope: "col" }, h)))),
    el(
      "tbody",
      {},
      ...c.indicators.map((i) =>
        el(
          "tr",
          { "data-code": i.code },
          el("th", { scope: "row" }, el("span", { class: "code" }, i.code), " ", i.name, partsText(i) ? el("span", { class: "parts" }, ` (${partsText(i)})`) : ""),
          el("td", { class: "num" }, targetText(i.target) || "—"),
          el("td", { class: "num" }, valueText(i)),
          el("td", { class: "num" }, achievementSummary(i) || "—"),
          el("td", { class: "num" }, String(i.unitsReporting)),
        ),
      ),
    ),
  );
  const list = el(
    "ul",
    { class: "indicator-list narrow-only", "aria-label": "Kết quả tổng hợp" },
    ...c.indicators.map((i) => {
      const achievement = achievementSummary(i);
      return el(
        "li",
        { "data-code": i.code },
        el(
          "details",
          {},
          el(
            "summary",
            {},
            el("span", { class: "ind-head" }, el("span", { class: "code" }, i.code), " ", el("span", { class: "ind-name" }, i.name)),
            el(
              "span",
              { class: "ind-figures" },
              el("span", { class: "num value" }, valueText(i)),
              achievement
                ? el("span", { class: "num" }, i.target?.isPercent ? `đạt ${achievement} kế hoạch` : achievement)
                : el("span", { class: "num muted" }, i.value === null ? "chưa có số liệu" : "không có kế hoạch"),
            ),
          ),
          el(
            "dl",
            { class: "ind-more" },
            el("dt", {}, "Chỉ tiêu"),
            el("dd", {}, i.name),
            el("dt", {}, "Kế hoạch"),
            el("dd", { class: "num" }, targetText(i.target) || "—"),
            partsText(i) ? el("dt", {}, "Tử số/mẫu số") : null,
            partsText(i) ? el("dd", { class: "num" }, partsText(i)) : null,
            el("dt", {}, "Số đơn vị báo cáo"),
            el("dd", { class: "num" }, String(i.unitsReporting)),
          ),
        ),
      );
    }),
  );
  fill(region, head, el("div", { class: "scroll" }, table), list);
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
        // The visible "Sao chép" begins the accessible name, which names the unit: each button says whose message it copies.
        const copy = el("button", { type: "button", class: "btn btn-subtle btn-small", "aria-label": `Sao chép nhắc nhở cho ${r.name}` }, "Sao chép");
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

/** The files findings come from, in order of appearance: each gets its group (and anchor) in "Phát hiện". */
function findingFiles(findings: Finding[]): Map<string, number> {
  const files = new Map<string, number>();
  for (const f of findings) if (!files.has(f.file)) files.set(f.file, files.size);
  return files;
}

function renderFindings(region: HTMLElement, findings: Finding[], ctl: PaneController): void {
  if (findings.length === 0) return fill(region, el("p", { class: "hint" }, "Chưa có phát hiện nào."));
  const place = (f: Finding) => [f.sheet && f.sheet !== f.file ? f.sheet : "", f.cell ? `ô ${f.cell}` : ""].filter(Boolean).join(" · ");
  const item = (f: Finding) => {
    const body = [badge(SEVERITY_LABELS[f.severity], statusTone(SEVERITY_TONE[f.severity])), " ", ...findingText(f), place(f) ? el("span", { class: "place" }, place(f)) : ""];
    if (!ctl.canSelect(f)) return el("li", { "data-code": f.code }, ...body);
    const b = el("button", { type: "button", class: "finding-link", title: `Chọn ô ${f.cell} trên trang ${f.sheet || f.file}` }, ...body);
    b.addEventListener("click", () => void ctl.selectFinding(f));
    return el("li", { "data-code": f.code }, b);
  };
  const files = findingFiles(findings);
  fill(
    region,
    ...[...files].map(([file, index]) =>
      el(
        "div",
        { class: "finding-group" },
        el("h3", { id: findingsAnchor(index), tabindex: -1 }, file || "Sổ tổng hợp"),
        el("ul", { class: "finding-list", "aria-label": `Phát hiện của ${file || "sổ tổng hợp"}` }, ...findings.filter((f) => f.file === file).map(item)),
      ),
    ),
  );
}
