export { generateTitle, type GenerateTitleOptions } from './generate-title';
export { fallbackTitle } from './fallback-title';
export { cleanTitle, TITLE_LIMIT } from './clean-title';
export { TITLE_SYSTEM_PROMPT, formatTitleRequest, parseTitleRequest } from './title-prompt';
