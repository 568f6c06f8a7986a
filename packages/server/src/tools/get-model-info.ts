import { z } from 'zod';
import type { ModelConfig } from '../models/types';
import { defineTool } from './define-tool';
import { ToolError } from './tool-error';
import type { ToolDefinition } from './types';

/** What `get_model_info` returns to the model. */
export interface ModelInfo {
  id: string;
  name: string;
  description: string;
}

const getModelInfoInput = z.object({
  model_id: z.string().optional().describe('A model id; the model of this conversation when omitted.'),
});

/**
 * The `get_model_info` tool (the seed's first tool): the id, name and description of the model of
 * the conversation, or of another model by id.
 *
 * @param lookup finds a model by id; `null` is the general chat (the default model).
 * @example
 * ```ts
 * const getModelInfo = createGetModelInfoTool((id) => (id === null ? defaultModel : models.get(id)));
 * ```
 */
export function createGetModelInfoTool(
  lookup: (modelId: string | null) => ModelConfig | undefined,
): ToolDefinition<z.output<typeof getModelInfoInput>, ModelInfo> {
  return defineTool({
    name: 'get_model_info',
    description:
      'Returns the id, name and description of the AI model in this conversation ' +
      '(or of another model, given its id).',
    input: getModelInfoInput,
    run(input, context): ModelInfo {
      const modelId = input.model_id ?? context.modelId;
      const model = lookup(modelId);
      if (!model) {
        throw new ToolError(
          modelId === null ? 'No default model is configured.' : `There is no model "${modelId}".`,
        );
      }
      return { id: model.id, name: model.name, description: model.description };
    },
  });
}
