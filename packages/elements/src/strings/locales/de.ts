import type { LocalePack } from '../locale-pack';
import { plural } from '../plural';
import { relativeDay } from '../relative-day';

const de = {
  locale: 'de',
  name: 'Deutsch',
  direction: 'ltr',
  needsReview: true,
  notes:
    'Formal address ("Sie") where the user must be addressed; elsewhere infinitives and passives. ' +
    'German quotation marks „…“; a space before "…" (Duden).',
  strings: {
    newChat: 'Neuer Chat',
    openSidebar: 'Unterhaltungen öffnen',
    closeSidebar: 'Unterhaltungen schließen',
    composerPlaceholder: 'Nachricht schreiben …',
    composerLabel: 'Nachricht',
    send: 'Senden',
    stop: 'Stoppen',
    retry: 'Erneut versuchen',
    messagesLabel: 'Nachrichten',
    you: 'Sie',
    assistant: 'Assistent',
    thinking: 'Denkt nach …',
    stopped: 'Gestoppt',
    interrupted: 'Unterbrochen: Die Antwort wurde nicht fertiggestellt.',
    reconnecting: 'Verbindung wird wiederhergestellt …',
    conversationDeleted: 'Diese Unterhaltung wurde gelöscht.',
    jumpToLatest: 'Zum Neuesten springen',
    emptyConversationTitle: 'Wie kann ich helfen?',
    emptyConversationHint: 'Die Unterhaltung wird gespeichert, sobald Sie die erste Nachricht senden.',
    loadingConversation: 'Unterhaltung wird geladen …',
    toolStarted: (tool) => `${tool} wird verwendet …`,
    toolFinished: (tool) => `${tool} verwendet`,
    toolFailed: (tool) => `${tool} fehlgeschlagen`,
    imageLink: (description) => `Bild: ${description || 'ohne Titel'} (nicht geladen)`,
    genericError: 'Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.',
    sessionExpired:
      'Ihre Sitzung ist abgelaufen, daher lässt sich diese Unterhaltung nicht mehr öffnen. Starten Sie einen neuen Chat, um weiterzumachen.',
    newChatWithModel: (modelName) => `Neuer Chat mit ${modelName}`,
    models: 'Modelle',
    conversations: 'Unterhaltungen',
    sidebarLabel: 'Unterhaltungen',
    today: relativeDay('de', 0),
    yesterday: relativeDay('de', -1),
    previousDays: (count) => plural('de', count, { one: 'Letzter Tag', other: 'Letzte {count} Tage' }),
    older: 'Älter',
    noConversations: 'Noch keine Unterhaltungen.',
    loadMore: 'Mehr laden',
    loading: 'Wird geladen …',
    renameConversation: (title) => `„${title}“ umbenennen`,
    deleteConversation: (title) => `„${title}“ löschen`,
    conversationTitle: 'Titel der Unterhaltung',
    save: 'Speichern',
    cancel: 'Abbrechen',
    confirmDelete: (title) => `„${title}“ löschen?`,
    delete: 'Löschen',
  },
} satisfies LocalePack;

export default de;
