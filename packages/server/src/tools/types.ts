import type { z } from 'zod';

/** What a tool knows about the turn it runs in. */
export interface ToolContext {
  userId: string;
  sessionId: string;
  /** The Parley model id of the conversation (null for the general chat). */
  modelId: string | null;
  signal: AbortSignal;
}

/**
 * A tool the server runs on the model's behalf. Integrators add their own; the input is
 * validated with `input` (a zod schema) before `run` is called.
 */
export interface ToolDefinition<Input = unknown, Output = unknown> {
  name: string;
  description: string;
  input: z.ZodType<Input>;
  run(input: Input, context: ToolContext): Promise<Output> | Output;
}
