/** How assistant markdown is rendered. */
export interface MarkdownOptions {
  /**
   * Load images from other sites (over `https:` only). Off by default: an image URL written by a
   * model can carry the conversation to a third party (prompt-injection exfiltration), so images
   * become links instead.
   */
  allowRemoteImages?: boolean;
  /** The text of the link that replaces an image that is not loaded. */
  imageLink?: (description: string) => string;
}

/** Renders markdown to DOM nodes that are safe to put into the page (see `renderMarkdown`). */
export type MarkdownRenderer = (source: string, options?: MarkdownOptions) => DocumentFragment;
