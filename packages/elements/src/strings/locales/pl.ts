import type { LocalePack } from '../locale-pack';
import { plural } from '../plural';
import { relativeDay } from '../relative-day';

const pl = {
  locale: 'pl',
  name: 'Polski',
  direction: 'ltr',
  needsReview: true,
  notes:
    'Impersonal forms where possible, otherwise the informal imperative usual in Polish software ' +
    '("Spróbuj ponownie"). Names of tools and models follow a noun ("narzędzia", "z modelem") so ' +
    'they need no declension. Quotes „ ”.',
  strings: {
    newChat: 'Nowy czat',
    openSidebar: 'Otwórz rozmowy',
    closeSidebar: 'Zamknij rozmowy',
    composerPlaceholder: 'Napisz wiadomość…',
    composerLabel: 'Wiadomość',
    send: 'Wyślij',
    stop: 'Zatrzymaj',
    retry: 'Spróbuj ponownie',
    messagesLabel: 'Wiadomości',
    you: 'Ty',
    assistant: 'Asystent',
    thinking: 'Myślę…',
    stopped: 'Zatrzymano',
    interrupted: 'Przerwano: odpowiedź nie została dokończona.',
    reconnecting: 'Ponowne łączenie…',
    conversationDeleted: 'Ta rozmowa została usunięta.',
    jumpToLatest: 'Przejdź do najnowszych',
    emptyConversationTitle: 'W czym mogę pomóc?',
    emptyConversationHint: 'Rozmowa zostanie zapisana po wysłaniu pierwszej wiadomości.',
    loadingConversation: 'Wczytywanie rozmowy…',
    toolStarted: (tool) => `Używanie narzędzia ${tool}…`,
    toolFinished: (tool) => `Użyto narzędzia ${tool}`,
    toolFailed: (tool) => `Błąd narzędzia ${tool}`,
    imageLink: (description) => `Obraz: ${description || 'bez tytułu'} (nie wczytano)`,
    genericError: 'Coś poszło nie tak. Spróbuj ponownie.',
    sessionExpired:
      'Sesja wygasła, więc tej rozmowy nie można już otworzyć. Rozpocznij nowy czat, aby kontynuować.',
    newChatWithModel: (modelName) => `Nowy czat z modelem ${modelName}`,
    models: 'Modele',
    conversations: 'Rozmowy',
    sidebarLabel: 'Rozmowy',
    today: relativeDay('pl', 0),
    yesterday: relativeDay('pl', -1),
    previousDays: (count) =>
      plural('pl', count, {
        one: 'Ostatni dzień',
        few: 'Ostatnie {count} dni',
        many: 'Ostatnie {count} dni',
        other: 'Ostatnie {count} dnia',
      }),
    older: 'Starsze',
    noConversations: 'Brak rozmów.',
    loadMore: 'Wczytaj więcej',
    loading: 'Wczytywanie…',
    renameConversation: (title) => `Zmień nazwę rozmowy „${title}”`,
    deleteConversation: (title) => `Usuń rozmowę „${title}”`,
    conversationTitle: 'Tytuł rozmowy',
    save: 'Zapisz',
    cancel: 'Anuluj',
    confirmDelete: (title) => `Usunąć rozmowę „${title}”?`,
    delete: 'Usuń',
  },
} satisfies LocalePack;

export default pl;
