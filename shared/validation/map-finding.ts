import type { Finding, FindingCode, Language, Severity } from './findings';
import { findingMessage, type MessageParams } from './messages';

/** Shared by every finding that concerns no link; frozen, so nobody can add to it by mistake. */
export const NO_LINKS: readonly string[] = Object.freeze([]);

/**
 * A finding as the validator makes it. Its sentences are written the first time `message` is
 * read, then kept: a large map has tens of thousands of findings, of which a screen shows a few
 * dozen, and writing every one in two languages up front was half the validator's time at 100k
 * nodes. It serialises (JSON, the CLI's --json) with its message like any Finding.
 */
export class MapFinding<C extends FindingCode = FindingCode> implements Finding {
  #params: MessageParams[C];
  #message: Record<Language, string> | undefined;

  constructor(
    readonly code: C,
    readonly severity: Severity,
    readonly nodeIds: readonly string[],
    readonly linkIds: readonly string[],
    params: MessageParams[C],
  ) {
    this.#params = params;
  }

  get message(): Record<Language, string> {
    this.#message ??= findingMessage(this.code, this.#params);
    return this.#message;
  }

  toJSON(): Finding {
    return {
      code: this.code,
      severity: this.severity,
      nodeIds: this.nodeIds,
      linkIds: this.linkIds,
      message: this.message,
    };
  }
}
