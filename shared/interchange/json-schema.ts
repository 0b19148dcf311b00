import { z } from 'zod';
import { InterchangeSchema } from './format';

/** The interchange format as a JSON Schema (draft 2020-12), generated from the zod schema. */
export function interchangeJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(InterchangeSchema, { io: 'input', target: 'draft-2020-12' }),
    $id: 'https://throughline.app/schema/throughline-map.v2.json',
    title: 'Throughline map',
  };
}
