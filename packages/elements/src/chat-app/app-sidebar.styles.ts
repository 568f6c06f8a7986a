import { css } from 'lit';

/** The sidebar inside `<chat-app>` and its drawer; added to the app with `AppSidebarController`. */
export const appSidebarStyles = css`
  .sidebar {
    min-height: 0;
    border-inline-end: 1px solid var(--_parley-color-border);
  }
  .close,
  .backdrop {
    display: none;
  }
  @container (max-width: 760px) {
    .sidebar {
      position: absolute;
      inset-block: 0;
      inset-inline: 0 auto;
      z-index: 2;
      width: min(85%, 20rem);
      border-inline-end: 0;
      box-shadow: 0 0 24px rgb(0 0 0 / 25%);
      transform: translateX(-100%);
      visibility: hidden;
      /* Hidden only once it has slid out; visible (and focusable) as soon as it opens. */
      transition:
        transform 0.2s ease,
        visibility 0s linear 0.2s;
    }
    /* The drawer slides in from the inline start: the right in Arabic and Hebrew. */
    .sidebar:dir(rtl) {
      transform: translateX(100%);
    }
    .open .sidebar {
      transform: none;
      visibility: visible;
      transition: transform 0.2s ease;
    }
    .close {
      display: inline-flex;
    }
    .open .backdrop {
      display: block;
      position: absolute;
      inset: 0;
      z-index: 1;
      background: var(--_parley-color-backdrop);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .sidebar {
      transition: none;
    }
  }
`;
