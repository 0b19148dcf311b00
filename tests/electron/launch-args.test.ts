import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { documentPathFromArgv } from '../../electron/main/launch-args';

const EXE = '/opt/Throughline/throughline';

describe('documentPathFromArgv', () => {
  it('finds an absolute .throughline path', () => {
    expect(documentPathFromArgv([EXE, '/home/ann/plans/q3.throughline'], '/tmp')).toBe(
      '/home/ann/plans/q3.throughline',
    );
  });

  it('resolves a relative path against the launch folder', () => {
    expect(documentPathFromArgv([EXE, 'plans/q3.throughline'], '/home/ann')).toBe(
      '/home/ann/plans/q3.throughline',
    );
    expect(documentPathFromArgv([EXE, '../q3.THROUGHLINE'], '/home/ann/plans')).toBe(
      '/home/ann/q3.THROUGHLINE',
    );
  });

  it('skips switches, including the ones Chromium appends to a second instance', () => {
    const argv = [
      EXE,
      '--allow-file-access-from-files',
      '/home/ann/q3.throughline',
      '--original-process-start-time=13372233445566',
      '--flag=/x/evil.throughline',
    ];
    expect(documentPathFromArgv(argv, '/')).toBe('/home/ann/q3.throughline');
  });

  it('ignores the executable, the development app folder and other files', () => {
    expect(documentPathFromArgv(['/x/a.throughline'], '/')).toBeNull();
    expect(documentPathFromArgv(['/usr/bin/electron', '.'], '/work')).toBeNull();
    expect(
      documentPathFromArgv([EXE, 'notes.txt', 'map.json', 'throughline', '.throughline'], '/'),
    ).toBeNull();
    expect(documentPathFromArgv([EXE, ''], '/')).toBeNull();
    expect(documentPathFromArgv([], '/')).toBeNull();
  });

  it('takes the last document when several are given', () => {
    expect(documentPathFromArgv([EXE, '/a/one.throughline', '/a/two.throughline'], '/')).toBe(
      '/a/two.throughline',
    );
  });

  it('accepts a file:// URL and skips a malformed one', () => {
    const url = pathToFileURL('/home/ann/Q3 plan.throughline').toString();
    expect(documentPathFromArgv([EXE, url], '/')).toBe('/home/ann/Q3 plan.throughline');
    expect(documentPathFromArgv([EXE, 'file://remote-host/share/x.throughline'], '/')).toBeNull();
  });
});
