import { css } from 'lit';

/**
 * How rendered markdown looks inside `<chat-message>`. It travels with the markdown renderer (a
 * lazy chunk of the embed), since nothing needs it before an answer is rendered as markdown.
 */
export const markdownStyles = css`
  .content > :first-child {
    margin-block-start: 0;
  }
  .content > :last-child {
    margin-block-end: 0;
  }
  .content :is(p, ul, ol, pre, blockquote, table) {
    margin: 0 0 0.8em;
  }
  .content :is(h1, h2, h3, h4, h5, h6) {
    margin: 1.1em 0 0.5em;
    line-height: 1.25;
  }
  .content h1 {
    font-size: 1.4em;
  }
  .content h2 {
    font-size: 1.25em;
  }
  .content h3 {
    font-size: 1.1em;
  }
  .content :is(ul, ol) {
    padding-inline-start: 1.5em;
  }
  .content li + li {
    margin-block-start: 0.2em;
  }
  .content a {
    color: var(--_parley-color-accent);
  }
  .content code {
    font-family: var(--_parley-font-family-code);
    font-size: 0.9em;
    padding: 0.1em 0.35em;
    border-radius: 4px;
    background: var(--_parley-color-code-background);
  }
  .content pre {
    /* Code reads left to right, in a right-to-left answer too. */
    direction: ltr;
    overflow-x: auto;
    padding: 0.8em 1em;
    border: 1px solid var(--_parley-color-border);
    border-radius: var(--_parley-radius);
    background: var(--_parley-color-code-background);
  }
  .content pre code {
    padding: 0;
    background: none;
    font-size: 0.875em;
  }
  .content blockquote {
    padding-inline-start: 0.9em;
    border-inline-start: 3px solid var(--_parley-color-border);
    color: var(--_parley-color-text-muted);
  }
  .content table {
    display: block;
    overflow-x: auto;
    border-collapse: collapse;
  }
  .content :is(th, td) {
    padding: 0.35em 0.7em;
    border: 1px solid var(--_parley-color-border);
    text-align: start;
  }
  .content hr {
    border: 0;
    border-block-start: 1px solid var(--_parley-color-border);
  }
  .content img {
    max-width: 100%;
  }
`;
