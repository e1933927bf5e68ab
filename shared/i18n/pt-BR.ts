import { adminPtBR } from './admin.pt-BR';
import { automationPtBR } from './automation.pt-BR';
import { ctiPtBR } from './cti.pt-BR';
import { kbErrorsPtBR, kbPtBR } from './kb.pt-BR';
import { workspaceErrorsPtBR, workspacePtBR } from './workspace.pt-BR';
import { kpiPtBR } from './kpi.pt-BR';
import { supervisorErrorsPtBR, supervisorPtBR } from './supervisor.pt-BR';

/**
 * The source catalog (pt-BR). Every other language is typed against its shape: a key added here
 * is a type error in `en.ts` until it is translated there.
 *
 * Keys under `errors` are the message keys the server sends (`errors.<reason>`).
 */
export const ptBR = {
  app: {
    name: 'Atende',
    tagline: 'Central de atendimento',
    loading: 'Carregando…',
    skipToContent: 'Pular para o conteúdo',
    startupErrorTitle: 'Não foi possível abrir o Atende',
    retry: 'Tentar novamente',
  },
  language: {
    label: 'Idioma',
    names: { 'pt-BR': 'Português (Brasil)', en: 'English' },
    short: { 'pt-BR': 'PT', en: 'EN' },
  },
  theme: {
    dark: 'Tema escuro',
    darkOn: 'Tema escuro ativado',
    darkOff: 'Tema claro ativado',
  },
  login: {
    title: 'Entrar',
    subtitle: 'Use seu usuário e senha da central.',
    username: 'Usuário',
    password: 'Senha',
    showPassword: 'Mostrar senha',
    hidePassword: 'Ocultar senha',
    submit: 'Entrar',
    submitting: 'Entrando…',
    required: 'Informe o usuário e a senha.',
    sessionExpired: 'Sua sessão expirou. Entre novamente.',
    heroTitle: 'Todos os canais, um só atendimento.',
    heroBody: 'Telefone, e-mail, chat, WhatsApp e redes sociais na mesma fila, com o histórico do cliente na tela antes de atender.',
    heroPoint1: 'Fila única priorizada por SLA',
    heroPoint2: 'Visão 360° do cliente na chamada',
    heroPoint3: 'Indicadores da operação em tempo real',
  },
  nav: {
    label: 'Navegação principal',
    queue: 'Fila',
    customers: 'Clientes',
    supervisor: 'Supervisão',
    kb: 'Base de conhecimento',
    admin: 'Administração',
  },
  topbar: {
    agentState: 'Estado',
    agentStateSoon: 'A troca de estado chega em breve.',
    extension: 'Ramal {{extension}}',
    logout: 'Sair',
    loggingOut: 'Saindo…',
    account: 'Conta',
  },
  role: {
    agent: 'Agente',
    supervisor: 'Supervisor',
    admin: 'Administrador',
  },
  agentState: {
    offline: 'Indisponível',
    available: 'Disponível',
    paused: 'Em pausa',
    in_call: 'Em chamada',
    wrap_up: 'Pós-atendimento',
  },
  connection: {
    label: 'Conexão com o servidor',
    connected: 'Conectado',
    connecting: 'Conectando…',
    reconnecting: 'Reconectando…',
    offline: 'Sem conexão',
  },
  queue: {
    title: 'Fila',
    subtitle: 'Tickets abertos, do SLA mais urgente ao menos urgente.',
    count_one: '{{count, number}} ticket',
    count_many: '{{count, number}} tickets',
    count_other: '{{count, number}} tickets',
    refresh: 'Atualizar',
    live: 'Ao vivo',
    liveHint: 'A fila se atualiza sozinha quando um ticket muda.',
    tableLabel: 'Tickets da fila',
    loading: 'Carregando tickets…',
    loadingMore: 'Carregando mais tickets…',
    emptyTitle: 'Nenhum ticket na fila',
    emptyBody: 'Quando chegar um novo ticket, ele aparece aqui.',
    errorTitle: 'Não foi possível carregar a fila',
    columns: {
      number: 'Nº',
      customer: 'Cliente',
      subject: 'Assunto',
      channel: 'Canal',
      priority: 'Prioridade',
      status: 'Status',
      sla: 'SLA',
      updated: 'Atualizado',
    },
    noSla: 'Sem SLA',
    slaOverdue: 'Vencido',
    slaDueAt: 'Vence em {{date}}',
    slaOverdueSince: 'Venceu em {{date}}',
    updatedAt: 'Atualizado em {{date}}',
    team: 'Equipe: {{team}}',
    assignee: 'Responsável: {{name}}',
    unassigned: 'Sem responsável',
  },
  channel: {
    phone: 'Telefone',
    email: 'E-mail',
    chat: 'Chat',
    whatsapp: 'WhatsApp',
    social: 'Redes sociais',
    web: 'Web',
  },
  status: {
    new: 'Novo',
    open: 'Aberto',
    pending: 'Pendente',
    on_hold: 'Em espera',
    solved: 'Resolvido',
    closed: 'Fechado',
  },
  priority: {
    low: 'Baixa',
    normal: 'Normal',
    high: 'Alta',
    urgent: 'Urgente',
  },
  time: {
    now: 'agora',
  },
  placeholder: {
    comingSoon: 'Em breve',
    customersBody: 'Aqui você vai buscar clientes por nome, CPF, telefone ou e-mail e ver o histórico completo de cada um.',
    supervisorBody: 'Aqui ficarão o painel da operação em tempo real, o estado dos agentes e os indicadores de SLA.',
    kbBody: 'Aqui ficarão os artigos e respostas prontas da base de conhecimento, com busca durante o atendimento.',
    adminBody: 'Aqui ficarão usuários, equipes, políticas de SLA, canais e integrações de telefonia.',
  },
  notFound: {
    title: 'Página não encontrada',
    body: 'Este endereço não existe ou você não tem acesso a ele.',
    back: 'Voltar para a fila',
  },
  errors: {
    unauthorized: 'Sua sessão expirou. Entre novamente.',
    forbidden: 'Você não tem permissão para fazer isso.',
    not_found: 'O registro não foi encontrado.',
    invalid_credentials: 'Usuário ou senha incorretos.',
    inactive: 'Este usuário está desativado. Fale com o administrador.',
    too_many_attempts: 'Muitas tentativas de acesso. Aguarde alguns minutos e tente de novo.',
    wrong_current_password: 'A senha atual está incorreta.',
    version_conflict: 'Outra pessoa alterou este registro. Recarregue e tente de novo.',
    already_assigned: 'Este ticket já foi assumido por outro agente.',
    username_taken: 'Este nome de usuário já está em uso.',
    extension_taken: 'Este ramal já está em uso.',
    queue_taken: 'Esta fila da central já pertence a outra equipe.',
    reason_required: 'Informe o motivo.',
    same_ticket: 'Não é possível mesclar um ticket com ele mesmo.',
    ticket_closed: 'Este ticket está fechado.',
    unknown_customer: 'Cliente não encontrado.',
    unknown_team: 'Equipe não encontrada.',
    unknown_assignee: 'Responsável não encontrado.',
    validation: 'Verifique os dados informados.',
    conflict: 'Houve um conflito com outra alteração. Tente de novo.',
    rate_limited: 'Muitas requisições. Aguarde um instante e tente de novo.',
    timeout: 'O servidor demorou para responder. Tente de novo.',
    network: 'Não foi possível falar com o servidor. Verifique a conexão.',
    internal: 'Ocorreu um erro inesperado no servidor. Tente de novo.',
    unknown: 'Algo deu errado. Tente de novo.',
    ...workspaceErrorsPtBR,
    ...kbErrorsPtBR,
    ...supervisorErrorsPtBR,
  },
  workspace: workspacePtBR,
  ...kpiPtBR,
  supervisor: supervisorPtBR,
  cti: ctiPtBR,
  kb: kbPtBR,
  automation: automationPtBR,
  admin: adminPtBR,
} as const;

/** The shape every catalog must have: the same nested keys, any string values. */
export type CatalogShape<T> = { readonly [K in keyof T]: T[K] extends string ? string : CatalogShape<T[K]> };

export type Catalog = CatalogShape<typeof ptBR>;
