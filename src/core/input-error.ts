// Input the product cannot use (a file, a workbook, a period, an argument), with a Vietnamese message that
// says why and what to do. Every face shows the message as it is: the command line exits 2 with it on one
// line, the pane shows it as its notice. Any other error is a fault of the program.
export class InputError extends Error {}
