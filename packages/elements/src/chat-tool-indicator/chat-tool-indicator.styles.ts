import { css } from 'lit';

export const toolIndicatorStyles = css`
  :host {
    display: inline-flex;
    max-width: 100%;
  }
  .tool {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    padding: 0.2rem 0.6rem;
    border: 1px solid var(--_parley-color-border);
    border-radius: 999px;
    font-size: 0.85em;
    color: var(--_parley-color-text-muted);
    background: var(--_parley-color-surface);
  }
  .failed {
    color: var(--_parley-color-danger);
  }
  .started svg {
    animation: turn 1.2s linear infinite;
  }
  @keyframes turn {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .started svg {
      animation: none;
    }
  }
`;
