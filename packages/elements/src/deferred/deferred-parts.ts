// What the first answer does not need, in one module so that the embed loads it as one chunk:
// the sidebar (with rename and delete) and its drawer, the error alert, the tool indicator, and
// guest tokens.
import '../chat-alert/chat-alert';
import '../chat-sidebar/chat-sidebar';
import '../chat-tool-indicator/chat-tool-indicator';

export { AppSidebarController } from '../chat-app/app-sidebar-controller';
export { guestTokenProvider } from '../shared/guest-token';
