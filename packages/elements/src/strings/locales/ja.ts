import type { LocalePack } from '../locale-pack';
import { plural } from '../plural';
import { relativeDay } from '../relative-day';

const ja = {
  locale: 'ja',
  name: '日本語',
  direction: 'ltr',
  needsReview: true,
  notes:
    'Polite です/ます in sentences ("お試しください", "削除しますか"); nouns on buttons and labels ' +
    '("送信", "保存"), as Japanese software does. 「」 around titles, full-width ？ and （）.',
  strings: {
    newChat: '新しいチャット',
    openSidebar: '会話一覧を開く',
    closeSidebar: '会話一覧を閉じる',
    composerPlaceholder: 'メッセージを入力…',
    composerLabel: 'メッセージ',
    send: '送信',
    stop: '停止',
    retry: '再試行',
    messagesLabel: 'メッセージ',
    you: 'あなた',
    assistant: 'アシスタント',
    thinking: '考えています…',
    stopped: '停止しました',
    interrupted: '中断されました：回答は完了していません。',
    reconnecting: '再接続しています…',
    conversationDeleted: 'この会話は削除されました。',
    jumpToLatest: '最新へ移動',
    emptyConversationTitle: 'どのようにお手伝いしましょうか？',
    emptyConversationHint: '最初のメッセージを送信すると、会話が保存されます。',
    loadingConversation: '会話を読み込んでいます…',
    toolStarted: (tool) => `${tool}を使用しています…`,
    toolFinished: (tool) => `${tool}を使用しました`,
    toolFailed: (tool) => `${tool}の実行に失敗しました`,
    imageLink: (description) => `画像「${description || '無題'}」（読み込んでいません）`,
    genericError: '問題が発生しました。もう一度お試しください。',
    sessionExpired:
      'セッションの有効期限が切れたため、この会話は開けなくなりました。続けるには新しいチャットを開始してください。',
    newChatWithModel: (modelName) => `${modelName}との新しいチャット`,
    models: 'モデル',
    conversations: '会話',
    sidebarLabel: '会話',
    today: relativeDay('ja', 0),
    yesterday: relativeDay('ja', -1),
    previousDays: (count) => plural('ja', count, { other: '過去{count}日間' }),
    older: 'それ以前',
    noConversations: 'まだ会話はありません。',
    loadMore: 'さらに読み込む',
    loading: '読み込んでいます…',
    renameConversation: (title) => `「${title}」の名前を変更`,
    deleteConversation: (title) => `「${title}」を削除`,
    conversationTitle: '会話のタイトル',
    save: '保存',
    cancel: 'キャンセル',
    confirmDelete: (title) => `「${title}」を削除しますか？`,
    delete: '削除',
  },
} satisfies LocalePack;

export default ja;
