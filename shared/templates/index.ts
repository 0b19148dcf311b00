import type { Language } from '../model/language';
import type { MapContent } from '../model/types';
import { aarrrFunnel } from './aarrr-funnel';
import { balancedScorecard } from './balanced-scorecard';
import { checkoutConversion } from './checkout-conversion';
import { buildContent } from './content';
import { dataDrivenGrowth } from './data-driven-growth';
import type { TemplateDefinition } from './define';
import { earlyEducationTrust } from './early-education-trust';
import { TEMPLATE_IDS, type TemplateId } from './ids';
import { missionStages } from './mission-stages';
import { okrs } from './okrs';
import { productLaunchGap } from './product-launch-gap';
import { shoppingFestival } from './shopping-festival';
import { socialCommerceRetention } from './social-commerce-retention';

export type { Localized, NodeSpec, TemplateDefinition } from './define';
export { isTemplateId, TEMPLATE_IDS, type TemplateId } from './ids';
export { LANE_X, lanePositions, ROW_GAP } from './lane-positions';

const BY_ID: Readonly<Record<TemplateId, TemplateDefinition>> = {
  'data-driven-growth': dataDrivenGrowth,
  'checkout-conversion': checkoutConversion,
  'shopping-festival': shoppingFestival,
  'early-education-trust': earlyEducationTrust,
  'social-commerce-retention': socialCommerceRetention,
  'mission-stages': missionStages,
  'product-launch-gap': productLaunchGap,
  'balanced-scorecard': balancedScorecard,
  okrs,
  'aarrr-funnel': aarrrFunnel,
};

/** Every built-in template, in the order the picker lists them. */
export const TEMPLATES: readonly TemplateDefinition[] = TEMPLATE_IDS.map((id) => BY_ID[id]);

/** The template of an id. */
export function templateById(id: TemplateId): TemplateDefinition {
  return BY_ID[id];
}

/** A template's name in a language: the default name of a map made from it. */
export function templateName(id: TemplateId, language: Language): string {
  return BY_ID[id].name[language];
}

/** A template's one-line description in a language. */
export function templateSummary(id: TemplateId, language: Language): string {
  return BY_ID[id].summary[language];
}

/** The nodes (laid out in lanes) and links of a new map made from a template, in one language. */
export function templateContent(id: TemplateId, language: Language): MapContent {
  return buildContent(BY_ID[id], language);
}
