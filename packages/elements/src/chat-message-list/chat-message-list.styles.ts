import { css } from 'lit';

export const messageListStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    position: relative;
    min-height: 0;
  }
  .log {
    flex: 1;
    min-height: 0;
    overflow-y: auto;
    overscroll-behavior: contain;
  }
  .log:focus-visible {
    outline-offset: -2px;
  }
  .messages {
    display: flex;
    flex-direction: column;
    gap: 1.25rem;
    max-width: var(--_parley-content-width);
    margin: 0 auto;
    padding: 1.25rem 1rem 1.5rem;
  }
  .jump {
    position: absolute;
    bottom: 0.75rem;
    left: 50%;
    translate: -50% 0;
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
    padding: 0.4rem 0.9rem 0.4rem 0.7rem;
    border: 1px solid var(--_parley-color-border);
    border-radius: 999px;
    background: var(--_parley-color-background);
    box-shadow: 0 2px 10px rgb(0 0 0 / 14%);
    font-size: 0.875em;
    white-space: nowrap;
  }
  .jump:hover {
    background: color-mix(in srgb, var(--_parley-color-text) 6%, var(--_parley-color-background));
  }
  .jump svg {
    width: 16px;
    height: 16px;
  }
`;
