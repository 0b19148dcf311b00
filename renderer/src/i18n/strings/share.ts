/**
 * UI strings of sharing the live room on the LAN (File ▸ Share with the room…). Merged into en.ts
 * and zh-CN.ts under the key "share"; the type makes the Chinese carry every English key.
 */
const en = {
  menuItem: 'Share with the room…',
  title: 'Share with the room',
  intro:
    'The people in the room open an address in their own browser and build the maps of this document with you: nothing to install, no account.',
  notShared:
    'The room is not shared. Sharing opens an address on this computer’s network for as long as you share.',
  start: 'Start sharing',
  starting: 'Starting…',
  stop: 'Stop sharing',
  stopping: 'Stopping…',
  close: 'Close',
  editors: 'Editors',
  editorsHint: 'Change the maps with you.',
  viewers: 'View only',
  viewersHint: 'See every change live, and change nothing.',
  qr: 'QR code of the {{who}} address',
  copy: 'Copy',
  copied: 'Copied',
  plainWarning:
    'Plain http on the local network: anyone on the network who sees one of these addresses can join with it. Show them to the room only, and stop sharing when you are done. (throughline serve --share --tls CERT KEY serves https.)',
  secureNote:
    'Served over https with your certificate: anyone who has one of these addresses can join with it.',
  stopNote: 'Stopping ends the access of every participant at once; sharing again makes new addresses.',
  failed: 'The room could not be shared: {{message}}',
  stopFailed: 'Sharing could not be stopped: {{message}}',
};

export const shareStrings: { en: typeof en; zhCN: typeof en } = {
  en,
  zhCN: {
    menuItem: '与会场共享…',
    title: '与会场共享',
    intro: '在场的人用自己的浏览器打开一个地址，就能和你一起编辑本文档的地图：无需安装，无需账号。',
    notShared: '会场尚未共享。共享期间，这台电脑会在所在网络上开放一个地址。',
    start: '开始共享',
    starting: '正在开始…',
    stop: '停止共享',
    stopping: '正在停止…',
    close: '关闭',
    editors: '编辑者',
    editorsHint: '与你一起修改地图。',
    viewers: '仅查看',
    viewersHint: '实时看到每一处修改，但不能修改。',
    qr: '{{who}}地址的二维码',
    copy: '复制',
    copied: '已复制',
    plainWarning:
      '这是局域网上未加密的 http：网络上任何看到这些地址的人都能用它加入。请只向在场的人展示，用完后停止共享。（throughline serve --share --tls CERT KEY 可提供 https。）',
    secureNote: '使用你的证书通过 https 提供：任何拿到这些地址的人都能用它加入。',
    stopNote: '停止共享会立即结束所有参与者的访问；再次共享会生成新的地址。',
    failed: '无法共享会场：{{message}}',
    stopFailed: '无法停止共享：{{message}}',
  },
};
