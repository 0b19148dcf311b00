import { renderUnicodeCompact } from 'uqr';
import type { ShareInfo } from '../../shared/contract';
import type { Language } from '../../shared/model/language';

const WORDS = {
  en: {
    editors: 'Editors join at: ',
    viewers: 'View only (observers) at: ',
    plain:
      'This room is plain http on the local network: anyone on the network who sees one of these addresses can join with it. Share them only with the room; use --tls CERT KEY for https. Ctrl+C ends the room.',
    secure:
      'This room is served over https with your certificate: anyone who has one of these addresses can join with it. Ctrl+C ends the room.',
  },
  'zh-CN': {
    editors: '编辑者加入地址：',
    viewers: '仅查看（观察者）地址：',
    plain:
      '此会场在局域网上使用未加密的 http：网络上任何看到这些地址的人都能用它加入。请只分享给在场的人；如需 https，请使用 --tls CERT KEY。按 Ctrl+C 结束会场。',
    secure: '此会场使用你的证书通过 https 提供：任何拿到这些地址的人都能用它加入。按 Ctrl+C 结束会场。',
  },
} as const satisfies Record<Language, Record<string, string>>;

/** A join address as a QR code a phone or laptop camera reads off the terminal (light modules drawn). */
export function terminalQr(url: string): string {
  return renderUnicodeCompact(url, { border: 2 });
}

/**
 * What `serve --share` prints once the room is shared: the editors' address and its QR code, the
 * observers' address and its QR code, and plainly what the room exposes.
 */
export function shareLines(share: ShareInfo, lang: Language): string {
  const words = WORDS[lang];
  return [
    `${words.editors}${share.editUrl}`,
    terminalQr(share.editUrl),
    '',
    `${words.viewers}${share.viewUrl}`,
    terminalQr(share.viewUrl),
    '',
    share.secure ? words.secure : words.plain,
    '',
  ].join('\n');
}
