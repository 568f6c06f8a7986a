import { css } from 'lit';

export const conversationStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
    background: var(--_parley-color-background);
  }
  chat-message-list {
    flex: 1;
  }
  .empty {
    flex: 1;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 0.4rem;
    padding: 2rem 1.5rem;
    text-align: center;
  }
  .empty h2 {
    margin: 0;
    font-size: 1.5em;
    font-weight: 600;
  }
  .empty p {
    margin: 0;
    color: var(--_parley-color-text-muted);
  }
  .empty + chat-message-list {
    flex: 0;
  }
  .footer {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    width: 100%;
    max-width: var(--_parley-content-width);
    margin: 0 auto;
    padding: 0 1rem 1rem;
  }
  .status {
    margin: 0;
    color: var(--_parley-color-text-muted);
  }
  .deleted {
    display: flex;
    align-items: center;
    gap: 0.75rem;
  }
  .deleted p {
    margin: 0;
  }
`;
