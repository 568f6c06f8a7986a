import type { ChatConversationCreatedEvent, ChatNavigateEvent } from '@parley/elements';
import { useCallback, useEffect, useState } from 'react';
import { client } from './chat-client';
import { useSessions } from './use-sessions';

type Theme = 'light' | 'dark' | 'system';

interface Notice {
  id: number;
  time: string;
  text: string;
}

let nextNoticeId = 1;
const toastMilliseconds = 4000;

/** A small app around Parley's `<chat-app>`: the chat, a conversation counter, toasts and a log. */
export function App() {
  const [theme, setTheme] = useState<Theme>('system');
  const [log, setLog] = useState<Notice[]>([]);
  const [toasts, setToasts] = useState<Notice[]>([]);
  const sessions = useSessions();

  const notify = useCallback((text: string, toast = false) => {
    const notice = { id: nextNoticeId++, time: new Date().toLocaleTimeString(), text };
    setLog((entries) => [notice, ...entries].slice(0, 50));
    if (toast) setToasts((shown) => [...shown, notice]);
  }, []);

  // Each toast leaves on its own after a few seconds.
  useEffect(() => {
    const first = toasts[0];
    if (!first) return;
    const timer = setTimeout(() => setToasts((shown) => shown.slice(1)), toastMilliseconds);
    return () => clearTimeout(timer);
  }, [toasts]);

  const onConversationCreated = useCallback(
    (event: ChatConversationCreatedEvent) => {
      const { sessionId, modelId } = event.detail;
      notify(
        `Conversation ${sessionId} created${modelId ? ` with ${modelId}` : ''}. URL: ${location.pathname}`,
        true,
      );
    },
    [notify],
  );

  const onNavigate = useCallback(
    (event: ChatNavigateEvent) => {
      const { route } = event.detail;
      notify(
        route.kind === 'new'
          ? `New chat${route.modelId ? ` with ${route.modelId}` : ''}`
          : `Opened ${route.sessionId}`,
      );
    },
    [notify],
  );

  return (
    <div className="app">
      <header className="bar">
        <h1>Acme Notes</h1>
        <span className="count" data-testid="conversation-count">
          {sessions.length === 1 ? '1 conversation' : `${sessions.length} conversations`}
        </span>
        <label>
          Theme{' '}
          <select value={theme} onChange={(event) => setTheme(event.target.value as Theme)}>
            <option value="system">System</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </label>
      </header>
      <main className="chat">
        <chat-app
          client={client}
          routing="path"
          base-path="/chat"
          theme={theme}
          onchat-conversation-created={onConversationCreated}
          onchat-navigate={onNavigate}
        />
      </main>
      <aside className="log" aria-label="Events">
        <h2>Events React received</h2>
        <ol data-testid="event-log">
          {log.map((notice) => (
            <li key={notice.id}>
              <time>{notice.time}</time> {notice.text}
            </li>
          ))}
        </ol>
      </aside>
      <div className="toasts" role="status">
        {toasts.map((toast) => (
          <div className="toast" key={toast.id}>
            {toast.text}
          </div>
        ))}
      </div>
    </div>
  );
}
