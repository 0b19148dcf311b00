import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { LANGUAGES, type Language } from '../../shared/model/language';
import { CliError, describeError, EXIT } from './cli-error';
import { PACKAGE_ROOT } from './package-root';
import type { ServeOptions } from './serve';
import { printableLines } from './terminal-text';

type Options = NonNullable<ParseArgsConfig['options']>;

interface CommandSpec {
  usage: string;
  summary: string;
  options: Options;
  details: string[];
}

const COMMANDS: Record<string, CommandSpec> = {
  validate: {
    usage: 'throughline validate FILE [--json] [--lang en|zh-CN]',
    summary: 'Check the maps of a .throughline document or a .json map.',
    options: { json: { type: 'boolean' }, lang: { type: 'string' } },
    details: [
      'Prints every finding (severity, message, node and link ids) per map, or JSON with --json.',
      'Exit 0: no error-severity finding. Exit 1: at least one. Exit 2: the file cannot be read as a map.',
      'The document is read from a private copy and never changed.',
    ],
  },
  diff: {
    usage: 'throughline diff OLD NEW [--json | --markdown] [--lang en|zh-CN]',
    summary: 'Say what changed between two maps: JSON maps, or maps and versions in documents.',
    options: { json: { type: 'boolean' }, markdown: { type: 'boolean' }, lang: { type: 'string' } },
    details: [
      'OLD and NEW are each a JSON map, a document holding one map, FILE.throughline#MAP (the map now) or',
      'FILE.throughline#MAP@VERSION (a saved version); MAP is an id or a name, VERSION an id or a label.',
      'Nodes are matched by id; where cards sit is not compared; links are matched by their ends.',
      'Prints nodes added, removed and changed (each field before and after), metric values that moved,',
      'links added and removed, and goals that lost or gained their execution path, in --lang; JSON with --json,',
      'or a Markdown section "Changes since OLD" with --markdown.',
      'Exit 0: the same plan. Exit 1: they differ. Exit 2: one of them cannot be read.',
    ],
  },
  versions: {
    usage: 'throughline versions FILE [--map NAME_OR_ID] [--json] [--lang en|zh-CN]',
    summary: "List a document map's saved versions, oldest first.",
    options: { map: { type: 'string' }, json: { type: 'boolean' }, lang: { type: 'string' } },
    details: [
      'Each version with when it was saved (UTC), its label, who saved it, its id and its size.',
      'A document with several maps needs --map. The document is read from a private copy and never changed.',
      'Compare one with now: throughline diff "FILE#MAP@LABEL" "FILE#MAP".',
    ],
  },
  version: {
    usage:
      'throughline version save FILE [--map NAME_OR_ID] --label TEXT [--author NAME] [--json] [--lang en|zh-CN]',
    summary: "Save a document map's present state as a named version.",
    options: {
      map: { type: 'string' },
      label: { type: 'string' },
      author: { type: 'string' },
      json: { type: 'boolean' },
      lang: { type: 'string' },
    },
    details: [
      'The label is one line of at most 120 characters; the author defaults to the system user name.',
      'A refused label or a missing map writes nothing. The version lives inside the document.',
    ],
  },
  export: {
    usage:
      'throughline export FILE --format json|csv|xlsx|md|ics|svg|png|pdf|pptx [--map NAME_OR_ID] [--out PATH [--force]] [--lang en|zh-CN] [--paper A4|A3|Letter|Tabloid] [--landscape] [--changes-since VERSION]',
    summary:
      'Write one map as JSON, a picture (SVG, PNG), a PDF or slides (PowerPoint), its outline as CSV, Excel or Markdown, or its check-in calendar.',
    options: {
      format: { type: 'string' },
      map: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
      lang: { type: 'string' },
      paper: { type: 'string' },
      landscape: { type: 'boolean' },
      'changes-since': { type: 'string' },
    },
    details: [
      'Writes to stdout unless --out is given; xlsx, png, pdf and pptx need --out. A document with several maps needs --map.',
      'An existing --out file is replaced only with --force; the document being exported never is.',
      'csv, xlsx and md hold the outline, one row per goal-mechanism-metric path, with the findings (md, xlsx);',
      'headers, values and findings are in --lang (default en). ics is the check-in calendar: an all-day event',
      "per metric with a cadence on its next check-in's day, repeating by the cadence (iCalendar, for any calendar app).",
      'svg and png draw the whole map as the app does,',
      'in --lang; png is rasterised by the system Chromium at twice the size where the map allows.',
      'pdf prints the map, outline, metrics and findings with the system Chromium (--paper, default A4;',
      '--landscape); without Chromium, Chrome or Edge it says so and exits 2. --changes-since VERSION (a saved',
      'version of a .throughline map, by id or label) adds the section "Changes since …" in --lang.',
      "pptx writes editable 16:9 slides: title, overview, one per top goal's execution path, metrics, findings (in --lang).",
    ],
  },
  import: {
    usage: 'throughline import FILE.json --into DB [--name NAME] [--json] [--lang en|zh-CN]',
    summary: 'Add a JSON map to a .throughline document (created if missing).',
    options: {
      into: { type: 'string' },
      name: { type: 'string' },
      json: { type: 'boolean' },
      lang: { type: 'string' },
    },
    details: [
      'A file that is not structurally a Throughline map is refused and the document is left untouched.',
      'Links that break the rules (dangling, forbidden, duplicate, cyclic) are imported and listed as findings.',
    ],
  },
  'checkins import': {
    usage:
      'throughline checkins import FILE SOURCE.csv|.xlsx [--map NAME_OR_ID] [--yes] [--json] [--lang en|zh-CN]',
    summary: "Preview, then with --yes add, a CSV's or an Excel sheet's check-ins to a map's metrics.",
    options: {
      map: { type: 'string' },
      yes: { type: 'boolean' },
      json: { type: 'boolean' },
      lang: { type: 'string' },
    },
    details: [
      'SOURCE has a header row with the columns metric (id or exact title), date (YYYY-MM-DD, or an Excel',
      'date cell), value (a number, "." for decimals), and optionally note and confidence (on-track, at-risk,',
      'off-track); headers in any case, or in Chinese (指标, 日期, 数值, 备注, 信心). CSV is UTF-8; at most 5 MB.',
      'Prints each row: add, correct (the metric already has another number that day: the file corrects it),',
      'already there (the same number: nothing is added twice), or refused and why. Without --yes nothing is',
      'written; with --yes the rows to add and correct are written, the refused ones left out.',
      'Exit 0: no row refused. Exit 1: some rows refused. Exit 2: FILE, SOURCE or the map cannot be read.',
    ],
  },
  checkin: {
    usage:
      'throughline checkin FILE [--map NAME_OR_ID] --metric ID_OR_TITLE --value V [--date YYYY-MM-DD] [--note TEXT] [--confidence on-track|at-risk|off-track]',
    summary: "Add one check-in to a metric (or correct that day's).",
    options: {
      map: { type: 'string' },
      metric: { type: 'string' },
      value: { type: 'string' },
      date: { type: 'string' },
      note: { type: 'string' },
      confidence: { type: 'string' },
      lang: { type: 'string' },
    },
    details: [
      'The date defaults to today. The same rules as a row of checkins import: a metric that already has',
      'another number that day is corrected; the same number adds nothing. Exit 1 when refused (nothing written).',
    ],
  },
  'checkins due': {
    usage:
      'throughline checkins due FILE [--map NAME_OR_ID] [--owner NAME] [--json] [--lang en|zh-CN] [--today YYYY-MM-DD]',
    summary: 'List, by owner, the metrics whose numbers are due or overdue by their cadence.',
    options: {
      map: { type: 'string' },
      owner: { type: 'string' },
      json: { type: 'boolean' },
      lang: { type: 'string' },
      today: { type: 'string' },
    },
    details: [
      'due: every metric with a cadence that has no number yet, or whose next number is due (a cadence after',
      'its latest check-in) or stale (a quarter of a cadence later still), by owner; --owner NAME lists one',
      "owner's. --json prints the report as JSON (README: checkins due --json). --today judges as of another day.",
      'Exit 0 whether or not anything is due; 2 when the file, the map or the owner is not there.',
    ],
  },
  serve: {
    usage:
      'throughline serve [--port N] [--no-open] [--library PATH] [--share [--host ADDR] [--tls CERT KEY] [--lang en|zh-CN]]',
    summary:
      'Run Throughline in the browser mode, on 127.0.0.1 (and shared with the room on the LAN with --share).',
    options: {
      port: { type: 'string' },
      'no-open': { type: 'boolean' },
      library: { type: 'string' },
      share: { type: 'boolean' },
      host: { type: 'string' },
      tls: { type: 'string' },
      lang: { type: 'string' },
    },
    details: [
      'Prints "Throughline is running at <address>" and opens that address in Chromium, Chrome or Edge',
      'as an app window (or the default browser). The printed address carries a token that works once, within a minute.',
      "The library defaults to the desktop app's (library.throughline in the user-data folder).",
      'Ctrl+C stops it: the database is closed and its WAL folded back.',
      '--share also shares the live room on the LAN: it listens on the first LAN address (or --host ADDR) at',
      "--port N (default: a free port; the loopback address then takes a free one), and prints an editors' and a",
      'view-only join address, each with a QR code. Plain http: anyone on the network who sees an address can',
      'join with it. --tls CERT KEY (PEM files) serves https and wss instead. --lang says it in en or zh-CN.',
    ],
  },
  start: {
    usage: 'throughline start [--browser] [--port N] [--library PATH]',
    summary: 'What npm start runs: build if needed, then the desktop app, or the browser mode.',
    options: { browser: { type: 'boolean' }, port: { type: 'string' }, library: { type: 'string' } },
    details: [
      'Uses the desktop app (Electron) where it can run, fetching Electron once where the network allows;',
      'otherwise says why in one line and runs the browser mode, as `throughline serve`.',
    ],
  },
};

function version(): string {
  try {
    return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string })
      .version;
  } catch {
    return 'unknown';
  }
}

/** The command of a name typed on the command line; `constructor` or `toString` is none. */
function commandSpec(name: string | undefined): CommandSpec | undefined {
  return name !== undefined && Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
}

export function helpText(command?: string): string {
  const spec = commandSpec(command);
  if (spec) {
    return [
      `Usage: ${spec.usage}`,
      '',
      spec.summary,
      '',
      ...spec.details.map((line) => `  ${line}`),
      '',
    ].join('\n');
  }
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  return [
    'Throughline: strategy maps from goals to operating mechanisms to metrics.',
    '',
    'Usage: throughline <command> [options]',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, s]) => `  ${name.padEnd(width)}  ${s.summary}`),
    '',
    ...Object.values(COMMANDS).map((s) => `  ${s.usage}`),
    '',
    'throughline help <command> (or <command> --help) explains one command. --version prints the version.',
    '',
  ].join('\n');
}

interface Io {
  out: (text: string) => void;
  info: (line: string) => void;
}

const defaultIo: Io = {
  out: (text) => {
    process.stdout.write(text);
  },
  info: (line) => {
    process.stderr.write(`${line}\n`);
  },
};

/** Runs one command line; resolves with the exit code. Errors become one line on stderr, no stack. */
export async function run(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  // What goes to stderr may quote a map's name or a file's content: no control character reaches
  // the terminal. (stdout is the commands' own output: JSON, or text they made printable.)
  const safe: Io = { out: io.out, info: (line) => io.info(printableLines(line)) };
  try {
    return await dispatch(argv, safe);
  } catch (error) {
    const exitCode = error instanceof CliError ? error.exitCode : EXIT.failure;
    safe.info(`throughline: ${describeError(error)}`);
    return exitCode;
  }
}

async function dispatch(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = subcommand(argv);
  if (command === undefined || command === '--help' || command === '-h') {
    io.out(helpText());
    return EXIT.ok;
  }
  if (command === 'help') {
    const [topic] = subcommand(rest);
    if (topic !== undefined && !commandSpec(topic)) {
      throw new CliError(`"${topic}" is not a command. Run throughline --help to see the commands.`);
    }
    io.out(helpText(topic));
    return EXIT.ok;
  }
  if (command === '--version' || command === '-v') {
    io.out(`${version()}\n`);
    return EXIT.ok;
  }
  const spec = commandSpec(command);
  if (!spec && (command === 'checkins' || command.startsWith('checkins '))) {
    throw new CliError(
      'checkins needs a subcommand: due or import. Run throughline checkins due --help or throughline checkins import --help.',
    );
  }
  if (!spec) throw new CliError(`"${command}" is not a command. Run throughline --help to see the commands.`);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(helpText(command));
    return EXIT.ok;
  }

  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: [...rest],
      options: spec.options,
      allowPositionals: true,
      strict: true,
    }) as typeof parsed;
  } catch (error) {
    throw new CliError(`${(error as Error).message}\nUsage: ${spec.usage}`);
  }
  const { values, positionals } = parsed;
  const str = (name: string) => values[name] as string | undefined;
  const flag = (name: string) => values[name] === true;

  switch (command) {
    case 'validate': {
      const { validateCommand } = await import('./validate');
      return validateCommand(
        { file: onePositional(positionals, 'FILE', spec), json: flag('json'), lang: language(str('lang')) },
        io.out,
      );
    }
    case 'diff': {
      if (positionals.length !== 2) {
        throw new CliError(
          `diff compares two maps: OLD and NEW, got ${positionals.length}.\nUsage: ${spec.usage}`,
        );
      }
      if (flag('json') && flag('markdown')) {
        throw new CliError(`diff prints either --json or --markdown, not both.\nUsage: ${spec.usage}`);
      }
      const { diffCommand } = await import('./diff');
      return diffCommand(
        {
          old: positionals[0] as string,
          new: positionals[1] as string,
          json: flag('json'),
          markdown: flag('markdown'),
          lang: language(str('lang')),
        },
        io.out,
      );
    }
    case 'versions': {
      const { versionsCommand } = await import('./versions');
      return versionsCommand(
        {
          file: onePositional(positionals, 'FILE', spec),
          map: str('map'),
          json: flag('json'),
          lang: language(str('lang')),
        },
        io.out,
      );
    }
    case 'version': {
      const [action, ...files] = positionals;
      if (action !== 'save') {
        throw new CliError(
          `${action === undefined ? 'version needs an action' : `"${action}" is not an action of version`}: version save.\nUsage: ${spec.usage}`,
        );
      }
      const label = str('label');
      if (label === undefined) throw new CliError(`version save needs --label TEXT.\nUsage: ${spec.usage}`);
      const { versionSaveCommand } = await import('./versions');
      return versionSaveCommand(
        {
          file: onePositional(files, 'FILE', spec),
          map: str('map'),
          label,
          author: str('author'),
          json: flag('json'),
          lang: language(str('lang')),
        },
        io.out,
      );
    }
    case 'export': {
      const { exportCommand } = await import('./export');
      return exportCommand(
        {
          file: onePositional(positionals, 'FILE', spec),
          format: str('format') ?? 'json',
          map: str('map'),
          out: str('out'),
          force: flag('force'),
          lang: language(str('lang')),
          paper: str('paper'),
          landscape: flag('landscape'),
          changesSince: str('changes-since'),
        },
        io.out,
        io.info,
      );
    }
    case 'import': {
      const { importCommand } = await import('./import');
      const into = str('into');
      if (!into)
        throw new CliError(
          `import needs --into DB (the .throughline document to add the map to).\nUsage: ${spec.usage}`,
        );
      return importCommand(
        {
          file: onePositional(positionals, 'FILE.json', spec),
          into,
          name: str('name'),
          json: flag('json'),
          lang: language(str('lang')),
        },
        io.out,
        io.info,
      );
    }
    case 'checkins due': {
      const { checkinsDueCommand } = await import('./checkins-due');
      return checkinsDueCommand(
        {
          file: onePositional(positionals, 'FILE', spec),
          map: str('map'),
          owner: str('owner'),
          json: flag('json'),
          lang: language(str('lang')),
          today: str('today'),
        },
        io.out,
      );
    }
    case 'serve': {
      // `--tls CERT KEY`: the key is the one word after the certificate.
      noPositionals(str('tls') === undefined ? positionals : positionals.slice(1), spec);
      const { serveCommand } = await import('./serve');
      return serveCommand(
        {
          port: port(str('port')),
          open: !flag('no-open'),
          library: str('library'),
          ...shareOptions(flag('share'), str('host'), str('tls'), positionals, spec),
          lang: language(str('lang')),
        },
        io.out,
        io.info,
      );
    }
    case 'start': {
      noPositionals(positionals, spec);
      const { startCommand } = await import('./start');
      return startCommand(
        { browser: flag('browser'), port: port(str('port')), library: str('library') },
        io.out,
        io.info,
      );
    }
    case 'checkins import': {
      const { checkinsImportCommand } = await import('./checkins-import');
      const [file, source, ...more] = positionals;
      if (file === undefined || source === undefined || more.length > 0)
        throw new CliError(`checkins import takes FILE and SOURCE.\nUsage: ${spec.usage}`);
      return checkinsImportCommand(
        { file, source, map: str('map'), yes: flag('yes'), json: flag('json'), lang: language(str('lang')) },
        io.out,
      );
    }
    case 'checkin': {
      const { checkinCommand } = await import('./checkin');
      const metric = str('metric');
      const value = str('value');
      if (metric === undefined || value === undefined)
        throw new CliError(`checkin needs --metric and --value.\nUsage: ${spec.usage}`);
      return checkinCommand(
        {
          file: onePositional(positionals, 'FILE', spec),
          map: str('map'),
          metric,
          value,
          date: str('date'),
          note: str('note'),
          confidence: str('confidence'),
          lang: language(str('lang')),
        },
        io.out,
      );
    }
    default:
      throw new CliError(`"${command}" is not a command.`);
  }
}

/** `checkins import …` is the command "checkins import": a group's word and its subcommand's, as one name. */
function subcommand(argv: readonly string[]): readonly string[] {
  const [first, second, ...rest] = argv;
  return first === 'checkins' && second !== undefined && !second.startsWith('-')
    ? [`${first} ${second}`, ...rest]
    : argv;
}

function onePositional(positionals: string[], name: string, spec: CommandSpec): string {
  if (positionals.length === 0) throw new CliError(`${name} is missing.\nUsage: ${spec.usage}`);
  if (positionals.length > 1)
    throw new CliError(`Only one ${name} is expected, got ${positionals.length}.\nUsage: ${spec.usage}`);
  return positionals[0] as string;
}

/** The sharing options of `serve`: --host and --tls only with --share, --tls with both its files. */
function shareOptions(
  share: boolean,
  host: string | undefined,
  cert: string | undefined,
  positionals: string[],
  spec: CommandSpec,
): Pick<ServeOptions, 'share'> {
  if (!share) {
    if (host !== undefined || cert !== undefined) {
      throw new CliError(`--host and --tls go with --share.\nUsage: ${spec.usage}`);
    }
    return {};
  }
  if (host !== undefined && host.trim() === '')
    throw new CliError(`--host needs an address.\nUsage: ${spec.usage}`);
  if (cert === undefined) return { share: { host } };
  const key = positionals[0];
  if (key === undefined) {
    throw new CliError(`--tls needs two files: the certificate, then its private key.\nUsage: ${spec.usage}`);
  }
  return { share: { host, tls: { cert: resolve(cert), key: resolve(key) } } };
}

function noPositionals(positionals: string[], spec: CommandSpec): void {
  if (positionals.length > 0)
    throw new CliError(`Unexpected argument "${positionals[0]}".\nUsage: ${spec.usage}`);
}

function language(value: string | undefined): Language {
  if (value === undefined) return 'en';
  const match = LANGUAGES.find((lang) => lang.toLowerCase() === value.toLowerCase());
  if (!match) throw new CliError(`--lang must be one of ${LANGUAGES.join(', ')}, not "${value}".`);
  return match;
}

function port(value: string | undefined): number {
  if (value === undefined) return 0;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isInteger(n) || n > 65535) {
    throw new CliError(`--port must be a number from 0 to 65535 (0 picks a free port), not "${value}".`);
  }
  return n;
}
