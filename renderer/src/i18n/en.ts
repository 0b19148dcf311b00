import { VALUE_LABELS } from '../../../shared/exports/outline-labels';
import { DRAWING_LABELS } from '../../../shared/render/drawing-labels';
import { backupsStrings } from './strings/backups';
import { browserFilesStrings } from './strings/browser-files';
import { checkinImportStrings } from './strings/checkin-import';
import { dateFieldStrings } from './strings/date-field';
import { exportStrings } from './strings/export';
import { inspectorStrings } from './strings/inspector';
import { layoutStrings } from './strings/layout';
import { mapDeletionStrings } from './strings/map-deletion';
import { mapPagesStrings } from './strings/map-pages';
import { metricCheckinsStrings } from './strings/metric-checkins';
import { offsiteStrings } from './strings/offsite';
import { outlineStrings } from './strings/outline';
import { pictureStrings } from './strings/picture';
import { planCheckStrings } from './strings/plan-check';
import { presenceStrings } from './strings/presence';
import { roomStrings } from './strings/room';
import { shareStrings } from './strings/share';
import { slidesStrings } from './strings/slides';
import { templatesStrings } from './strings/templates';
import { updateNumbersStrings } from './strings/update-numbers';
import { versionsStrings } from './strings/versions';

/** English UI strings. zh-CN.ts has the same keys (a test checks both have every key). */
export const en = {
  app: {
    name: 'Throughline',
    tagline: 'Strategy to execution',
    about: 'Throughline {{version}}: strategy-to-execution maps. Press ? for the keyboard shortcuts.',
  },
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
  kinds: DRAWING_LABELS.en.kinds,
  kindsLong: { goal: 'Strategic goal', mechanism: 'Operating mechanism', metric: 'Metric' },
  lanes: { strategy: 'Strategy', operations: 'Operations', metrics: 'Metrics' },
  toolbar: {
    add: 'Add {{kind}}',
    fit: 'Fit to screen',
    language: 'Language',
    saved: 'All changes saved',
    undo: 'Undo',
    redo: 'Redo',
    find: 'Find nodes',
    snap: 'Snap to grid',
    sidePanels: 'Show the map list and the inspector (Ctrl+\\)',
    theme: 'Theme',
    themes: { system: 'Auto', light: 'Light', dark: 'Dark' },
    shortcuts: 'Keyboard shortcuts',
    filters: 'Filter the map',
    present: 'Present (F5)',
  },
  functions: VALUE_LABELS.en.function,
  filters: {
    title: 'Filter',
    flaggedOnly: 'Flagged only',
    byFunction: 'Mechanisms by function',
    owner: 'Owner',
    anyOwner: 'Anyone',
    clear: 'Clear filters',
  },
  presentation: {
    step: 'Goal {{at}} of {{count}}',
    hasPath: 'Has an execution path',
    noPath: 'No execution path',
    more_one: 'and {{count}} more finding',
    more_other: 'and {{count}} more findings',
    noGoals: 'This map has no goals to present yet.',
    exit: 'End the presentation',
    keys: '← → or Page Up/Down: previous / next goal · Esc: end',
  },
  node: {
    untitled: DRAWING_LABELS.en.untitled,
    titleLabel: 'Title',
    owner: 'Owner: {{owner}}',
    noOwner: DRAWING_LABELS.en.noOwner,
    flagged_one: '{{count}} finding',
    flagged_other: '{{count}} findings',
    editHint: 'Double-click or press F2 to rename',
  },
  findings: {
    heading: 'Findings',
    none: 'No findings. Every goal has an execution path.',
    noGoals: 'No goals yet',
    noGoalsHint: 'Add a goal to start the map; the plan is checked as you build it.',
    noMap: 'Open or create a map to check its plan.',
    // Plural by the number of goals: "1 of 1 goal has…", "2 of 3 goals have…".
    summary_one: '{{withPath}} of {{count}} goal has an execution path',
    summary_other: '{{withPath}} of {{count}} goals have an execution path',
    severity: { error: 'Error', warning: 'Warning', info: 'Note' },
    show: 'Show on map',
    shown: 'Showing the first {{shown}} of {{total}}',
    more_one: 'Show {{count}} more',
    more_other: 'Show {{count}} more',
  },
  canvas: {
    label: 'Strategy map canvas',
    empty: 'Press Enter to add the first goal, or click ◆ Goal in the toolbar.',
    linkRefused: 'Link refused. {{reason}}',
    noMap: 'Choose or create a map.',
    keyboardHelp:
      'Arrow keys move between linked nodes. Tab adds the next kind under the selected node, Enter a sibling, typing renames. Press ? for every shortcut.',
    minimap: 'Overview of the map',
    selected: '{{kind}}: {{title}}. {{findings}}.',
    selectedMany: 'Several nodes selected.',
    noFindings: 'No findings',
    metricEndsChain: 'A metric ends the chain: nothing can be added under it.',
    subGoalsOfGoals: 'Only a goal has sub-goals: select a goal and press Shift+Tab.',
    copied_one: 'Copied {{count}} node.',
    copied_other: 'Copied {{count}} nodes.',
    nothingToPaste: 'Nothing to paste: copy nodes first.',
    nothingToUndo: 'Nothing to undo.',
    nothingToRedo: 'Nothing to redo.',
    linkLabel: 'Link from {{source}} to {{target}}',
  },
  flow: {
    nodeHelp: 'A node of the map. Arrow keys move between linked nodes; press ? for every shortcut.',
    edgeHelp: 'A link of the map. Press Delete to remove it.',
    moved: 'Moved the node {{direction}}.',
    controls: 'Zoom controls',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    fitView: 'Fit to screen',
    interactive: 'Lock or unlock the map',
    handle: 'Link handle: drag to another node to link them',
  },
  search: {
    label: 'Find nodes by title, owner or description',
    placeholder: 'Find by title, owner or description',
    none: 'No match',
    count: '{{at}} of {{count}}',
    previous: 'Previous match',
    next: 'Next match',
    close: 'Close search',
  },
  shortcuts: {
    click: 'click',
    title: 'Keyboard shortcuts',
    close: 'Close',
    groups: { build: 'Build the map', move: 'Move and select', edit: 'Edit', view: 'View' },
    keys: {
      addChild: 'Add a linked child of the next kind (goal → mechanism → metric)',
      addSubGoal: 'Add a sub-goal under the selected goal',
      addSibling: 'Add a sibling under the same parent',
      rename: 'Rename the selected node (or just start typing)',
      escape: 'Leave renaming, or clear the selection',
      delete: 'Delete the selection with its links',
      moveLinks: 'Go to the parent or the first child',
      moveSiblings: 'Go to the previous or next sibling',
      selectAll: 'Select every node',
      multiSelect: 'Add a node to the selection, or drag a box',
      find: 'Find nodes',
      undo: 'Undo',
      redo: 'Redo',
      clipboard: 'Copy, cut and paste nodes',
      duplicate: 'Duplicate the selection',
      fit: 'Fit the map to the screen (F never starts a rename)',
      zoom: 'Zoom in and out',
      presentation: 'Presentation mode',
      sidePanels: 'Show or hide the map list and the inspector',
      readingSize: 'Reading size: larger text for the back of the room',
      sheet: 'This sheet',
    },
    imeNote:
      'While you type through an input method (for example Pinyin), keys go to it: Enter confirms the text and adds nothing.',
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
  inspector: inspectorStrings.en,
  backups: backupsStrings.en,
  checkinImport: checkinImportStrings.en,
  layout: layoutStrings.en,
  planCheck: planCheckStrings.en,
  updateNumbers: updateNumbersStrings.en,
  mapDeletion: mapDeletionStrings.en,
  room: roomStrings.en,
  presence: presenceStrings.en,
  export: exportStrings.en,
  templates: templatesStrings.en,
  versions: versionsStrings.en,
  outline: outlineStrings.en,
  slides: slidesStrings.en,
  picture: pictureStrings.en,
  offsite: offsiteStrings.en,
  browserFiles: browserFilesStrings.en,
  dateField: dateFieldStrings.en,
  mapPages: mapPagesStrings.en,
  share: shareStrings.en,
  metricCheckins: metricCheckinsStrings.en,
};

export type Strings = typeof en;
