import type { ProviderToolCall } from './types';
import type { ToolCallDelta } from './openai-chunk-schema';

interface PendingCall {
  id: string;
  name: string;
  arguments: string;
}

/**
 * Rebuilds whole tool calls from streamed deltas: the arguments arrive split across many chunks,
 * and several calls may stream side by side, told apart by `index`.
 */
export class ToolCallAssembler {
  private readonly calls: PendingCall[] = [];
  private readonly byIndex = new Map<number, PendingCall>();
  private last: PendingCall | undefined;

  get size(): number {
    return this.calls.length;
  }

  add(delta: ToolCallDelta): void {
    let call: PendingCall | undefined;
    if (delta.index === undefined || delta.index === null) {
      // Without an index, a delta continues the last call unless it brings a new id.
      call = delta.id && delta.id !== this.last?.id ? undefined : this.last;
    } else {
      call = this.byIndex.get(delta.index);
      // Some servers number every call 0: a new id on a call that has arguments starts a new one.
      if (call && delta.id && call.id && delta.id !== call.id && call.arguments !== '') call = undefined;
    }
    if (!call) {
      call = { id: '', name: '', arguments: '' };
      this.calls.push(call);
      if (delta.index !== undefined && delta.index !== null) this.byIndex.set(delta.index, call);
    }
    this.last = call;
    if (delta.id && !call.id) call.id = delta.id;
    const name = delta.function?.name;
    // Most servers send the name once, some repeat it in every delta, a few stream it in pieces.
    if (name && name !== call.name) call.name += name;
    const fragment = delta.function?.arguments;
    if (fragment) call.arguments += fragment;
  }

  /** The assembled calls in the order they started; empties the assembler. */
  take(): ProviderToolCall[] {
    const result = this.calls.map((call) => ({
      id: call.id || `call_${crypto.randomUUID()}`,
      name: call.name,
      arguments: call.arguments,
    }));
    this.calls.length = 0;
    this.byIndex.clear();
    this.last = undefined;
    return result;
  }
}
