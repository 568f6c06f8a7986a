import { css } from 'lit';

/** The app's frame. The sidebar's and its drawer's styles come with it (`appSidebarStyles`). */
export const appStyles = css`
  :host {
    display: block;
    position: relative;
    height: 100%;
    min-height: 20rem;
    overflow: hidden;
    container-type: inline-size;
    background: var(--_parley-color-background);
  }
  .layout {
    display: grid;
    grid-template-columns: var(--_parley-sidebar-width) minmax(0, 1fr);
    height: 100%;
  }
  .main {
    /* The last column, also before the sidebar (which arrives a moment later) takes the first. */
    grid-column: -2;
    display: flex;
    flex-direction: column;
    min-width: 0;
    min-height: 0;
  }
  .topbar {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 3.25rem;
    padding: 0.5rem 1rem;
    border-block-end: 1px solid var(--_parley-color-border);
  }
  .title {
    flex: 1;
    min-width: 0;
    margin: 0;
    font-size: 1em;
    font-weight: 600;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  chat-conversation {
    flex: 1;
  }
  .icon {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: 2.25rem;
    height: 2.25rem;
    padding: 0;
    border: 0;
    border-radius: 8px;
    background: none;
  }
  .icon:hover {
    background: var(--_parley-color-hover);
  }
  .menu {
    display: none;
  }
  /* Narrow (a phone, a small widget): the sidebar becomes a drawer over the conversation. */
  @container (max-width: 760px) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }
    .menu {
      display: inline-flex;
    }
    .topbar {
      padding-inline-start: 0.5rem;
    }
  }
`;
