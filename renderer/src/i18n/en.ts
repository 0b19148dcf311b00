import { inspectorStrings } from './strings/inspector';
import { layoutStrings } from './strings/layout';
import { templatesStrings } from './strings/templates';

/** English UI strings. zh-CN.ts has the same keys (a test checks both have every key). */
export const en = {
  app: { name: 'Throughline', tagline: 'Strategy to execution' },
  maps: {
    heading: 'Maps',
    new: 'New map',
    newName: 'Untitled map',
    rename: 'Rename',
    duplicate: 'Duplicate',
    delete: 'Delete',
    deleteConfirm: 'Delete “{{name}}”?',
    deleteYes: 'Delete',
    deleteNo: 'Keep',
    copyOf: '{{name}} (copy)',
    nodes_one: '{{count}} node',
    nodes_other: '{{count}} nodes',
    empty: 'No maps yet. Create one to start.',
    nameLabel: 'Map name',
  },
  kinds: { goal: 'Goal', mechanism: 'Mechanism', metric: 'Metric' },
  kindsLong: { goal: 'Strategic goal', mechanism: 'Operating mechanism', metric: 'Metric' },
  lanes: { strategy: 'Strategy', operations: 'Operations', metrics: 'Metrics' },
  toolbar: {
    add: 'Add {{kind}}',
    fit: 'Fit to screen',
    language: 'Language',
    saving: 'Saving…',
    saved: 'All changes saved',
    unsaved: 'Unsaved changes',
    saveFailed: 'Not saved: {{message}}',
  },
  node: {
    untitled: 'Untitled',
    titleLabel: 'Title',
    owner: 'Owner: {{owner}}',
    noOwner: 'No owner',
    flagged_one: '{{count}} finding',
    flagged_other: '{{count}} findings',
    editHint: 'Double-click or press F2 to rename',
  },
  findings: {
    heading: 'Findings',
    none: 'No findings. Every goal has an execution path.',
    summary: '{{withPath}} of {{goals}} goals have an execution path',
    severity: { error: 'Error', warning: 'Warning', info: 'Note' },
    show: 'Show on map',
  },
  canvas: {
    label: 'Strategy map canvas',
    empty: 'Add a goal to start the map.',
    linkRefused: 'Link refused: {{reason}}',
    noMap: 'Choose or create a map.',
  },
  errors: {
    loadFailed: 'The map could not be opened: {{message}}',
    generic: 'Something went wrong: {{message}}',
  },
  language: { en: 'English', 'zh-CN': '简体中文' },
  file: {
    menu: 'File',
    library: 'Library',
    open: 'Open…',
    saveAs: 'Save as…',
    openLibrary: 'Open the library',
    recent: 'Recent',
    noRecent: 'No recent documents',
    importJson: 'Import JSON map…',
    exportJson: 'Export map as JSON',
  },
  session: {
    readOnly: 'This map is being edited in another window, so it is read-only here.',
    waiting_one: '{{count}} change made here is kept and will be saved when you take over.',
    waiting_other: '{{count}} changes made here are kept and will be saved when you take over.',
    takeOver: 'Take over editing',
    lost: 'Another window took over this map; it is read-only here now.',
  },
  inspector: inspectorStrings.en,
  layout: layoutStrings.en,
  templates: templatesStrings.en,
};

export type Strings = typeof en;
