import type { LocalePack } from '../locale-pack';
import { plural } from '../plural';
import { relativeDay } from '../relative-day';

/** Names and titles are often in Latin script: isolated (U+2068…U+2069) so they do not reorder the sentence. */
const isolate = (text: string) => `\u2068${text}\u2069`;

const he = {
  locale: 'he',
  name: 'עברית',
  direction: 'rtl',
  needsReview: true,
  notes:
    'Gender-neutral: actions as nouns ("שליחה", "מחיקה"), impersonal sentences ("במה אפשר לעזור?", ' +
    '"יש לנסות שוב"), as Hebrew interfaces do. Maqaf after a one-letter prefix before a name (ב־). ' +
    'Straight double quotes around titles.',
  strings: {
    newChat: 'שיחה חדשה',
    openSidebar: 'פתיחת רשימת השיחות',
    closeSidebar: 'סגירת רשימת השיחות',
    composerPlaceholder: 'כתיבת הודעה…',
    composerLabel: 'הודעה',
    send: 'שליחה',
    stop: 'עצירה',
    retry: 'ניסיון חוזר',
    messagesLabel: 'הודעות',
    you: 'ההודעה שלך',
    assistant: 'העוזר',
    thinking: 'חושב…',
    stopped: 'התשובה נעצרה',
    interrupted: 'התשובה נקטעה לפני שהושלמה.',
    reconnecting: 'מתחבר מחדש…',
    conversationDeleted: 'השיחה הזו נמחקה.',
    jumpToLatest: 'מעבר להודעה האחרונה',
    emptyConversationTitle: 'במה אפשר לעזור?',
    emptyConversationHint: 'השיחה תישמר כשההודעה הראשונה תישלח.',
    loadingConversation: 'השיחה נטענת…',
    toolStarted: (tool) => `שימוש ב־${isolate(tool)}…`,
    toolFinished: (tool) => `נעשה שימוש ב־${isolate(tool)}`,
    toolFailed: (tool) => `הכלי ${isolate(tool)} נכשל`,
    imageLink: (description) => `תמונה: ${isolate(description || 'ללא כותרת')} (לא נטענה)`,
    genericError: 'משהו השתבש. יש לנסות שוב.',
    sessionExpired:
      'תוקף ההתחברות פג, ולכן אי אפשר לפתוח עוד את השיחה הזו. כדי להמשיך, אפשר להתחיל שיחה חדשה.',
    newChatWithModel: (modelName) => `שיחה חדשה עם ${isolate(modelName)}`,
    models: 'מודלים',
    conversations: 'שיחות',
    sidebarLabel: 'שיחות',
    today: relativeDay('he', 0),
    yesterday: relativeDay('he', -1),
    previousDays: (count) =>
      plural('he', count, {
        one: 'היום הקודם',
        two: 'היומיים האחרונים',
        other: '{count} הימים האחרונים',
      }),
    older: 'ישנות יותר',
    noConversations: 'אין עדיין שיחות.',
    loadMore: 'טעינת עוד',
    loading: 'בטעינה…',
    renameConversation: (title) => `שינוי השם של "${isolate(title)}"`,
    deleteConversation: (title) => `מחיקת "${isolate(title)}"`,
    conversationTitle: 'שם השיחה',
    save: 'שמירה',
    cancel: 'ביטול',
    confirmDelete: (title) => `למחוק את "${isolate(title)}"?`,
    delete: 'מחיקה',
  },
} satisfies LocalePack;

export default he;
