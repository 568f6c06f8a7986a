import { streamError, withToken, withToolEvent, now } from './answer-updates';
import type { Conversation } from './conversation';
import { ConversationState } from './conversation-state';
import type { Turn } from './conversation-turn';
import type { ChatError } from './errors';
import type { StreamEvent, ToolEvent } from './protocol/events';
import type { ToolCall } from './protocol/resources';

/**
 * How a {@link Conversation} applies its answer's stream events to its messages, and how a turn
 * ends otherwise: failed, stopped, abandoned, or gone with a conversation deleted elsewhere.
 */
export abstract class ConversationEvents extends ConversationState {
  protected handle(turn: Turn, event: StreamEvent): void {
    switch (event.type) {
      case 'session_created':
        this.sessionCreated(turn, event.session_id, event.model_id, event.title);
        break;
      case 'token': {
        const message = this.updateAnswer(turn, (answer) => withToken(answer, event.content));
        this.emit('token', { content: event.content, message });
        break;
      }
      case 'tool':
        this.tool(turn, event);
        break;
      case 'title':
        // The store has the session since `session_created`; `#followSession` takes the title from it.
        this.context.sessions.update(event.session_id, { title: event.title });
        break;
      case 'done': {
        const status = event.finish_reason === 'stopped' ? 'partial' : 'complete';
        const message = this.finish(turn, 'idle', { id: event.message_id, status });
        this.emit('done', { messageId: event.message_id, finishReason: event.finish_reason, message });
        break;
      }
      case 'error':
        this.fail(turn, streamError(event));
    }
  }

  protected sessionCreated(turn: Turn, sessionId: string, modelId: string | null, title: string): void {
    // A replay after an idempotent retry repeats it: the conversation already has its id.
    if (this.state.sessionId !== null) return;
    this.state.pendingCreation = null;
    this.state.sessionId = sessionId;
    this.state.modelId = modelId;
    this.state.title = title;
    const created_at = now();
    // The sidebar first, in this same task: it shows the conversation in the frame the URL changes.
    this.context.sessions.upsert({
      id: sessionId,
      model_id: modelId,
      title,
      is_active: true,
      created_at,
      updated_at: created_at,
    });
    // Only a Conversation is built on these layers.
    this.context.created(this as unknown as Conversation);
    this.followSession();
    this.setStatus('streaming');
    this.emit('session-created', { sessionId, modelId, title });
    this.emit('conversation-created', { sessionId, modelId });
    if (turn.stopRequested) this.interrupt(turn);
  }

  protected tool(turn: Turn, event: ToolEvent): void {
    let toolCall!: ToolCall;
    const message = this.updateAnswer(turn, (answer) => {
      const applied = withToolEvent(answer, event);
      toolCall = applied.toolCall;
      return applied.answer;
    });
    this.emit('tool', { toolCall, message });
  }

  protected fail(turn: Turn, error: ChatError): void {
    if (turn.finished) return;
    this.state.error = error;
    this.state.failedText = turn.text;
    // Nothing of this turn was stored when it failed before the server took it on.
    if (this.state.sessionId === null || turn.phase !== 'reading') {
      this.state.rejected.add(turn.userMessageId).add(turn.answerId);
      this.state.messages = this.state.messages.map((message) =>
        message.id === turn.userMessageId ? { ...message, status: 'error' } : message,
      );
    }
    const status = error.code === 'interrupted' ? 'interrupted' : 'error';
    const message = this.finish(turn, 'error', { status });
    this.emit('error', { error, message });
  }

  /** Stops a turn of a stored conversation, keeping what was written. */
  protected interrupt(turn: Turn): void {
    if (turn.finished) return;
    // Best effort: if it fails, the server finishes the answer and the next load shows all of it.
    turn.stopRequest = this.context.transport.stopTurn(this.state.sessionId!).catch(() => {});
    turn.controller.abort();
    const message = this.finish(turn, 'idle', { status: 'partial' });
    this.emit('done', { messageId: message.id, finishReason: 'stopped', message });
  }

  /** Ends the turn of a conversation deleted meanwhile: its answer is gone with it. */
  protected abandonDeleted(turn: Turn): void {
    turn.controller.abort();
    this.finish(turn, 'idle', { status: 'partial' });
  }

  /** Gives up a first message that has no session: back to ephemeral, as if it was never sent. */
  protected abandon(turn: Turn): void {
    if (turn.finished) return;
    this.endTurn(turn);
    turn.controller.abort();
    this.setMessages(
      this.state.messages.filter(
        (message) => message.id !== turn.userMessageId && message.id !== turn.answerId,
      ),
    );
    this.setStatus('ephemeral');
  }

  /** Takes renames (here or in another tab) and fetched titles from the sidebar's store. */
  protected followSession(): void {
    this.context.sessions.subscribe(() => {
      const session = this.context.sessions.get(this.state.sessionId!);
      if (!session && !this.state.deleted && this.context.sessions.wasRemoved(this.state.sessionId!)) {
        // Deleted here, in another tab or on another device: nothing more can be sent to it.
        this.state.deleted = true;
        if (this.state.turn) this.abandonDeleted(this.state.turn);
        this.emit('deleted', { sessionId: this.state.sessionId! });
        return;
      }
      if (!session || session.title === this.state.title) return;
      this.state.title = session.title;
      this.emit('title', { sessionId: session.id, title: session.title });
    });
  }
}
