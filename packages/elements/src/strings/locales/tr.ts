import type { LocalePack } from '../locale-pack';
import { plural } from '../plural';
import { relativeDay } from '../relative-day';

const tr = {
  locale: 'tr',
  name: 'Türkçe',
  direction: 'ltr',
  needsReview: true,
  notes:
    'Formal "siz" in sentences ("gönderdiğinizde", "deneyin"); short imperatives on buttons, as ' +
    'Turkish software does. Titles and names take no suffix: a noun after them carries it ' +
    '("sohbetini", "ile").',
  strings: {
    newChat: 'Yeni sohbet',
    openSidebar: 'Sohbetleri aç',
    closeSidebar: 'Sohbetleri kapat',
    composerPlaceholder: 'Bir mesaj yazın…',
    composerLabel: 'Mesaj',
    send: 'Gönder',
    stop: 'Durdur',
    retry: 'Tekrar dene',
    messagesLabel: 'Mesajlar',
    you: 'Siz',
    assistant: 'Asistan',
    thinking: 'Düşünüyor…',
    stopped: 'Durduruldu',
    interrupted: 'Kesintiye uğradı: yanıt tamamlanmadı.',
    reconnecting: 'Yeniden bağlanılıyor…',
    conversationDeleted: 'Bu sohbet silindi.',
    jumpToLatest: 'En yeniye git',
    emptyConversationTitle: 'Size nasıl yardımcı olabilirim?',
    emptyConversationHint: 'Sohbet, ilk mesajı gönderdiğinizde kaydedilir.',
    loadingConversation: 'Sohbet yükleniyor…',
    toolStarted: (tool) => `${tool} kullanılıyor…`,
    toolFinished: (tool) => `${tool} kullanıldı`,
    toolFailed: (tool) => `${tool} başarısız oldu`,
    imageLink: (description) => `Görsel: ${description || 'başlıksız'} (yüklenmedi)`,
    genericError: 'Bir sorun oluştu. Lütfen tekrar deneyin.',
    sessionExpired:
      'Oturumunuzun süresi doldu, bu yüzden bu sohbet artık açılamıyor. Devam etmek için yeni bir sohbet başlatın.',
    newChatWithModel: (modelName) => `${modelName} ile yeni sohbet`,
    models: 'Modeller',
    conversations: 'Sohbetler',
    sidebarLabel: 'Sohbetler',
    today: relativeDay('tr', 0),
    yesterday: relativeDay('tr', -1),
    previousDays: (count) => plural('tr', count, { other: 'Son {count} gün' }),
    older: 'Daha eski',
    noConversations: 'Henüz sohbet yok.',
    loadMore: 'Daha fazla yükle',
    loading: 'Yükleniyor…',
    renameConversation: (title) => `“${title}” sohbetini yeniden adlandır`,
    deleteConversation: (title) => `“${title}” sohbetini sil`,
    conversationTitle: 'Sohbet başlığı',
    save: 'Kaydet',
    cancel: 'İptal',
    confirmDelete: (title) => `“${title}” sohbeti silinsin mi?`,
    delete: 'Sil',
  },
} satisfies LocalePack;

export default tr;
