import type { LocalePack } from '../locale-pack';
import { plural } from '../plural';
import { relativeDay } from '../relative-day';

// French punctuation: a narrow no-break space (U+202F) before ? and :, no-break spaces (U+00A0)
// inside « ».
const fr = {
  locale: 'fr',
  name: 'Français',
  direction: 'ltr',
  needsReview: true,
  notes:
    'Vouvoiement ("vous"); buttons in the infinitive. Guillemets « » with no-break spaces, and a ' +
    'narrow no-break space before "?" and ":".',
  strings: {
    newChat: 'Nouvelle discussion',
    openSidebar: 'Ouvrir les discussions',
    closeSidebar: 'Fermer les discussions',
    composerPlaceholder: 'Écrivez un message…',
    composerLabel: 'Message',
    send: 'Envoyer',
    stop: 'Arrêter',
    retry: 'Réessayer',
    messagesLabel: 'Messages',
    you: 'Vous',
    assistant: 'Assistant',
    thinking: 'Réflexion…',
    stopped: 'Réponse interrompue',
    interrupted: 'Interrompue : la réponse n’a pas été terminée.',
    reconnecting: 'Reconnexion…',
    conversationDeleted: 'Cette conversation a été supprimée.',
    jumpToLatest: 'Aller au plus récent',
    emptyConversationTitle: 'Comment puis-je vous aider\u202f?',
    emptyConversationHint: 'La discussion est enregistrée dès que vous envoyez le premier message.',
    loadingConversation: 'Chargement de la discussion…',
    toolStarted: (tool) => `Utilisation de ${tool}…`,
    toolFinished: (tool) => `${tool} utilisé`,
    toolFailed: (tool) => `Échec de ${tool}`,
    imageLink: (description) => `Image\u202f: ${description || 'sans titre'} (non chargée)`,
    genericError: 'Une erreur s’est produite. Veuillez réessayer.',
    sessionExpired:
      'Votre session a expiré : cette discussion ne peut plus être ouverte. Commencez une nouvelle discussion pour continuer.',
    newChatWithModel: (modelName) => `Nouvelle discussion avec ${modelName}`,
    models: 'Modèles',
    conversations: 'Discussions',
    sidebarLabel: 'Discussions',
    today: relativeDay('fr', 0),
    yesterday: relativeDay('fr', -1),
    previousDays: (count) =>
      plural('fr', count, { one: 'Jour précédent', other: '{count} jours précédents' }),
    older: 'Plus anciennes',
    noConversations: 'Aucune discussion pour l’instant.',
    loadMore: 'Afficher plus',
    loading: 'Chargement…',
    renameConversation: (title) => `Renommer «\u00a0${title}\u00a0»`,
    deleteConversation: (title) => `Supprimer «\u00a0${title}\u00a0»`,
    conversationTitle: 'Titre de la discussion',
    save: 'Enregistrer',
    cancel: 'Annuler',
    confirmDelete: (title) => `Supprimer «\u00a0${title}\u00a0»\u202f?`,
    delete: 'Supprimer',
  },
} satisfies LocalePack;

export default fr;
