import { describe, expect, it } from 'vitest';
import type { ModelConfig } from '../models/types';
import { createGetModelInfoTool } from './get-model-info';
import { ToolError } from './tool-error';
import type { ToolContext } from './types';

const models: ModelConfig[] = [
  { id: 'general', name: 'Parley', description: 'The general chat.', systemPrompt: 'secret prompt' },
  { id: 'coder', name: 'Coder', description: 'Writes code.', providerModel: 'openai/gpt-4o' },
];
const tool = createGetModelInfoTool((id) => models.find((model) => model.id === (id ?? 'general')));

function context(modelId: string | null): ToolContext {
  return { userId: 'u1', sessionId: 's1', modelId, signal: new AbortController().signal };
}

describe('get_model_info', () => {
  it("returns the conversation's model: id, name and description only", async () => {
    expect(await tool.run({}, context('coder'))).toEqual({
      id: 'coder',
      name: 'Coder',
      description: 'Writes code.',
    });
  });

  it('looks up the default model for the general chat', async () => {
    expect(await tool.run({}, context(null))).toEqual({
      id: 'general',
      name: 'Parley',
      description: 'The general chat.',
    });
  });

  it('describes another model when asked by id', async () => {
    expect(await tool.run({ model_id: 'general' }, context('coder'))).toMatchObject({ id: 'general' });
  });

  it('throws a ToolError for an unknown model', async () => {
    await expect(async () => tool.run({ model_id: 'nope' }, context(null))).rejects.toThrow(ToolError);
    await expect(async () => tool.run({ model_id: 'nope' }, context(null))).rejects.toThrow('"nope"');
  });

  it('validates its input', () => {
    expect(tool.name).toBe('get_model_info');
    expect(tool.input.safeParse({}).success).toBe(true);
    expect(tool.input.safeParse({ model_id: 'coder' }).success).toBe(true);
    expect(tool.input.safeParse({ model_id: 7 }).success).toBe(false);
  });
});
