import type { z } from 'zod';
import type { ToolContext, ToolDefinition } from './types';

/** What {@link defineTool} takes: a tool whose `run` receives the parsed, validated input. */
export interface ToolSpecification<Schema extends z.ZodType, Output> {
  /** The name the model calls, e.g. `get_weather` (letters, digits, `_` and `-`). */
  name: string;
  /** Tells the model when and how to use the tool. */
  description: string;
  /** Validates the model's arguments; its JSON schema is sent to the model. */
  input: Schema;
  run(input: z.output<Schema>, context: ToolContext): Promise<Output> | Output;
}

/**
 * Declares a server tool with its input type inferred from the zod schema. Identity at run time.
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * const getWeather = defineTool({
 *   name: 'get_weather',
 *   description: 'The current weather in a city.',
 *   input: z.object({ city: z.string() }),
 *   run: async ({ city }, { signal }) => fetchWeather(city, signal),
 * });
 * ```
 */
export function defineTool<Schema extends z.ZodType, Output>(
  tool: ToolSpecification<Schema, Output>,
): ToolDefinition<z.output<Schema>, Output> {
  return tool as ToolDefinition<z.output<Schema>, Output>;
}
