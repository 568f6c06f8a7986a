import type { ToolCall } from '@parley/sdk';
import { html, LitElement, nothing } from 'lit';
import { baseStyles } from '../shared/base-styles';
import { version } from '../shared/version';
import { type ConversationStrings, conversationStrings } from '../strings/conversation-strings';
import { toolIndicatorStyles } from './chat-tool-indicator.styles';
import { toolIcon } from './tool-icon';

/**
 * @summary Shows a tool the assistant used for an answer, and whether it is running, finished or failed.
 *
 * @tag chat-tool-indicator
 *
 * @csspart base - The pill holding the icon and the text.
 */
export class ChatToolIndicator extends LitElement {
  static readonly version = version;
  static override styles = [baseStyles, toolIndicatorStyles];
  // Declared here, not with decorators, so that the embed carries no decorator code.
  static override properties = {
    toolCall: { attribute: false },
    strings: { attribute: false },
  };

  /** The tool call to show. */
  toolCall?: ToolCall;

  /** The texts shown; see `ChatStrings`. */
  strings: ConversationStrings = conversationStrings;

  protected override render() {
    const call = this.toolCall;
    if (!call) return nothing;
    const label =
      call.status === 'started'
        ? this.strings.toolStarted(call.tool)
        : call.status === 'finished'
          ? this.strings.toolFinished(call.tool)
          : this.strings.toolFailed(call.tool);
    return html`<span class="tool ${call.status}" part="base">${toolIcon}<span>${label}</span></span>`;
  }
}
