import type { LocalePack } from '../locale-pack';
import { plural } from '../plural';
import { relativeDay } from '../relative-day';

const hi = {
  locale: 'hi',
  name: 'हिन्दी',
  direction: 'ltr',
  needsReview: true,
  notes:
    'Respectful "आप" and polite imperatives ("भेजें", "करें"); the everyday loanwords Hindi software ' +
    'uses ("चैट", "लोड", "सेव"). The assistant speaks in gender-neutral forms where Hindi allows ' +
    '("मदद करूँ").',
  strings: {
    newChat: 'नई चैट',
    openSidebar: 'बातचीत की सूची खोलें',
    closeSidebar: 'बातचीत की सूची बंद करें',
    composerPlaceholder: 'संदेश लिखें…',
    composerLabel: 'संदेश',
    send: 'भेजें',
    stop: 'रोकें',
    retry: 'फिर से कोशिश करें',
    messagesLabel: 'संदेश',
    you: 'आप',
    assistant: 'सहायक',
    thinking: 'सोच रहा है…',
    stopped: 'रोका गया',
    interrupted: 'बाधित: उत्तर पूरा नहीं हुआ।',
    reconnecting: 'फिर से कनेक्ट हो रहा है…',
    conversationDeleted: 'यह बातचीत हटा दी गई।',
    jumpToLatest: 'नवीनतम पर जाएँ',
    emptyConversationTitle: 'मैं आपकी क्या मदद करूँ?',
    emptyConversationHint: 'पहला संदेश भेजते ही आपकी बातचीत सेव हो जाती है।',
    loadingConversation: 'बातचीत लोड हो रही है…',
    toolStarted: (tool) => `${tool} का इस्तेमाल हो रहा है…`,
    toolFinished: (tool) => `${tool} का इस्तेमाल किया गया`,
    toolFailed: (tool) => `${tool} विफल रहा`,
    imageLink: (description) => `इमेज: ${description || 'बिना शीर्षक'} (लोड नहीं की गई)`,
    genericError: 'कुछ गड़बड़ हो गई। कृपया फिर से कोशिश करें।',
    sessionExpired:
      'आपका सेशन समाप्त हो गया है, इसलिए यह बातचीत अब नहीं खोली जा सकती। जारी रखने के लिए नई चैट शुरू करें।',
    newChatWithModel: (modelName) => `${modelName} के साथ नई चैट`,
    models: 'मॉडल',
    conversations: 'बातचीत',
    sidebarLabel: 'बातचीत',
    today: relativeDay('hi', 0),
    yesterday: relativeDay('hi', -1),
    previousDays: (count) => plural('hi', count, { one: 'पिछला दिन', other: 'पिछले {count} दिन' }),
    older: 'पुरानी',
    noConversations: 'अभी तक कोई बातचीत नहीं है।',
    loadMore: 'और लोड करें',
    loading: 'लोड हो रहा है…',
    renameConversation: (title) => `“${title}” का नाम बदलें`,
    deleteConversation: (title) => `“${title}” हटाएँ`,
    conversationTitle: 'बातचीत का शीर्षक',
    save: 'सेव करें',
    cancel: 'रद्द करें',
    confirmDelete: (title) => `“${title}” हटाएँ?`,
    delete: 'हटाएँ',
  },
} satisfies LocalePack;

export default hi;
