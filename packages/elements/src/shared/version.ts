/** The version of `@parley/elements`, compared when a tag is defined twice on one page. */
export const version = '0.1.0';
