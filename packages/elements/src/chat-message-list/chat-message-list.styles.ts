import { css } from 'lit';

export const messageListStyles = css`
  :host {
    display: flex;
    flex-direction: column;
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
`;
