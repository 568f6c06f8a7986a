import type { LocalePack } from '../locale-pack';
import { plural } from '../plural';
import { relativeDay } from '../relative-day';

const zhTW = {
  locale: 'zh-TW',
  name: '繁體中文',
  direction: 'ltr',
  needsReview: true,
  notes:
    'Traditional Chinese with Taiwan terms ("訊息", "傳送", "載入", "儲存"); "您" for the user. Also ' +
    'used for zh-Hant, zh-HK and zh-MO. Full-width punctuation, 「」 around titles.',
  strings: {
    newChat: '新對話',
    openSidebar: '開啟對話清單',
    closeSidebar: '關閉對話清單',
    composerPlaceholder: '輸入訊息…',
    composerLabel: '訊息',
    send: '傳送',
    stop: '停止',
    retry: '重試',
    messagesLabel: '訊息',
    you: '您',
    assistant: '助理',
    thinking: '思考中…',
    stopped: '已停止',
    jumpToLatest: '跳至最新',
    emptyConversationTitle: '有什麼可以幫您的嗎？',
    emptyConversationHint: '傳送第一則訊息後，對話就會儲存。',
    loadingConversation: '正在載入對話…',
    toolStarted: (tool) => `正在使用 ${tool}…`,
    toolFinished: (tool) => `已使用 ${tool}`,
    toolFailed: (tool) => `${tool} 執行失敗`,
    imageLink: (description) => `圖片：${description || '未命名'}（未載入）`,
    genericError: '發生錯誤，請再試一次。',
    sessionExpired: '您的工作階段已過期，無法再開啟這則對話。請開始新對話以繼續。',
    newChatWithModel: (modelName) => `使用 ${modelName} 開始新對話`,
    models: '模型',
    conversations: '對話',
    sidebarLabel: '對話',
    today: relativeDay('zh-TW', 0),
    yesterday: relativeDay('zh-TW', -1),
    previousDays: (count) => plural('zh-TW', count, { other: '過去 {count} 天' }),
    older: '更早',
    noConversations: '還沒有對話。',
    loadMore: '載入更多',
    loading: '載入中…',
    renameConversation: (title) => `重新命名「${title}」`,
    deleteConversation: (title) => `刪除「${title}」`,
    conversationTitle: '對話標題',
    save: '儲存',
    cancel: '取消',
    confirmDelete: (title) => `要刪除「${title}」嗎？`,
    delete: '刪除',
  },
} satisfies LocalePack;

export default zhTW;
