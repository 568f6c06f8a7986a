import { z } from 'zod';
import type { ToolDefinition } from '../tools/types';

/** The `tools` entry of a chat-completions request. */
export interface OpenAITool {
  type: 'function';
  function: { name: string; description: string; parameters: Record<string, unknown> };
}

const cache = new WeakMap<ToolDefinition, OpenAITool>();

/** Describes a tool for the chat-completions API; the JSON schema is derived once per tool. */
export function toOpenAITool(tool: ToolDefinition): OpenAITool {
  let described = cache.get(tool);
  if (!described) {
    const { $schema: _ignored, ...parameters } = z.toJSONSchema(tool.input, {
      io: 'input',
      unrepresentable: 'any',
    }) as Record<string, unknown>;
    described = {
      type: 'function',
      function: { name: tool.name, description: tool.description, parameters },
    };
    cache.set(tool, described);
  }
  return described;
}
