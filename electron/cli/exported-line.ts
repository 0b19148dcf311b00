import type { Language } from '../../shared/model/language';

/** What an export with --out says on stderr once the file is written, in the language of --lang. */
export type ExportDetail =
  | { kind: 'none' }
  | { kind: 'pdf'; paper: string; landscape: boolean }
  | { kind: 'png'; width: number; height: number };

const DETAIL: Readonly<Record<Language, (detail: ExportDetail) => string>> = {
  en: (d) =>
    d.kind === 'pdf'
      ? ` (${d.paper}, ${d.landscape ? 'landscape' : 'portrait'})`
      : d.kind === 'png'
        ? ` (${d.width}×${d.height} px)`
        : '',
  'zh-CN': (d) =>
    d.kind === 'pdf'
      ? `（${d.paper}，${d.landscape ? '横向' : '纵向'}）`
      : d.kind === 'png'
        ? `（${d.width}×${d.height} 像素）`
        : '',
};

/** `Exported "Plan" to out.pdf (A4, portrait).` or `已将“Plan”导出到 out.pdf（A4，纵向）。` */
export function exportedLine(
  lang: Language,
  name: string,
  out: string,
  detail: ExportDetail = { kind: 'none' },
) {
  return lang === 'zh-CN'
    ? `已将“${name}”导出到 ${out}${DETAIL[lang](detail)}。`
    : `Exported "${name}" to ${out}${DETAIL[lang](detail)}.`;
}
