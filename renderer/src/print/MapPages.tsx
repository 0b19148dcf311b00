import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type Drawing, drawingSvg, type MapTile, r, tileDrawing } from '../../../shared/render';
import { type MapPageLayout, SHAPES_ONLY_BELOW } from './print-layout';

interface MapPagesProps {
  drawing: Drawing;
  layout: MapPageLayout;
  /** Page number of the first tile (the overview and header fill page 1). */
  firstTilePage: number;
}

/**
 * The map as inline vector graphics: the overview scaled to fit the first page, then — when that
 * is too small to read — one tile per page at a readable scale, each saying where the map goes on.
 */
function MapPagesView({ drawing, layout, firstTilePage }: MapPagesProps) {
  const { t } = useTranslation();
  const overview = useMemo(
    () =>
      drawingSvg(drawing, drawing.bounds, {
        width: `${r(drawing.bounds.width * layout.overviewScale)}px`,
        height: `${r(drawing.bounds.height * layout.overviewScale)}px`,
        title: t('export.print.mapHeading'),
        // Below about 4 pt the words cannot be read: boxes and links only, a smaller, faster PDF.
        detail: layout.overviewScale < SHAPES_ONLY_BELOW ? 'shapes' : 'full',
      }),
    [drawing, layout.overviewScale, t],
  );
  const tiles = useMemo(
    () =>
      layout.tiled
        ? tileDrawing(drawing, layout.tilePage, {
            scale: layout.tileScale,
            firstPage: firstTilePage,
            pageRef: (page) => t('export.print.pageRef', { page }),
            tileTitle: (tile) => `${t('export.print.mapHeading')} ${tile.label}`,
          }).tiles
        : [],
    [drawing, layout, firstTilePage, t],
  );
  return (
    <>
      <div className="print-overview" data-testid="print-overview">
        <div
          className="print-svg"
          // The SVG is written by shared/render, which escapes every piece of user text.
          // biome-ignore lint/security/noDangerouslySetInnerHtml: escaped vector markup from shared/render
          dangerouslySetInnerHTML={{ __html: overview }}
        />
        {layout.tiled ? <p className="print-note">{t('export.print.overviewNote')}</p> : null}
      </div>
      {tiles.map((tile) => (
        <section className="print-tile" key={tile.index} data-testid="print-tile">
          <p className="print-caption">
            <strong>
              {t('export.print.mapPart', { label: tile.label, index: tile.index + 1, count: tiles.length })}
            </strong>
            {continuation(tile, tiles, firstTilePage, t)}
          </p>
          <div
            className="print-svg"
            // biome-ignore lint/security/noDangerouslySetInnerHtml: escaped vector markup from shared/render
            dangerouslySetInnerHTML={{ __html: tile.svg }}
          />
        </section>
      ))}
    </>
  );
}

type Translate = ReturnType<typeof useTranslation>['t'];

/** "Continues: right on p. 5, below on p. 3", from the tile's neighbours. */
function continuation(tile: MapTile, tiles: readonly MapTile[], firstPage: number, t: Translate): string {
  const parts: string[] = [];
  for (const direction of ['above', 'below', 'left', 'right'] as const) {
    const index = tile.neighbours[direction];
    if (index === undefined || tiles[index] === undefined) continue;
    const page = t('export.print.pageRef', { page: firstPage + index });
    parts.push(t(`export.print.directions.${direction}`, { page }));
  }
  return parts.length === 0 ? '' : ` · ${t('export.print.continues', { where: parts.join(', ') })}`;
}

/** Memoised: the print view re-renders while it fits the first page; this part need not. */
export const MapPages = memo(MapPagesView);
