import type { ToolCall } from '@parley/sdk';
import { html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { baseStyles } from '../shared/base-styles';
import { toolIcon } from '../shared/icons';
import { version } from '../shared/version';
import { type ChatStrings, defaultStrings } from '../strings/chat-strings';
import { toolIndicatorStyles } from './chat-tool-indicator.styles';

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

  /** The tool call to show. */
  @property({ attribute: false }) toolCall?: ToolCall;

  /** The texts shown; see `ChatStrings`. */
  @property({ attribute: false }) strings: ChatStrings = defaultStrings;

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
