/**
 * UI strings of the live room: the sync state, a view-only participant's banner, and why the room
 * ended a connection. Merged into en.ts and zh-CN.ts under the key "room"; the type makes the
 * Chinese carry every English key.
 */
const en = {
  connecting: 'Connecting…',
  waiting_one: '{{count}} change waiting',
  waiting_other: '{{count}} changes waiting',
  offline: 'Offline',
  offlineKept_one: 'Offline: {{count}} change kept here',
  offlineKept_other: 'Offline: {{count}} changes kept here',
  notStored: 'Not saved: {{message}}',
  /** The offline indicator's tooltip: its label, then what to do, as sentences of the language. */
  offlineHint:
    '{{label}}. Keep working: your changes are kept in this window and merged when the connection is back.',
  viewOnly: 'View only: you see the map as the room edits it.',
  viewOnlyState: 'View only',
  unconfirmed_one: '{{count}} change has not reached the document yet.',
  unconfirmed_other: '{{count}} changes have not reached the document yet.',
  end: {
    replaced:
      'This map was replaced (restored from a backup or changed outside the room), so it was loaded again.',
    ended: 'Sharing stopped: this window has left the room.',
    refused: 'The room refused a change from this window; the map was loaded again as the room has it.',
    gone: 'This map is no longer available: it was deleted or its document was closed.',
    'view-only': 'This window may only view the map.',
  },
};

export const roomStrings: { en: typeof en; zhCN: typeof en } = {
  en,
  zhCN: {
    connecting: '正在连接…',
    waiting_one: '{{count}} 项更改待同步',
    waiting_other: '{{count}} 项更改待同步',
    offline: '离线',
    offlineKept_one: '离线：{{count}} 项更改保留在此处',
    offlineKept_other: '离线：{{count}} 项更改保留在此处',
    notStored: '未保存：{{message}}',
    offlineHint: '{{label}}。可以继续工作：更改保留在此窗口中，连接恢复后会自动合并。',
    viewOnly: '仅查看：你看到的是会场正在编辑的地图。',
    viewOnlyState: '仅查看',
    unconfirmed_one: '{{count}} 项更改尚未写入文档。',
    unconfirmed_other: '{{count}} 项更改尚未写入文档。',
    end: {
      replaced: '这张地图已被替换（从备份恢复，或在会场之外被修改），已重新载入。',
      ended: '共享已停止：此窗口已离开会场。',
      refused: '会场拒绝了此窗口的一项更改；地图已按会场中的内容重新载入。',
      gone: '这张地图已不可用：它已被删除，或其文档已关闭。',
      'view-only': '此窗口只能查看这张地图。',
    },
  },
};
