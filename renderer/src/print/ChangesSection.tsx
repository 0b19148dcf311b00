import { memo, useMemo } from 'react';
import { diffMaps } from '../../../shared/diff';
import { diffReport } from '../../../shared/exports/diff-report';
import { DIFF_WORDS } from '../../../shared/exports/diff-words';
import type { Language } from '../../../shared/model/language';
import type { MapContent } from '../../../shared/model/types';
import { formatPrintDate } from '../../../shared/print/print-date';
import type { VersionSummary } from '../../../shared/versions';

/** The saved version a PDF's "Changes since …" section compares the map with. */
export interface PrintedVersion {
  version: VersionSummary;
  content: MapContent;
}

interface ChangesSectionProps {
  since: PrintedVersion;
  /** The map as printed. */
  now: MapContent;
  language: Language;
}

/**
 * "Changes since "Offsite Q1" · 12 May 2026": what changed from a saved version to the map as it
 * is printed, in the document's language: the same report, words and order as the app's
 * comparison, the command line's `diff` and the Markdown (shared/diff, shared/exports/diff-report.ts
 * and diff-words.ts): nodes added, removed and changed (before → after), metric values that moved,
 * links added and removed, goals that lost or gained their execution path. React escapes the text.
 */
function ChangesSectionView({ since, now, language }: ChangesSectionProps) {
  const words = DIFF_WORDS[language];
  const report = useMemo(
    () => diffReport(diffMaps(since.content, now), since.content, now, language, (text) => text),
    [since.content, now, language],
  );
  const day = formatPrintDate(since.version.createdAt.slice(0, 10), language);
  return (
    <section className="print-section print-changes" aria-labelledby="print-changes-heading">
      <h2 id="print-changes-heading">
        {words.changesSince(words.quote(since.version.label))} · {day}
      </h2>
      <p className="print-changes__summary">{report.summary}</p>
      {report.empty ? <p>{words.positionsNote}</p> : null}
      {report.sections.map((section) => (
        <div key={section.kind} className="print-changes__kind">
          <h3>{section.heading}</h3>
          <ul>
            {section.items.map((item) => (
              <li key={`${item.nodeId} ${item.text}`}>
                {item.text}
                {item.details.length > 0 ? (
                  <ul>
                    {item.details.map((detail) => (
                      <li key={detail}>{detail}</li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

export const ChangesSection = memo(ChangesSectionView);
