// The parts of Mocha's global API the browser tests use (web-test-runner runs them with Mocha).
type MochaDone = (error?: unknown) => void;
type MochaFunction = (this: { timeout(milliseconds: number): void }, done: MochaDone) => unknown;

declare function describe(title: string, body: () => void): void;
declare function it(title: string, body?: MochaFunction): void;
declare function before(body: MochaFunction): void;
declare function after(body: MochaFunction): void;
declare function beforeEach(body: MochaFunction): void;
declare function afterEach(body: MochaFunction): void;
