import { safeFileName } from '../../../shared/interchange/file-name';
import type { Language } from '../../../shared/model/language';
import {
  type MapPicture,
  mapPicture,
  PICTURE_MIME_TYPES,
  type PictureFormat,
  type PictureMap,
  pngPicture,
} from '../../../shared/render/map-picture';

export interface PictureFile {
  fileName: string;
  mimeType: string;
  data: Blob;
}

/**
 * The map as a picture file: the SVG as shared/render draws it, or that SVG rasterised by the
 * page's own engine (an <img> drawn onto a canvas), so both modes make the same PNG without a
 * round trip. Throws EmptyPictureError for a map with no nodes.
 */
export async function mapPictureFile(
  map: PictureMap,
  format: PictureFormat,
  language: Language,
): Promise<PictureFile> {
  const mimeType = PICTURE_MIME_TYPES[format];
  const fileName = safeFileName(map.name, format);
  if (format === 'svg') {
    return { fileName, mimeType, data: new Blob([mapPicture(map, language).svg], { type: mimeType }) };
  }
  return { fileName, mimeType, data: await rasterise(pngPicture(map, language)) };
}

/** Draws the SVG at its own (already scaled) size on white and encodes it as PNG. */
async function rasterise(picture: MapPicture): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([picture.svg], { type: PICTURE_MIME_TYPES.svg }));
  try {
    const image = new Image();
    image.src = url;
    // decode() waits for the SVG to load; an SVG image uses the system's fonts, CJK included.
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = picture.width;
    canvas.height = picture.height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this window cannot draw on a canvas');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be encoded'))),
        PICTURE_MIME_TYPES.png,
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
