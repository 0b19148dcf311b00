// The pass/fail rule over Doyensec's electronegativity, whose own CLI exits 0 whatever it finds.
// Pure: the scans themselves run in a child process (run-electronegativity.ts).

export const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface ScanIssue {
  id: string;
  /** Relative to the scanned folder, with forward slashes. */
  file: string;
  line: number;
  severity: Severity;
  confidence: string;
  description: string;
}

export interface ScanResult {
  /** Global plus atomic checks that ran. */
  checks: number;
  files: number;
  /** Files the tool could not parse (`tolerable` ones are warnings on a file it still checked). */
  errors: { file: string; message: string; tolerable: boolean }[];
  issues: ScanIssue[];
}

/** A `// eng-disable CHECK_ID -- why` comment on one line of a source file. */
export interface Suppression {
  file: string;
  line: number;
  checkIds: string[];
  reason: string;
}

/** The tool's own pattern for the comment (util/exceptions.js), then our required `-- why`. */
const SUPPRESSION = /(?:\/\*|\/\/)[ \t]*eng-disable[ \t]+([\w \t]+)(.*)$/;
const REASON = /^[ \t]*--[ \t]*(\S.*?)[ \t]*(?:\*\/)?$/;
/** A reason has to say something: "ok" or "fp" is not a review. */
const MIN_REASON_LENGTH = 15;

export function suppressionsIn(file: string, text: string): Suppression[] {
  const found: Suppression[] = [];
  text.split('\n').forEach((source, index) => {
    const match = SUPPRESSION.exec(source);
    if (!match) return;
    const checkIds = (match[1] ?? '')
      .trim()
      .split(/[ \t,]+/)
      .filter(Boolean);
    const reason = REASON.exec(match[2] ?? '')?.[1] ?? '';
    found.push({ file, line: index + 1, checkIds, reason });
  });
  return found;
}

export interface GateReport {
  /** High or medium findings nobody suppressed. */
  blocking: ScanIssue[];
  /** Files the tool could not parse, so did not check. */
  unparsed: ScanResult['errors'];
  /** Suppressions with no reason, or on the first line (the tool reads that as the whole file). */
  unexplained: Suppression[];
  /** Suppressions that hide nothing any more: they would silently cover a future finding. */
  stale: Suppression[];
  /** Each reviewed suppression with the findings it hides. */
  suppressed: { suppression: Suppression; findings: ScanIssue[] }[];
  passed: boolean;
}

const severityRank = (severity: Severity) => SEVERITIES.indexOf(severity);
const key = (issue: ScanIssue) => `${issue.id}@${issue.file}:${issue.line}`;

/**
 * `scanned` is the scan of the sources as they are; `unsuppressed` the same sources with every
 * eng-disable comment neutralised, which shows what each comment hides.
 */
export function gate(scanned: ScanResult, unsuppressed: ScanResult, suppressions: Suppression[]): GateReport {
  const blocking = scanned.issues.filter((issue) => severityRank(issue.severity) >= severityRank('MEDIUM'));
  const unparsed = [...scanned.errors, ...unsuppressed.errors].filter((error) => !error.tolerable);
  const visible = new Set(scanned.issues.map(key));
  const hidden = unsuppressed.issues.filter((issue) => !visible.has(key(issue)));
  const suppressed = suppressions.map((suppression) => ({
    suppression,
    findings: hidden.filter(
      (issue) =>
        issue.file === suppression.file &&
        issue.line === suppression.line &&
        suppression.checkIds.some((id) => id.toUpperCase() === issue.id.toUpperCase()),
    ),
  }));
  const unexplained = suppressions.filter((s) => s.reason.length < MIN_REASON_LENGTH || s.line === 1);
  const stale = suppressed.filter((entry) => entry.findings.length === 0).map((entry) => entry.suppression);
  return {
    blocking,
    unparsed,
    unexplained,
    stale,
    suppressed: suppressed.filter((entry) => entry.findings.length > 0),
    passed: blocking.length === 0 && unparsed.length === 0 && unexplained.length === 0 && stale.length === 0,
  };
}

/** The report as lines for the test log: what ran, what was found, each suppression and why. */
export function describeReport(scanned: ScanResult, report: GateReport): string[] {
  const issue = (i: ScanIssue) => `${i.severity} ${i.id} ${i.file}:${i.line} (${i.confidence})`;
  const lines = [
    `electronegativity: ${scanned.checks} checks over ${scanned.files} files, ` +
      `${scanned.issues.length} findings left, ${report.blocking.length} high or medium, ` +
      `${report.suppressed.length} reviewed suppressions`,
    ...scanned.issues.map((i) => `  finding: ${issue(i)}`),
    ...report.suppressed.map(
      ({ suppression, findings }) =>
        `  suppressed: ${findings.map(issue).join(', ')} -- ${suppression.reason}`,
    ),
    ...report.unparsed.map((e) => `  NOT PARSED: ${e.file}: ${e.message}`),
    ...report.unexplained.map((s) => `  SUPPRESSION WITHOUT A REASON (or file-wide): ${s.file}:${s.line}`),
    ...report.stale.map(
      (s) => `  STALE SUPPRESSION (hides nothing): ${s.file}:${s.line} ${s.checkIds.join(',')}`,
    ),
  ];
  return lines;
}
