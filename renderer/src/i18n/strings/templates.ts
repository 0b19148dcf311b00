/**
 * UI strings of the templates area. Merged into en.ts and zh-CN.ts under the key "templates", so each
 * area owns its own file; the type makes the Chinese carry every English key.
 */
const en = {
  open: 'From template…',
  title: 'New map from a template',
  intro: 'Choose a starting point. Everything in it can be changed afterwards.',
  listLabel: 'Templates',
  nodes_one: '{{count}} node',
  nodes_other: '{{count}} nodes',
  create: 'Create map',
  creating: 'Creating…',
  cancel: 'Cancel',
  failed: 'The map could not be created: {{message}}',
};

export const templatesStrings: { en: typeof en; zhCN: typeof en } = {
  en,
  zhCN: {
    open: '从模板新建…',
    title: '从模板新建地图',
    intro: '选择一个起点，其中的所有内容之后都可以修改。',
    listLabel: '模板',
    nodes_one: '{{count}} 个节点',
    nodes_other: '{{count}} 个节点',
    create: '创建地图',
    creating: '正在创建…',
    cancel: '取消',
    failed: '无法创建地图：{{message}}',
  },
};
