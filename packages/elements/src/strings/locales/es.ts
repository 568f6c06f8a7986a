import type { LocalePack } from '../locale-pack';
import { plural } from '../plural';
import { relativeDay } from '../relative-day';

const es = {
  locale: 'es',
  name: 'Español',
  direction: 'ltr',
  needsReview: true,
  notes:
    'Neutral Spanish for Spain and Latin America; "tú", as most software does. Opening ¿ and ' +
    'angle quotes « » around titles.',
  strings: {
    newChat: 'Nuevo chat',
    openSidebar: 'Abrir conversaciones',
    closeSidebar: 'Cerrar conversaciones',
    composerPlaceholder: 'Escribe un mensaje…',
    composerLabel: 'Mensaje',
    send: 'Enviar',
    stop: 'Detener',
    retry: 'Reintentar',
    messagesLabel: 'Mensajes',
    you: 'Tú',
    assistant: 'Asistente',
    thinking: 'Pensando…',
    stopped: 'Respuesta detenida',
    interrupted: 'Interrumpida: la respuesta no se completó.',
    reconnecting: 'Reconectando…',
    conversationDeleted: 'Esta conversación se eliminó.',
    jumpToLatest: 'Ir a lo más reciente',
    emptyConversationTitle: '¿En qué puedo ayudarte?',
    emptyConversationHint: 'La conversación se guarda cuando envías el primer mensaje.',
    loadingConversation: 'Cargando la conversación…',
    toolStarted: (tool) => `Usando ${tool}…`,
    toolFinished: (tool) => `Se usó ${tool}`,
    toolFailed: (tool) => `Error en ${tool}`,
    imageLink: (description) => `Imagen: ${description || 'sin título'} (no cargada)`,
    genericError: 'Algo salió mal. Inténtalo de nuevo.',
    sessionExpired:
      'Tu sesión ha caducado, así que ya no se puede abrir esta conversación. Empieza un nuevo chat para continuar.',
    newChatWithModel: (modelName) => `Nuevo chat con ${modelName}`,
    models: 'Modelos',
    conversations: 'Conversaciones',
    sidebarLabel: 'Conversaciones',
    today: relativeDay('es', 0),
    yesterday: relativeDay('es', -1),
    previousDays: (count) => plural('es', count, { one: 'Último día', other: 'Últimos {count} días' }),
    older: 'Anteriores',
    noConversations: 'Todavía no hay conversaciones.',
    loadMore: 'Cargar más',
    loading: 'Cargando…',
    renameConversation: (title) => `Cambiar el nombre de «${title}»`,
    deleteConversation: (title) => `Eliminar «${title}»`,
    conversationTitle: 'Título de la conversación',
    save: 'Guardar',
    cancel: 'Cancelar',
    confirmDelete: (title) => `¿Eliminar «${title}»?`,
    delete: 'Eliminar',
  },
} satisfies LocalePack;

export default es;
