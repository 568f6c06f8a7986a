import type { LocalePack } from '../locale-pack';
import { plural } from '../plural';
import { relativeDay } from '../relative-day';

const th = {
  locale: 'th',
  name: 'ไทย',
  direction: 'ltr',
  needsReview: true,
  notes:
    'Polite, neutral register without gendered particles (no ครับ/ค่ะ), as Thai software does; ' +
    '"คุณ" for the user; no full stops. Quotes “ ”.',
  strings: {
    newChat: 'แชทใหม่',
    openSidebar: 'เปิดรายการบทสนทนา',
    closeSidebar: 'ปิดรายการบทสนทนา',
    composerPlaceholder: 'พิมพ์ข้อความ…',
    composerLabel: 'ข้อความ',
    send: 'ส่ง',
    stop: 'หยุด',
    retry: 'ลองอีกครั้ง',
    messagesLabel: 'ข้อความ',
    you: 'คุณ',
    assistant: 'ผู้ช่วย',
    thinking: 'กำลังคิด…',
    stopped: 'หยุดแล้ว',
    jumpToLatest: 'ไปที่ข้อความล่าสุด',
    emptyConversationTitle: 'มีอะไรให้ช่วยไหม',
    emptyConversationHint: 'ระบบจะบันทึกบทสนทนาเมื่อคุณส่งข้อความแรก',
    loadingConversation: 'กำลังโหลดบทสนทนา…',
    toolStarted: (tool) => `กำลังใช้ ${tool}…`,
    toolFinished: (tool) => `ใช้ ${tool} แล้ว`,
    toolFailed: (tool) => `${tool} ทำงานไม่สำเร็จ`,
    imageLink: (description) => `รูปภาพ: ${description || 'ไม่มีชื่อ'} (ไม่ได้โหลด)`,
    genericError: 'เกิดข้อผิดพลาด โปรดลองอีกครั้ง',
    sessionExpired: 'เซสชันของคุณหมดอายุแล้ว จึงไม่สามารถเปิดบทสนทนานี้ได้อีก เริ่มแชทใหม่เพื่อดำเนินการต่อ',
    newChatWithModel: (modelName) => `แชทใหม่กับ ${modelName}`,
    models: 'โมเดล',
    conversations: 'บทสนทนา',
    sidebarLabel: 'บทสนทนา',
    today: relativeDay('th', 0),
    yesterday: relativeDay('th', -1),
    previousDays: (count) => plural('th', count, { other: '{count} วันที่ผ่านมา' }),
    older: 'เก่ากว่านั้น',
    noConversations: 'ยังไม่มีบทสนทนา',
    loadMore: 'โหลดเพิ่มเติม',
    loading: 'กำลังโหลด…',
    renameConversation: (title) => `เปลี่ยนชื่อ “${title}”`,
    deleteConversation: (title) => `ลบ “${title}”`,
    conversationTitle: 'ชื่อบทสนทนา',
    save: 'บันทึก',
    cancel: 'ยกเลิก',
    confirmDelete: (title) => `ต้องการลบ “${title}” หรือไม่`,
    delete: 'ลบ',
  },
} satisfies LocalePack;

export default th;
