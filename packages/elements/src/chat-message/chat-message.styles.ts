import { css } from 'lit';

export const messageStyles = css`
  :host {
    display: block;
  }
  .user {
    display: flex;
    justify-content: flex-end;
  }
  .bubble {
    max-width: min(85%, 36rem);
    padding: 0.6rem 0.95rem;
    border-radius: calc(var(--_parley-radius) * 1.6);
    background: var(--_parley-color-surface-raised);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .assistant {
    overflow-wrap: anywhere;
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
    margin-block-end: 0.5rem;
  }
  .plain {
    white-space: pre-wrap;
  }
  .note {
    margin: 0.35rem 0 0;
    font-size: 0.85em;
    color: var(--_parley-color-text-muted);
  }
  .thinking {
    color: var(--_parley-color-text-muted);
  }
  .thinking::after {
    content: '';
    display: inline-block;
    width: 0.5em;
    height: 0.5em;
    margin-inline-start: 0.4em;
    border-radius: 50%;
    background: currentColor;
    animation: pulse 1s ease-in-out infinite alternate;
  }
  @keyframes pulse {
    from {
      opacity: 0.2;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .thinking::after {
      animation: none;
    }
  }
`;
