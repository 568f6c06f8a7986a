import { css } from 'lit';

export const composerStyles = css`
  :host {
    display: block;
  }
  .composer {
    display: flex;
    align-items: flex-end;
    gap: 0.5rem;
    padding-block: 0.5rem;
    padding-inline: 0.875rem 0.5rem;
    border: 1px solid var(--_parley-color-border);
    border-radius: calc(var(--_parley-radius) * 1.6);
    background: var(--_parley-color-background);
    box-shadow: 0 1px 3px rgb(0 0 0 / 6%);
  }
  .composer:focus-within {
    border-color: var(--_parley-color-focus);
  }
  textarea {
    flex: 1;
    min-width: 0;
    min-height: 2.25rem;
    max-height: 12rem;
    padding: 0.45rem 0;
    border: 0;
    outline: none;
    resize: none;
    font: inherit;
    line-height: 1.45;
    color: inherit;
    background: transparent;
  }
  textarea:focus-visible {
    /* The box around it shows the focus. */
    outline: none;
  }
  textarea::placeholder {
    color: var(--_parley-color-text-muted);
  }
  textarea:disabled {
    opacity: 0.6;
  }
  button {
    flex: none;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: 2.25rem;
    height: 2.25rem;
    border: 0;
    border-radius: 999px;
    background: var(--_parley-color-accent);
    color: var(--_parley-color-accent-text);
  }
  button:disabled {
    opacity: 0.35;
  }
  .stop {
    background: var(--_parley-color-text);
    color: var(--_parley-color-background);
  }
`;
