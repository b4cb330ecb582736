/** A finding about an input page, always tied to a place in it. */
export interface Diagnostic {
  file: string;
  line: number;
  severity: "error" | "warning";
  message: string;
}

/** Collects diagnostics for one run; `file:line: severity: message` is the contract of the CLI. */
export class Diagnostics {
  readonly items: Diagnostic[] = [];

  error(file: string, line: number, message: string): void {
    this.items.push({ file, line, severity: "error", message });
  }

  warning(file: string, line: number, message: string): void {
    this.items.push({ file, line, severity: "warning", message });
  }

  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === "error");
  }
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}: ${d.severity}: ${d.message}`;
}
