/**
 * Polls `check` until it holds. There is no deadline of its own: the test's timeout is the hang
 * guard, so a loaded machine makes the wait longer, never a failure.
 */
export async function waitFor(check: () => Promise<boolean> | boolean, intervalMs = 20): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, intervalMs));
}
