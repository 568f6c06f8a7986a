import type { LocalePack } from '../locale-pack';
import { plural } from '../plural';
import { relativeDay } from '../relative-day';

const vi = {
  locale: 'vi',
  name: 'Tiếng Việt',
  direction: 'ltr',
  needsReview: true,
  notes:
    '"bạn" for the user and "tôi" for the assistant, with "Vui lòng" for requests; no plural forms. Quotes “ ”.',
  strings: {
    newChat: 'Cuộc trò chuyện mới',
    openSidebar: 'Mở danh sách trò chuyện',
    closeSidebar: 'Đóng danh sách trò chuyện',
    composerPlaceholder: 'Nhập tin nhắn…',
    composerLabel: 'Tin nhắn',
    send: 'Gửi',
    stop: 'Dừng',
    retry: 'Thử lại',
    messagesLabel: 'Tin nhắn',
    you: 'Bạn',
    assistant: 'Trợ lý',
    thinking: 'Đang suy nghĩ…',
    stopped: 'Đã dừng',
    jumpToLatest: 'Chuyển đến tin mới nhất',
    emptyConversationTitle: 'Tôi có thể giúp gì cho bạn?',
    emptyConversationHint: 'Cuộc trò chuyện sẽ được lưu khi bạn gửi tin nhắn đầu tiên.',
    loadingConversation: 'Đang tải cuộc trò chuyện…',
    toolStarted: (tool) => `Đang dùng ${tool}…`,
    toolFinished: (tool) => `Đã dùng ${tool}`,
    toolFailed: (tool) => `${tool} bị lỗi`,
    imageLink: (description) => `Hình ảnh: ${description || 'không có tiêu đề'} (chưa tải)`,
    genericError: 'Đã xảy ra lỗi. Vui lòng thử lại.',
    sessionExpired:
      'Phiên của bạn đã hết hạn nên không thể mở cuộc trò chuyện này nữa. Hãy bắt đầu cuộc trò chuyện mới để tiếp tục.',
    newChatWithModel: (modelName) => `Trò chuyện mới với ${modelName}`,
    models: 'Mô hình',
    conversations: 'Cuộc trò chuyện',
    sidebarLabel: 'Cuộc trò chuyện',
    today: relativeDay('vi', 0),
    yesterday: relativeDay('vi', -1),
    previousDays: (count) => plural('vi', count, { other: '{count} ngày qua' }),
    older: 'Cũ hơn',
    noConversations: 'Chưa có cuộc trò chuyện nào.',
    loadMore: 'Tải thêm',
    loading: 'Đang tải…',
    renameConversation: (title) => `Đổi tên “${title}”`,
    deleteConversation: (title) => `Xóa “${title}”`,
    conversationTitle: 'Tiêu đề cuộc trò chuyện',
    save: 'Lưu',
    cancel: 'Hủy',
    confirmDelete: (title) => `Xóa “${title}”?`,
    delete: 'Xóa',
  },
} satisfies LocalePack;

export default vi;
