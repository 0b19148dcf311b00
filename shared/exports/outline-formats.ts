/**
 * The file formats of the outline export: what each is called on the contract and the command
 * line, its file extension and its media type (so a browser download and a save dialog name and
 * type the file right). `ics` is the map's check-in calendar (checkin-calendar.ts), made from the
 * same loaded map by the same call.
 */
export const OUTLINE_FORMATS = ['csv', 'xlsx', 'md', 'ics'] as const;
export type OutlineFormat = (typeof OUTLINE_FORMATS)[number];

export interface OutlineFormatFile {
  extension: string;
  mimeType: string;
}

export const OUTLINE_FORMAT_FILES: Readonly<Record<OutlineFormat, OutlineFormatFile>> = {
  csv: { extension: 'csv', mimeType: 'text/csv;charset=utf-8' },
  xlsx: {
    extension: 'xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  md: { extension: 'md', mimeType: 'text/markdown;charset=utf-8' },
  ics: { extension: 'ics', mimeType: 'text/calendar;charset=utf-8' },
};

export function isOutlineFormat(value: string): value is OutlineFormat {
  return (OUTLINE_FORMATS as readonly string[]).includes(value);
}
