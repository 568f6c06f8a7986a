import type { LocalePack } from '../locale-pack';
import { plural } from '../plural';
import { relativeDay } from '../relative-day';

const uk = {
  locale: 'uk',
  name: 'Українська',
  direction: 'ltr',
  needsReview: true,
  notes:
    'Formal "ви" ("Спробуйте ще раз"); buttons in the infinitive. Tool names stand before a colon ' +
    'so they need no declension. Guillemets « ».',
  strings: {
    newChat: 'Новий чат',
    openSidebar: 'Показати чати',
    closeSidebar: 'Сховати чати',
    composerPlaceholder: 'Введіть повідомлення…',
    composerLabel: 'Повідомлення',
    send: 'Надіслати',
    stop: 'Зупинити',
    retry: 'Повторити',
    messagesLabel: 'Повідомлення',
    you: 'Ви',
    assistant: 'Асистент',
    thinking: 'Думаю…',
    stopped: 'Зупинено',
    interrupted: 'Перервано: відповідь не було завершено.',
    reconnecting: 'Повторне підключення…',
    conversationDeleted: 'Цю розмову видалено.',
    jumpToLatest: 'До останнього повідомлення',
    emptyConversationTitle: 'Чим можу допомогти?',
    emptyConversationHint: 'Чат збережеться, коли ви надішлете перше повідомлення.',
    loadingConversation: 'Завантаження чату…',
    toolStarted: (tool) => `${tool}: виконується…`,
    toolFinished: (tool) => `${tool}: готово`,
    toolFailed: (tool) => `${tool}: помилка`,
    imageLink: (description) => `Зображення: ${description || 'без назви'} (не завантажено)`,
    genericError: 'Щось пішло не так. Спробуйте ще раз.',
    sessionExpired:
      'Термін дії сеансу минув, тому цей чат більше не можна відкрити. Почніть новий чат, щоб продовжити.',
    newChatWithModel: (modelName) => `Новий чат із моделлю ${modelName}`,
    models: 'Моделі',
    conversations: 'Чати',
    sidebarLabel: 'Чати',
    today: relativeDay('uk', 0),
    yesterday: relativeDay('uk', -1),
    previousDays: (count) =>
      plural('uk', count, {
        one: 'Останній {count} день',
        few: 'Останні {count} дні',
        many: 'Останні {count} днів',
        other: 'Останні {count} дня',
      }),
    older: 'Раніше',
    noConversations: 'Чатів ще немає.',
    loadMore: 'Завантажити ще',
    loading: 'Завантаження…',
    renameConversation: (title) => `Перейменувати «${title}»`,
    deleteConversation: (title) => `Видалити «${title}»`,
    conversationTitle: 'Назва чату',
    save: 'Зберегти',
    cancel: 'Скасувати',
    confirmDelete: (title) => `Видалити «${title}»?`,
    delete: 'Видалити',
  },
} satisfies LocalePack;

export default uk;
