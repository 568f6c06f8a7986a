import type { LocalePack } from '../locale-pack';
import { plural } from '../plural';
import { relativeDay } from '../relative-day';

const ko = {
  locale: 'ko',
  name: '한국어',
  direction: 'ltr',
  needsReview: true,
  notes:
    'Polite sentence endings (합니다/해요: "저장됩니다", "시도해 주세요"); nouns on buttons. Names and ' +
    'titles are followed by a noun ("모델로", "대화를") so that no particle depends on their last ' +
    'sound. Quotes “ ”.',
  strings: {
    newChat: '새 채팅',
    openSidebar: '대화 목록 열기',
    closeSidebar: '대화 목록 닫기',
    composerPlaceholder: '메시지를 입력하세요…',
    composerLabel: '메시지',
    send: '보내기',
    stop: '중지',
    retry: '다시 시도',
    messagesLabel: '메시지',
    you: '나',
    assistant: '어시스턴트',
    thinking: '생각하는 중…',
    stopped: '중지됨',
    interrupted: '중단됨: 답변이 완료되지 않았습니다.',
    reconnecting: '다시 연결하는 중…',
    conversationDeleted: '이 대화는 삭제되었습니다.',
    jumpToLatest: '최신 메시지로 이동',
    emptyConversationTitle: '무엇을 도와드릴까요?',
    emptyConversationHint: '첫 메시지를 보내면 대화가 저장됩니다.',
    loadingConversation: '대화를 불러오는 중…',
    toolStarted: (tool) => `${tool} 사용 중…`,
    toolFinished: (tool) => `${tool} 사용 완료`,
    toolFailed: (tool) => `${tool} 실패`,
    imageLink: (description) => `이미지: ${description || '제목 없음'} (불러오지 않음)`,
    genericError: '문제가 발생했습니다. 다시 시도해 주세요.',
    sessionExpired: '세션이 만료되어 이 대화를 더 이상 열 수 없습니다. 계속하려면 새 채팅을 시작해 주세요.',
    newChatWithModel: (modelName) => `${modelName} 모델로 새 채팅`,
    models: '모델',
    conversations: '대화',
    sidebarLabel: '대화',
    today: relativeDay('ko', 0),
    yesterday: relativeDay('ko', -1),
    previousDays: (count) => plural('ko', count, { other: '지난 {count}일' }),
    older: '이전',
    noConversations: '아직 대화가 없습니다.',
    loadMore: '더 불러오기',
    loading: '불러오는 중…',
    renameConversation: (title) => `“${title}” 이름 바꾸기`,
    deleteConversation: (title) => `“${title}” 삭제`,
    conversationTitle: '대화 제목',
    save: '저장',
    cancel: '취소',
    confirmDelete: (title) => `“${title}” 대화를 삭제할까요?`,
    delete: '삭제',
  },
} satisfies LocalePack;

export default ko;
