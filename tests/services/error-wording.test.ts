import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../renderer/src/api/client';
import type { TransportApi } from '../../shared/contract/api';
import {
  ERROR_REASONS,
  type ErrorReason,
  type ErrorWording,
  messageIn,
  wordError,
} from '../../shared/contract/error-wording';
import { ApiError, ApiErrorShapeSchema } from '../../shared/contract/errors';
import { METHOD_NAMES } from '../../shared/contract/methods';
import { INTERCHANGE_REFUSAL_KINDS } from '../../shared/interchange/refusals';
import { temporaryBackend } from './temporary-backend';

/** Values that cannot appear in any sentence by chance, for every parameter any sentence takes. */
const SAMPLE = {
  path: '/plans/Q3 计划.throughline',
  name: 'Q3 计划.throughline',
  detail: 'SQLITE_CORRUPT: x7',
  version: '97',
  latest: '96',
  mode: 'delete-x',
  backup: '/plans/Q3.backup-v1',
  current: '41',
  base: '40',
  map: 'Launch map',
  node: 'n_abc',
  metric: 'k_abc',
  link: 'l_abc',
  mapId: 'map_xyz',
  what: 'PDF',
  reason: 'cycle',
  kind: 'duplicate-node',
  value: 'n_twice',
  limit: '20,000',
  address: '192.0.2.7',
  label: 'Offsite Q1 ver',
  ids: 'v_one, v_two',
  problem: 'too-long',
};

function sample(reason: ErrorReason): ErrorWording {
  // Each sentence reads only its own parameters; the others are ignored.
  return { reason, params: SAMPLE } as unknown as ErrorWording;
}

const CJK = /[\u4e00-\u9fff]/;

describe('error sentences', () => {
  it.each(ERROR_REASONS)('%s is said in English and in Chinese, with the same values', (reason) => {
    const en = wordError(sample(reason), 'en');
    const zh = wordError(sample(reason), 'zh-CN');
    let englishOwn = en;
    for (const value of Object.values(SAMPLE)) englishOwn = englishOwn.replaceAll(value, '');
    expect(englishOwn).not.toMatch(CJK);
    expect(zh).toMatch(CJK);
    expect(zh).not.toContain('undefined');
    expect(en).not.toContain('undefined');
    // Every value the English sentence names, the Chinese one names too.
    for (const value of Object.values(SAMPLE)) {
      if (en.includes(value)) expect(zh, `${reason}: ${value}`).toContain(value);
    }
  });

  it.each(INTERCHANGE_REFUSAL_KINDS)('an import refused as %s is said in both languages', (kind) => {
    const wording = { reason: 'import-refused', params: { kind, value: 'v_42' } } as ErrorWording;
    const english = wordError(wording, 'en');
    expect(english).toMatch(/^This file cannot be imported: .+\.$/);
    const zh = messageIn(english, wording, 'zh-CN');
    expect(zh).toMatch(/^此文件无法导入：.+。$/);
    // A value the English sentence names is named in Chinese too (the encodings name none).
    if (english.includes('v_42')) expect(zh).toContain('v_42');
    else expect(['utf-16', 'not-utf-8']).toContain(kind);
  });

  it('a worded error says its English sentence and carries the wording across the contract', () => {
    const error = ApiError.worded('invalid-file', 'document-empty', { name: 'a.throughline' });
    expect(error.message).toBe('"a.throughline" is empty: it is not a Throughline document.');
    const shape = ApiErrorShapeSchema.parse(JSON.parse(JSON.stringify(error.toShape())));
    expect(messageIn(shape.message, shape.wording, 'zh-CN')).toBe(
      '“a.throughline”是空文件，不是 Throughline 文档。',
    );
    expect(messageIn(shape.message, shape.wording, 'en')).toBe(shape.message);
  });

  it('cannot be made without the values its sentence names (checked by tsc)', () => {
    const reasons = ['map-missing', 'internal'] as const;
    const either = reasons[Date.now() % 2] as (typeof reasons)[number];
    // @ts-expect-error: a missing value
    const missing = () => ApiError.worded('not-found', 'map-missing', {});
    // @ts-expect-error: a reason that may be either needs the values of both
    const half = () => ApiError.worded('internal', either, { mapId: 'x' });
    expect(ApiError.worded('internal', either, { mapId: 'x', detail: 'y' }).message).toMatch(/x|y/);
    expect([missing, half]).toHaveLength(2);
  });

  it('replacing a value changes the message and the wording alike', () => {
    const error = ApiError.worded('invalid-file', 'document-not-a-database', {
      path: '/tmp/.upload-1.tmp',
    }).replacing('/tmp/.upload-1.tmp', 'notes.txt');
    expect(error.message).toContain('"notes.txt"');
    expect(messageIn(error.message, error.wording, 'zh-CN')).toContain('“notes.txt”');
    // A name is taken literally: "$&" is not a replacement pattern that would bring the path back.
    const odd = ApiError.worded('invalid-file', 'document-not-a-database', { path: '/tmp/.u.tmp' }).replacing(
      '/tmp/.u.tmp',
      "a$&b$'.txt",
    );
    expect(odd.message).toContain(`"a$&b$'.txt"`);
    expect(odd.message).not.toContain('/tmp');
    expect(messageIn(odd.message, odd.wording, 'zh-CN')).toContain(`“a$&b$'.txt”`);
  });

  it('a wording that does not match its message, or is malformed, leaves the message as it came', () => {
    const message = 'There is no map "a" in this document.';
    expect(messageIn(message, { reason: 'map-missing', params: { mapId: 'b' } }, 'zh-CN')).toBe(message);
    expect(messageIn(message, { reason: 'map-missing', params: {} }, 'zh-CN')).toBe(message);
    expect(messageIn(message, { reason: 'no-such-reason', params: { mapId: 'a' } }, 'zh-CN')).toBe(message);
    expect(messageIn(message, { reason: 'map-missing', params: null } as never, 'zh-CN')).toBe(message);
    expect(messageIn(message, undefined, 'zh-CN')).toBe(message);
    expect(
      ApiErrorShapeSchema.safeParse({ code: 'internal', message, wording: { reason: 'nope', params: {} } })
        .success,
    ).toBe(false);
  });
});

describe('refusals of the main process, read in Chinese', () => {
  const env = temporaryBackend('throughline-wording-');

  function chineseClient() {
    const transport = Object.fromEntries(
      METHOD_NAMES.map((method) => [method, (args: unknown) => env.backend.registry.dispatch(method, args)]),
    ) as unknown as TransportApi;
    return createApiClient(transport, () => 'zh-CN');
  }

  it('a file that is not a Throughline document, named as the user chose it', async () => {
    const api = chineseClient();
    const refused = api.uploadDocument({
      fileName: 'notes.txt',
      base64: Buffer.from('these are not the plans you are looking for '.repeat(10)).toString('base64'),
    });
    await expect(refused).rejects.toMatchObject({
      code: 'invalid-file',
      message: '无法打开“notes.txt”：它不是 Throughline 文档（根本不是数据库文件）。文件未被改动。',
    });
  });

  it('a JSON file that is not a map, and one with a repeated node id', async () => {
    const api = chineseClient();
    await expect(api.importMapJson({ text: '{"nodes": [' })).rejects.toMatchObject({
      code: 'invalid-file',
      message: expect.stringMatching(/^此文件无法导入：文件不是有效的 JSON（.+）。$/),
    });
    const twice = {
      format: 'throughline-map',
      version: 1,
      name: 'Twice',
      nodes: [
        { id: 'a', kind: 'goal', title: 'A' },
        { id: 'a', kind: 'goal', title: 'B' },
      ],
      links: [],
    };
    await expect(api.importMapJson({ text: JSON.stringify(twice) })).rejects.toMatchObject({
      message: '此文件无法导入：有两个节点的 id 都是“a”。',
    });
  });

  it('a room change against an old revision, and a map that is not there', async () => {
    const api = chineseClient();
    // The room refuses a change to a map written around it with this wording (applyRoomChange).
    const stale = ApiError.worded('conflict', 'map-changed-elsewhere', { current: '2', base: '1' });
    expect(messageIn(stale.message, stale.wording, 'zh-CN')).toMatch(/^这张地图已在别处被修改/);
    await expect(api.loadMap({ mapId: 'gone' })).rejects.toMatchObject({
      message: '此文档中没有地图“gone”。',
    });
  });
});
