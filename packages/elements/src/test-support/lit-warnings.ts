// Turns Lit's dev-mode warnings into test failures. The tests load Lit's development build (see
// web-test-runner.config.js); importing this module from a test file installs the check.
const warnings: string[] = [];
const ignored = [/Lit is in dev mode/];

const originalWarn = console.warn.bind(console);
console.warn = (...parts: unknown[]) => {
  const text = parts.map(String).join(' ');
  if (text.includes('lit.dev/msg') && !ignored.some((pattern) => pattern.test(text))) warnings.push(text);
  originalWarn(...parts);
};

afterEach(() => {
  if (warnings.length > 0) {
    const found = warnings.splice(0);
    throw new Error(`Lit warned during this test:\n${found.join('\n')}`);
  }
});
