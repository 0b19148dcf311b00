/** The slides export's file: its extension and media type (a browser download and a save dialog name and type it right). */
export const SLIDES_FILE = {
  extension: 'pptx',
  mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
} as const;
