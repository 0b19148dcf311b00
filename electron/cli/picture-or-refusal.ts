import { EmptyPictureError, type MapPicture } from '../../shared/render/map-picture';
import { CliError } from './cli-error';

/** A map with no nodes has no picture: said as the command line's one-line refusal (exit 2). */
export function pictureOrRefusal(draw: () => MapPicture): MapPicture {
  try {
    return draw();
  } catch (error) {
    if (error instanceof EmptyPictureError) throw new CliError(error.message);
    throw error;
  }
}
