/// <reference types="office-js" />
// Placeholder entry until the real pane lands: taskpane.html already shows "Đang tải…"; this only waits
// for Office.js to initialise, which the pane must do before touching the workbook.
Office.onReady();

export {};
