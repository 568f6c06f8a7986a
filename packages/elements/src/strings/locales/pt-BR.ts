import type { LocalePack } from '../locale-pack';
import { plural } from '../plural';
import { relativeDay } from '../relative-day';

const ptBR = {
  locale: 'pt-BR',
  name: 'Português (Brasil)',
  direction: 'ltr',
  needsReview: true,
  notes:
    'Brazilian Portuguese with "você"; Brazilian terms ("Salvar", "Excluir", "Carregando"). Also ' +
    'used for pt and pt-PT until a European Portuguese pack exists. Quotes “ ”.',
  strings: {
    newChat: 'Nova conversa',
    openSidebar: 'Abrir conversas',
    closeSidebar: 'Fechar conversas',
    composerPlaceholder: 'Digite uma mensagem…',
    composerLabel: 'Mensagem',
    send: 'Enviar',
    stop: 'Parar',
    retry: 'Tentar novamente',
    messagesLabel: 'Mensagens',
    you: 'Você',
    assistant: 'Assistente',
    thinking: 'Pensando…',
    stopped: 'Resposta interrompida',
    interrupted: 'Interrompida: a resposta não foi concluída.',
    reconnecting: 'Reconectando…',
    conversationDeleted: 'Esta conversa foi excluída.',
    jumpToLatest: 'Ir para o mais recente',
    emptyConversationTitle: 'Como posso ajudar?',
    emptyConversationHint: 'A conversa é salva quando você envia a primeira mensagem.',
    loadingConversation: 'Carregando a conversa…',
    toolStarted: (tool) => `Usando ${tool}…`,
    toolFinished: (tool) => `${tool} usado`,
    toolFailed: (tool) => `Falha em ${tool}`,
    imageLink: (description) => `Imagem: ${description || 'sem título'} (não carregada)`,
    genericError: 'Algo deu errado. Tente novamente.',
    sessionExpired:
      'Sua sessão expirou, por isso esta conversa não pode mais ser aberta. Inicie uma nova conversa para continuar.',
    newChatWithModel: (modelName) => `Nova conversa com ${modelName}`,
    models: 'Modelos',
    conversations: 'Conversas',
    sidebarLabel: 'Conversas',
    today: relativeDay('pt-BR', 0),
    yesterday: relativeDay('pt-BR', -1),
    previousDays: (count) => plural('pt-BR', count, { one: 'Último dia', other: 'Últimos {count} dias' }),
    older: 'Mais antigas',
    noConversations: 'Nenhuma conversa ainda.',
    loadMore: 'Carregar mais',
    loading: 'Carregando…',
    renameConversation: (title) => `Renomear “${title}”`,
    deleteConversation: (title) => `Excluir “${title}”`,
    conversationTitle: 'Título da conversa',
    save: 'Salvar',
    cancel: 'Cancelar',
    confirmDelete: (title) => `Excluir “${title}”?`,
    delete: 'Excluir',
  },
} satisfies LocalePack;

export default ptBR;
