import type { LocalePack } from '../locale-pack';
import { plural } from '../plural';
import { relativeDay } from '../relative-day';

/** Names and titles are often in Latin script: isolated (U+2068…U+2069) so they do not reorder the sentence. */
const isolate = (text: string) => `\u2068${text}\u2069`;

const ar = {
  locale: 'ar',
  name: 'العربية',
  direction: 'rtl',
  needsReview: true,
  notes:
    'Modern Standard Arabic; verbal nouns on buttons ("إرسال", "حذف") so that they need no gender; ' +
    'the Arabic question mark "؟" and guillemets « ». Every plural category is written out ' +
    '(يوم، يومين، أيام، يومًا).',
  strings: {
    newChat: 'محادثة جديدة',
    openSidebar: 'فتح المحادثات',
    closeSidebar: 'إغلاق المحادثات',
    composerPlaceholder: 'اكتب رسالة…',
    composerLabel: 'الرسالة',
    send: 'إرسال',
    stop: 'إيقاف',
    retry: 'إعادة المحاولة',
    messagesLabel: 'الرسائل',
    you: 'أنت',
    assistant: 'المساعد',
    thinking: 'جارٍ التفكير…',
    stopped: 'تم الإيقاف',
    interrupted: 'انقطعت الإجابة قبل أن تكتمل.',
    reconnecting: 'جارٍ إعادة الاتصال…',
    conversationDeleted: 'حُذفت هذه المحادثة.',
    jumpToLatest: 'الانتقال إلى الأحدث',
    emptyConversationTitle: 'كيف يمكنني مساعدتك؟',
    emptyConversationHint: 'تُحفَظ المحادثة عند إرسال الرسالة الأولى.',
    loadingConversation: 'جارٍ تحميل المحادثة…',
    toolStarted: (tool) => `جارٍ استخدام ${isolate(tool)}…`,
    toolFinished: (tool) => `تم استخدام ${isolate(tool)}`,
    toolFailed: (tool) => `تعذّر تشغيل ${isolate(tool)}`,
    imageLink: (description) => `صورة: ${isolate(description || 'بلا عنوان')} (لم يتم تحميلها)`,
    genericError: 'حدث خطأ ما. يُرجى المحاولة مرة أخرى.',
    sessionExpired: 'انتهت صلاحية جلستك، لذا لم يعد بالإمكان فتح هذه المحادثة. ابدأ محادثة جديدة للمتابعة.',
    newChatWithModel: (modelName) => `محادثة جديدة مع ${isolate(modelName)}`,
    models: 'النماذج',
    conversations: 'المحادثات',
    sidebarLabel: 'المحادثات',
    today: relativeDay('ar', 0),
    yesterday: relativeDay('ar', -1),
    previousDays: (count) =>
      plural('ar', count, {
        zero: 'آخر {count} يوم',
        one: 'آخر يوم',
        two: 'آخر يومين',
        few: 'آخر {count} أيام',
        many: 'آخر {count} يومًا',
        other: 'آخر {count} يوم',
      }),
    older: 'أقدم',
    noConversations: 'لا توجد محادثات بعد.',
    loadMore: 'تحميل المزيد',
    loading: 'جارٍ التحميل…',
    renameConversation: (title) => `إعادة تسمية «${isolate(title)}»`,
    deleteConversation: (title) => `حذف «${isolate(title)}»`,
    conversationTitle: 'عنوان المحادثة',
    save: 'حفظ',
    cancel: 'إلغاء',
    confirmDelete: (title) => `هل تريد حذف «${isolate(title)}»؟`,
    delete: 'حذف',
  },
} satisfies LocalePack;

export default ar;
