/// <reference types="office-js" />
// Entry of the manifest's FunctionFile. The only ribbon button opens the task pane (ShowTaskpane), which
// needs no code; Office still expects the function file to initialise, so it only waits for Office.
Office.onReady();

export {};
