import { css } from 'lit';

export const alertStyles = css`
  :host {
    display: block;
  }
  .alert {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    padding-block: 0.6rem;
    padding-inline: 1rem 0.75rem;
    border: 1px solid color-mix(in srgb, var(--_parley-color-danger) 40%, transparent);
    border-radius: var(--_parley-radius);
    color: var(--_parley-color-danger);
    background: color-mix(in srgb, var(--_parley-color-danger) 8%, var(--_parley-color-background));
  }
  p {
    flex: 1;
    margin: 0;
  }
  button {
    flex: none;
    padding: 0.35rem 0.8rem;
    border: 1px solid currentColor;
    border-radius: 999px;
    background: transparent;
  }
`;
