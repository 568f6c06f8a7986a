import { css } from 'lit';

export const sidebarStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
    height: 100%;
    background: var(--_parley-color-surface);
    color: var(--_parley-color-text);
  }
  nav {
    display: flex;
    flex-direction: column;
    flex: 1;
    min-height: 0;
  }
  .top {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    padding: 0.75rem;
  }
  .new-chat {
    flex: 1;
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    padding: 0.55rem 0.8rem;
    border: 1px solid var(--_parley-color-border);
    border-radius: var(--_parley-radius);
    background: var(--_parley-color-background);
    font-weight: 500;
  }
  .new-chat:hover {
    background: var(--_parley-color-hover);
  }
  .scroll {
    flex: 1;
    min-height: 0;
    overflow-y: auto;
    overscroll-behavior: contain;
    padding: 0 0.5rem 1rem;
  }
  h2,
  h3 {
    margin: 1rem 0.5rem 0.35rem;
    font-size: 0.75em;
    font-weight: 600;
    letter-spacing: 0.02em;
    text-transform: uppercase;
    color: var(--_parley-color-text-muted);
  }
  h3 {
    text-transform: none;
    letter-spacing: 0;
  }
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .row {
    position: relative;
    display: flex;
    align-items: center;
    border-radius: calc(var(--_parley-radius) * 0.8);
  }
  .row:hover,
  .row:focus-within {
    background: var(--_parley-color-hover);
  }
  .row.current {
    background: var(--_parley-color-selected);
  }
  .link,
  .model-toggle {
    flex: 1;
    min-width: 0;
    display: block;
    padding: 0.45rem 0.5rem;
    border: 0;
    border-radius: inherit;
    background: none;
    color: inherit;
    text-align: start;
    text-decoration: none;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .current .link {
    font-weight: 600;
  }
  .model-toggle::before {
    content: '';
    display: inline-block;
    width: 0.4em;
    height: 0.4em;
    margin-block: 0 0.15em;
    margin-inline: 0.15em 0.55em;
    /* A drawn chevron: physical sides, mirrored as a whole in right-to-left text below. */
    border-right: 2px solid currentColor;
    border-bottom: 2px solid currentColor;
    transform: rotate(-45deg);
    transition: transform 0.15s;
  }
  .model-toggle[aria-expanded='true']::before {
    transform: rotate(45deg);
  }
  /* It points to the inline end when closed: the left in Arabic and Hebrew. */
  .model-toggle:dir(rtl)::before {
    scale: -1 1;
  }
  .model-sessions {
    margin-inline-start: 1.1rem;
  }
  .actions {
    display: flex;
    padding-inline-end: 0.25rem;
    opacity: 0;
  }
  .row:hover .actions,
  .row:focus-within .actions,
  .row.current .actions {
    opacity: 1;
  }
  .icon {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: 1.9rem;
    height: 1.9rem;
    padding: 0;
    border: 0;
    border-radius: 6px;
    background: none;
    color: var(--_parley-color-text-muted);
  }
  .icon:hover {
    background: var(--_parley-color-hover);
    color: var(--_parley-color-text);
  }
  .editor {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35rem;
    padding: 0.3rem;
    width: 100%;
  }
  .editor input {
    flex: 1 1 100%;
    min-width: 0;
    padding: 0.35rem 0.5rem;
    border: 1px solid var(--_parley-color-focus);
    border-radius: 6px;
    font: inherit;
    color: inherit;
    background: var(--_parley-color-background);
  }
  .editor span {
    flex: 1 1 100%;
    padding: 0.2rem 0.25rem;
  }
  .editor button {
    padding: 0.25rem 0.7rem;
    border: 1px solid var(--_parley-color-border);
    border-radius: 6px;
    background: var(--_parley-color-background);
  }
  .editor .danger {
    border-color: var(--_parley-color-danger);
    color: var(--_parley-color-danger);
  }
  .status {
    margin: 0.5rem;
    color: var(--_parley-color-text-muted);
  }
  .error {
    color: var(--_parley-color-danger);
  }
  .more {
    display: block;
    margin: 0.5rem auto 0;
    padding: 0.3rem 0.8rem;
    border: 1px solid var(--_parley-color-border);
    border-radius: 999px;
    background: none;
    color: var(--_parley-color-text-muted);
  }
  .sentinel {
    height: 1px;
  }
  ::slotted(*) {
    flex: none;
  }
  @media (hover: none) {
    .actions {
      opacity: 1;
    }
  }
`;
