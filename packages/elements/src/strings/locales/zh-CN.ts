import type { LocalePack } from '../locale-pack';
import { plural } from '../plural';
import { relativeDay } from '../relative-day';

const zhCN = {
  locale: 'zh-CN',
  name: '简体中文',
  direction: 'ltr',
  needsReview: true,
  notes:
    'Simplified Chinese for the mainland; "您" for the user. Full-width punctuation, “ ” around ' +
    'titles, a space between Chinese and Latin text or digits.',
  strings: {
    newChat: '新对话',
    openSidebar: '打开对话列表',
    closeSidebar: '关闭对话列表',
    composerPlaceholder: '输入消息…',
    composerLabel: '消息',
    send: '发送',
    stop: '停止',
    retry: '重试',
    messagesLabel: '消息',
    you: '您',
    assistant: '助手',
    thinking: '正在思考…',
    stopped: '已停止',
    jumpToLatest: '跳到最新',
    emptyConversationTitle: '有什么可以帮您？',
    emptyConversationHint: '发送第一条消息后，对话将被保存。',
    loadingConversation: '正在加载对话…',
    toolStarted: (tool) => `正在使用 ${tool}…`,
    toolFinished: (tool) => `已使用 ${tool}`,
    toolFailed: (tool) => `${tool} 运行失败`,
    imageLink: (description) => `图片：${description || '无标题'}（未加载）`,
    genericError: '出了点问题，请重试。',
    sessionExpired: '您的会话已过期，无法再打开此对话。请新建对话以继续。',
    newChatWithModel: (modelName) => `使用 ${modelName} 新建对话`,
    models: '模型',
    conversations: '对话',
    sidebarLabel: '对话',
    today: relativeDay('zh-CN', 0),
    yesterday: relativeDay('zh-CN', -1),
    previousDays: (count) => plural('zh-CN', count, { other: '过去 {count} 天' }),
    older: '更早',
    noConversations: '还没有对话。',
    loadMore: '加载更多',
    loading: '正在加载…',
    renameConversation: (title) => `重命名“${title}”`,
    deleteConversation: (title) => `删除“${title}”`,
    conversationTitle: '对话标题',
    save: '保存',
    cancel: '取消',
    confirmDelete: (title) => `要删除“${title}”吗？`,
    delete: '删除',
  },
} satisfies LocalePack;

export default zhCN;
