import { z } from 'zod';

/** One piece of a streamed tool call; `index` tells parallel calls apart. */
const toolCallDeltaSchema = z.object({
  index: z.number().int().nonnegative().nullish(),
  id: z.string().nullish(),
  function: z
    .object({
      name: z.string().nullish(),
      arguments: z.string().nullish(),
    })
    .nullish(),
});
/** One streamed piece of a tool call, as validated. */
export type ToolCallDelta = z.infer<typeof toolCallDeltaSchema>;

/**
 * A `chat.completion.chunk` as OpenAI-compatible servers stream it. Lenient on purpose (servers differ
 * in what they send as null or omit); everything else in the chunk is ignored.
 */
export const openAIChunkSchema = z.object({
  choices: z
    .array(
      z.object({
        index: z.number().nullish(),
        delta: z
          .object({
            content: z.string().nullish(),
            tool_calls: z.array(toolCallDeltaSchema).nullish(),
          })
          .nullish(),
        finish_reason: z.string().nullish(),
      }),
    )
    .nullish(),
  /** OpenRouter and others report failures that happen after the headers inside the stream. */
  error: z.unknown().optional(),
});
/** A validated `chat.completion.chunk`. */
export type OpenAIChunk = z.infer<typeof openAIChunkSchema>;
