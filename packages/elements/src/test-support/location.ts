// Tests change the page's URL with the History API; every test starts and ends on the original URL.
const original = location.href;

afterEach(() => {
  history.replaceState(null, '', original);
});

/** The path under which path-mode tests route, so that `/new` and `/c/…` never clash with the runner's URLs. */
export const testBasePath = '/parley-test';

/** The page's original URL. */
export const originalUrl = original;
