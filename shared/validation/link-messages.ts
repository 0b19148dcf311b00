import type { Language } from '../model/language';
import type { LinkRefusal } from '../model/link-rules';

/** Short sentences shown on the canvas when a link the user draws is refused (see checkNewLink). */
const LINK_REFUSALS: Readonly<Record<Language, Readonly<Record<LinkRefusal, string>>>> = {
  en: {
    'missing-node': 'One end of this link no longer exists.',
    'self-link': 'A node cannot link to itself.',
    'into-goal': 'Only a goal can point to a goal: links run from strategy towards measurement.',
    'out-of-metric': 'A metric cannot point to anything: links end at metrics.',
    duplicate: 'These two nodes are already linked.',
    cycle: 'This link would make a loop: links must run one way.',
    'read-only': 'This map is being edited in another window; take over to edit it here.',
  },
  'zh-CN': {
    'missing-node': '这条连线的一端已不存在。',
    'self-link': '节点不能连向自己。',
    'into-goal': '只有目标可以指向目标：连线只能从战略指向衡量。',
    'out-of-metric': '指标不能指向任何节点：连线到指标为止。',
    duplicate: '这两个节点之间已经有连线了。',
    cycle: '这条连线会形成循环：连线只能单向。',
    'read-only': '这张地图正在另一个窗口中编辑；接管后才能在这里编辑。',
  },
};

/** Why a drawn link was refused, in one short sentence. */
export function describeLinkRefusal(reason: LinkRefusal, lang: Language): string {
  return LINK_REFUSALS[lang][reason];
}
