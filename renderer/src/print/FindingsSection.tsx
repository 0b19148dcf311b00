import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/model/language';
import type { MapNode } from '../../../shared/model/types';
import { groupFindings } from '../../../shared/validation/finding-groups';
import type { Finding } from '../../../shared/validation/findings';
import { joinList } from './format';

interface FindingsSectionProps {
  findings: readonly Finding[];
  nodes: ReadonlyMap<string, MapNode>;
  language: Language;
}

/**
 * Every finding in the reader's language, with the nodes it concerns, in the findings panel's
 * groups (strategy, links, data, notes), each worst first.
 */
function FindingsSectionView({ findings, nodes, language }: FindingsSectionProps) {
  const { t } = useTranslation();
  const nodeName = (id: string) => {
    const node = nodes.get(id);
    if (!node) return id;
    const title = node.title.trim() === '' ? t('node.untitled') : node.title;
    return `${t(`kinds.${node.kind}`)}: ${title}`;
  };
  return (
    <section className="print-section print-findings" aria-labelledby="print-findings-heading">
      <h2 id="print-findings-heading">{t('export.print.findingsHeading')}</h2>
      {findings.length === 0 ? (
        <p>{t('export.print.noFindings')}</p>
      ) : (
        <table className="print-table">
          <thead>
            <tr>
              <th scope="col">{t('export.print.severity')}</th>
              <th scope="col">{t('export.print.finding')}</th>
              <th scope="col">{t('export.print.concerns')}</th>
            </tr>
          </thead>
          <tbody>
            {groupFindings(findings).flatMap(({ group, findings: list }) => [
              <tr key={group} className="print-findings__group" data-group={group}>
                <th scope="colgroup" colSpan={3}>
                  {t('planCheck.groupLabel', { group: t(`planCheck.groups.${group}`), count: list.length })}
                </th>
              </tr>,
              ...list.map((finding, i) => (
                // Findings have no id; their order is stable for one map.
                // biome-ignore lint/suspicious/noArrayIndexKey: a static list, never reordered
                <tr key={`${group}-${i}`} className={`finding finding--${finding.severity}`}>
                  <td className="nowrap severity">{t(`findings.severity.${finding.severity}`)}</td>
                  <td>{finding.message[language]}</td>
                  <td>{joinList(finding.nodeIds.map(nodeName), language) || t('export.print.notSet')}</td>
                </tr>
              )),
            ])}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Memoised: the print view re-renders while it fits the first page; this part need not. */
export const FindingsSection = memo(FindingsSectionView);
