/**
 * UI strings of the browser mode's Open and Save As, which work on Throughline's own copy of a
 * document and say so. Merged into en.ts and zh-CN.ts under the key "browserFiles"; the type makes
 * the Chinese carry every English key.
 */
const en = {
  /** Open where the browser lets a page write back to a picked file (File System Access API). */
  open: 'Open…',
  /** Open where it does not: the picked file is read once and never written. */
  openCopy: 'Open a copy…',
  /** Save As where the browser lets a page write the file the user picks. */
  saveAs: 'Save as file…',
  /** Save As where it does not: a download. */
  download: 'Download a copy',
  /** Writes the open document back to the file it was opened from or last saved as. */
  saveTo: 'Save to “{{name}}”',
  openedLinked:
    'Opened “{{name}}”. Your edits are saved in Throughline’s copy; File ▸ Save to “{{name}}” writes them to your file.',
  openedCopy:
    'Opened a copy of “{{name}}”: your file is not changed. File ▸ Download a copy gives you a file with your edits.',
  savedTo:
    'Saved to “{{name}}”. Later edits are saved in Throughline’s copy until you save to the file again.',
  notAllowed: 'The browser did not let Throughline write to “{{name}}”; nothing was saved there.',
  downloaded:
    'Downloaded a copy as “{{name}}”. Your edits stay in Throughline; download again for a newer copy.',
};

export const browserFilesStrings: { en: typeof en; zhCN: typeof en } = {
  en,
  zhCN: {
    open: '打开…',
    openCopy: '打开副本…',
    saveAs: '另存为文件…',
    download: '下载副本',
    saveTo: '保存到“{{name}}”',
    openedLinked:
      '已打开“{{name}}”。你的修改保存在 Throughline 的副本中；在“文件”菜单中选择“保存到 {{name}}”即可写回你的文件。',
    openedCopy:
      '已打开“{{name}}”的副本：你的文件不会被改动。在“文件”菜单中选择“下载副本”可得到含有你修改的文件。',
    savedTo: '已保存到“{{name}}”。之后的修改保存在 Throughline 的副本中，直到你再次保存到该文件。',
    notAllowed: '浏览器不允许 Throughline 写入“{{name}}”；没有保存到该文件。',
    downloaded: '已下载副本“{{name}}”。你的修改保留在 Throughline 中；需要更新的副本时请再次下载。',
  },
};
