/**
 * The languages the app speaks: every user-facing sentence (findings, errors, menus, exports) is
 * written in each. A home of its own, so code that only needs a language depends on nothing else.
 */
export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];
