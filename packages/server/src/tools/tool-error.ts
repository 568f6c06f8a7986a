/**
 * Throw from a tool's `run` to report a failure the model and the user may see: its message
 * becomes the tool's output. Any other error is reported as a generic failure, so internal
 * details (SQL, stack traces, hostnames) never reach the model or the wire.
 *
 * @example
 * ```ts
 * if (!order) throw new ToolError(`No order with number ${input.number}.`);
 * ```
 */
export class ToolError extends Error {
  override readonly name = 'ToolError';
}
