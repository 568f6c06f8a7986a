import type { LocalePack } from '../locale-pack';
import { plural } from '../plural';
import { relativeDay } from '../relative-day';

const ru = {
  locale: 'ru',
  name: 'Русский',
  direction: 'ltr',
  needsReview: true,
  notes:
    'Formal "вы" ("Попробуйте ещё раз"); buttons in the infinitive. Tool names stand before a colon ' +
    'so they need no declension. Guillemets « », and "ё" written.',
  strings: {
    newChat: 'Новый чат',
    openSidebar: 'Показать чаты',
    closeSidebar: 'Скрыть чаты',
    composerPlaceholder: 'Введите сообщение…',
    composerLabel: 'Сообщение',
    send: 'Отправить',
    stop: 'Остановить',
    retry: 'Повторить',
    messagesLabel: 'Сообщения',
    you: 'Вы',
    assistant: 'Ассистент',
    thinking: 'Думаю…',
    stopped: 'Остановлено',
    interrupted: 'Прервано: ответ не был завершён.',
    reconnecting: 'Переподключение…',
    conversationDeleted: 'Этот разговор удалён.',
    jumpToLatest: 'К последнему сообщению',
    emptyConversationTitle: 'Чем могу помочь?',
    emptyConversationHint: 'Чат сохранится, когда вы отправите первое сообщение.',
    loadingConversation: 'Загрузка чата…',
    toolStarted: (tool) => `${tool}: выполняется…`,
    toolFinished: (tool) => `${tool}: готово`,
    toolFailed: (tool) => `${tool}: ошибка`,
    imageLink: (description) => `Изображение: ${description || 'без названия'} (не загружено)`,
    genericError: 'Что-то пошло не так. Попробуйте ещё раз.',
    sessionExpired:
      'Срок действия сеанса истёк, поэтому этот чат больше нельзя открыть. Начните новый чат, чтобы продолжить.',
    newChatWithModel: (modelName) => `Новый чат с моделью ${modelName}`,
    models: 'Модели',
    conversations: 'Чаты',
    sidebarLabel: 'Чаты',
    today: relativeDay('ru', 0),
    yesterday: relativeDay('ru', -1),
    previousDays: (count) =>
      plural('ru', count, {
        one: 'Последний {count} день',
        few: 'Последние {count} дня',
        many: 'Последние {count} дней',
        other: 'Последние {count} дня',
      }),
    older: 'Ранее',
    noConversations: 'Чатов пока нет.',
    loadMore: 'Загрузить ещё',
    loading: 'Загрузка…',
    renameConversation: (title) => `Переименовать «${title}»`,
    deleteConversation: (title) => `Удалить «${title}»`,
    conversationTitle: 'Название чата',
    save: 'Сохранить',
    cancel: 'Отмена',
    confirmDelete: (title) => `Удалить «${title}»?`,
    delete: 'Удалить',
  },
} satisfies LocalePack;

export default ru;
