// A progress bar on stderr for long imports; silent when stderr is not a terminal.

export class ProgressBar {
  private count = 0;
  constructor(
    private readonly total: number,
    private readonly write: ((text: string) => void) | null,
  ) {}

  tick(label: string): void {
    this.count++;
    if (!this.write || this.total < 2) return;
    const width = 30;
    const filled = Math.round((this.count / this.total) * width);
    const name = label.length > 40 ? label.slice(0, 37) + "..." : label;
    this.write(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${this.count}/${this.total} ${name.padEnd(40)}`);
  }

  done(): void {
    if (this.write && this.total >= 2) this.write("\n");
  }
}
