import type { Language } from '../validation/findings';

/** The ways a write to the plan's file can fail that a user can do something about. */
export type StorageProblem = 'full' | 'readOnly' | 'busy' | 'io';

/**
 * What the user reads when the disk refuses a write, in each language. Every message says the
 * edits are kept, because the renderer keeps unsaved changes and retries (autosave.ts): the user's
 * only job is to make room or make the file writable again. The main process answers in English
 * (the contract's messages are English); the renderer shows the sentence in the UI's language.
 */
export const STORAGE_MESSAGES: Readonly<Record<Language, Readonly<Record<StorageProblem, string>>>> = {
  en: {
    full: 'The disk is full: your last changes are kept and will be saved when there is space.',
    readOnly:
      'The plan’s file or its folder is read-only: your last changes are kept and will be saved once it can be written again.',
    busy: 'The plan’s file is in use by another program: your last changes are kept and will be saved when it lets go.',
    io: 'The plan’s file could not be written (the disk reported an error): your last changes are kept and will be saved on the next try.',
  },
  'zh-CN': {
    full: '磁盘已满：你最近的修改已保留，有空间后会自动保存。',
    readOnly: '计划文件或其所在文件夹是只读的：你最近的修改已保留，可以写入后会自动保存。',
    busy: '计划文件正被其他程序占用：你最近的修改已保留，对方释放后会自动保存。',
    io: '计划文件无法写入（磁盘报告了错误）：你最近的修改已保留，下次尝试时会再保存。',
  },
};

/** A storage message of the main process in the reader's language; any other message as it is. */
export function storageMessageIn(message: string, language: Language): string {
  const english = STORAGE_MESSAGES.en;
  for (const problem of Object.keys(english) as StorageProblem[]) {
    if (english[problem] === message) return STORAGE_MESSAGES[language][problem];
  }
  return message;
}
