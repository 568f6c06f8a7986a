export type { ToolContext, ToolDefinition } from './types';
export { defineTool, type ToolSpecification } from './define-tool';
export { ToolError } from './tool-error';
export { createGetModelInfoTool, type ModelInfo } from './get-model-info';
