/** How assistant markdown is turned into HTML. */
export interface MarkdownOptions {
  /**
   * Load images from other sites. Off by default: an image URL written by a model can carry the
   * conversation to a third party (prompt-injection exfiltration), so images become links instead.
   */
  allowRemoteImages?: boolean;
  /** The text of the link that replaces an image that is not loaded. */
  imageLink?: (description: string) => string;
}

/** Renders markdown to sanitised HTML that is safe to put into the page. */
export type MarkdownRenderer = (source: string, options?: MarkdownOptions) => string;
