/**
 * The ids of the built-in map templates, in the order the picker lists them. Kept apart from the
 * templates' content so the contract can name them without bundling every template's text.
 */
export const TEMPLATE_IDS = [
  'data-driven-growth',
  'checkout-conversion',
  'shopping-festival',
  'early-education-trust',
  'social-commerce-retention',
  'mission-stages',
  'product-launch-gap',
  'balanced-scorecard',
  'okrs',
  'aarrr-funnel',
] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

/** Whether a string names a built-in template. */
export function isTemplateId(value: string): value is TemplateId {
  return (TEMPLATE_IDS as readonly string[]).includes(value);
}
