export { runTurn, type RunTurnOptions, type RunTurnResult } from './run-turn';
export { runToolCall, parseToolArguments, type ToolCallOutcome } from './run-tool-call';
export { TurnAbortedError } from './turn-aborted-error';
export { TurnFailedError } from './turn-failed-error';
export type { ToolCallRecord, TurnPartial } from './types';
