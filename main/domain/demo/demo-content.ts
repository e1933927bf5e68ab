/**
 * pt-BR content of the demo floor: names, categories with what customers write about them, and
 * the agents' answers. It is customer data, not UI text, so it is not in the i18n catalogs.
 */

export const FIRST_NAMES = [
  'Ana', 'Maria', 'Juliana', 'Fernanda', 'Patrícia', 'Aline', 'Camila', 'Letícia', 'Beatriz', 'Larissa',
  'Gabriela', 'Mariana', 'Bruna', 'Vanessa', 'Luíza', 'Isabela', 'Raquel', 'Débora', 'Tatiane', 'Cláudia',
  'José', 'João', 'Antônio', 'Francisco', 'Carlos', 'Paulo', 'Pedro', 'Lucas', 'Luiz', 'Marcos',
  'Gabriel', 'Rafael', 'Daniel', 'Marcelo', 'Bruno', 'Eduardo', 'Felipe', 'Rodrigo', 'Thiago', 'Gustavo',
  'Matheus', 'André', 'Leonardo', 'Vinícius', 'Diego', 'Sérgio', 'Fábio', 'Renato', 'Otávio', 'Caio',
] as const;

export const LAST_NAMES = [
  'Silva', 'Santos', 'Oliveira', 'Souza', 'Rodrigues', 'Ferreira', 'Alves', 'Pereira', 'Lima', 'Gomes',
  'Costa', 'Ribeiro', 'Martins', 'Carvalho', 'Almeida', 'Lopes', 'Soares', 'Fernandes', 'Vieira', 'Barbosa',
  'Rocha', 'Dias', 'Nascimento', 'Andrade', 'Moreira', 'Nunes', 'Marques', 'Machado', 'Mendes', 'Freitas',
  'Cardoso', 'Ramos', 'Gonçalves', 'Santana', 'Teixeira', 'Araújo', 'Cavalcanti', 'Monteiro', 'Moura', 'Correia',
] as const;

/** Area codes weighted towards the large metropolitan areas. */
export const DDDS = [11, 11, 11, 11, 21, 21, 31, 41, 47, 48, 51, 61, 62, 71, 81, 85, 91, 19, 27, 92] as const;

export const EMAIL_DOMAINS = ['email.com.br', 'correio.net.br', 'exemplo.com.br', 'caixapostal.com'] as const;

export interface DemoCategory {
  name: string;
  subjects: readonly string[];
  /** What the customer writes first. */
  messages: readonly string[];
  /** How an agent answers. */
  replies: readonly string[];
  /** Disposition codes for calls in this category. */
  disposition: string;
}

export const CATEGORIES: readonly DemoCategory[] = [
  {
    name: 'Cobrança',
    disposition: 'cobranca-esclarecida',
    subjects: ['Cobrança em duplicidade na fatura', 'Valor da fatura diferente do contratado', 'Boleto não chegou', 'Estorno não apareceu no cartão'],
    messages: [
      'Olá, fui cobrado duas vezes na fatura deste mês. Podem verificar, por favor?',
      'Boa tarde. O valor da minha fatura veio maior do que o combinado na contratação.',
      'Não recebi o boleto deste mês e o vencimento é amanhã. Como faço?',
      'Pedi o estorno há 10 dias e ainda não apareceu no meu cartão.',
    ],
    replies: [
      'Olá! Verifiquei sua fatura e a cobrança em duplicidade já foi estornada. O crédito aparece em até 2 faturas.',
      'Conferi o seu contrato e ajustei o valor. A próxima fatura já virá corrigida.',
      'Enviei a segunda via do boleto para o seu e-mail cadastrado, com o mesmo vencimento.',
    ],
  },
  {
    name: 'Entrega',
    disposition: 'entrega-rastreada',
    subjects: ['Pedido não entregue', 'Atraso na entrega', 'Produto chegou avariado', 'Alterar endereço de entrega'],
    messages: [
      'Meu pedido deveria ter chegado ontem e até agora nada. O rastreio não atualiza.',
      'O produto chegou com a caixa amassada e a tela trincada.',
      'Preciso mudar o endereço de entrega do meu pedido, ainda dá tempo?',
      'Já faz uma semana do prazo e não recebi meu pedido.',
    ],
    replies: [
      'Verifiquei com a transportadora: seu pedido sai para entrega amanhã. Segue o código de rastreio atualizado.',
      'Sinto muito pelo ocorrido! Já abrimos a troca e a coleta do produto avariado será agendada.',
      'Endereço atualizado com sucesso. O prazo de entrega continua o mesmo.',
    ],
  },
  {
    name: 'Cancelamento',
    disposition: 'retido',
    subjects: ['Quero cancelar o plano', 'Cancelamento de pedido', 'Cancelar assinatura'],
    messages: [
      'Quero cancelar meu plano. Não estou usando o serviço.',
      'Comprei por engano, quero cancelar o pedido antes do envio.',
      'Como faço para cancelar a assinatura? Não encontro a opção no app.',
    ],
    replies: [
      'Cancelamento realizado. Você receberá o comprovante por e-mail em instantes.',
      'Conseguimos cancelar o pedido antes do envio. O estorno será feito na mesma forma de pagamento.',
      'Antes de cancelar, posso oferecer 3 meses com 50% de desconto. Caso prefira, cancelo agora mesmo.',
    ],
  },
  {
    name: 'Troca e devolução',
    disposition: 'troca-aberta',
    subjects: ['Troca de tamanho', 'Devolução de produto', 'Produto diferente do anunciado'],
    messages: [
      'O tamanho não serviu, gostaria de trocar por um maior.',
      'Quero devolver o produto, não atendeu às minhas expectativas.',
      'Recebi um produto diferente da foto do anúncio.',
    ],
    replies: [
      'A troca foi aberta! Você pode postar o produto em qualquer agência dos Correios com o código enviado por e-mail.',
      'Devolução autorizada. Assim que o produto chegar ao nosso centro, o reembolso é liberado em até 5 dias úteis.',
    ],
  },
  {
    name: 'Suporte técnico',
    disposition: 'suporte-resolvido',
    subjects: ['Aplicativo não abre', 'Erro ao fazer login', 'Internet caindo', 'Equipamento não liga'],
    messages: [
      'O aplicativo fecha sozinho assim que eu abro. Já reinstalei e continua.',
      'Não consigo entrar na minha conta, aparece "erro inesperado".',
      'Minha internet cai várias vezes por dia desde segunda-feira.',
      'O aparelho parou de ligar depois de uma queda de energia.',
    ],
    replies: [
      'Identificamos uma falha na versão 4.2 do app. A correção já está disponível: atualize pela loja, por favor.',
      'Redefini o seu acesso. Use o link enviado por SMS para criar uma nova senha.',
      'Fiz um teste de linha e encontrei instabilidade. Um técnico irá ao local amanhã entre 8h e 12h.',
    ],
  },
  {
    name: 'Cadastro',
    disposition: 'cadastro-atualizado',
    subjects: ['Atualizar dados cadastrais', 'Alterar titularidade', 'Excluir meus dados (LGPD)'],
    messages: [
      'Mudei de endereço e preciso atualizar meu cadastro.',
      'Gostaria de transferir a titularidade da conta para o meu marido.',
      'Quero que vocês excluam todos os meus dados, conforme a LGPD.',
    ],
    replies: [
      'Cadastro atualizado! Confira os dados no aplicativo.',
      'Para a troca de titularidade, envie os documentos pelo link que mandei no seu e-mail.',
      'Sua solicitação de exclusão de dados foi registrada e será concluída em até 15 dias, conforme a LGPD.',
    ],
  },
];

export const NOTES = [
  'Cliente já ligou outras vezes sobre o mesmo assunto. Tratar com prioridade.',
  'Aguardando retorno do financeiro para confirmar o estorno.',
  'Verificado no sistema da transportadora: entrega reagendada.',
  'Cliente pediu retorno por WhatsApp no fim da tarde.',
] as const;

export const FOLLOW_UPS = [
  'Obrigado pelo retorno! Mas ainda não resolveu, podem verificar de novo?',
  'Certo, fico no aguardo.',
  'Perfeito, muito obrigado pela ajuda!',
  'Recebi, obrigado. Só mais uma dúvida: o prazo é em dias úteis?',
] as const;

export const SURVEY_COMMENTS: Readonly<Record<number, readonly string[]>> = {
  1: ['Demorou demais e não resolveram.', 'Péssimo atendimento, tive que ligar três vezes.'],
  2: ['Resolveram, mas precisei insistir muito.'],
  3: ['Atendimento ok, mas poderia ser mais rápido.'],
  4: ['Bom atendimento, atendente educada.'],
  5: ['Excelente! Resolveram na hora.', 'Muito bem atendido, parabéns à equipe.'],
};

export interface DemoMacro {
  name: string;
  body: string;
  status: 'solved' | 'pending' | null;
  priority: 'urgent' | null;
  addTags: string[];
}

/** Canned replies an operation starts with (admins edit them under Administração). */
export const MACROS: readonly DemoMacro[] = [
  {
    name: 'Saudação inicial',
    body: 'Olá, {{customer.first_name}}! Aqui é {{agent.first_name}}, da Central Atende. Já estou verificando o seu atendimento #{{ticket.number}}.',
    status: null,
    priority: null,
    addTags: [],
  },
  {
    name: 'Resolvido — encerrar',
    body: 'Olá, {{customer.first_name}}! Seu atendimento #{{ticket.number}} foi resolvido. Se precisar de algo mais, é só responder esta mensagem.\n\nAtenciosamente,\n{{agent.name}}',
    status: 'solved',
    priority: null,
    addTags: [],
  },
  {
    name: 'Aguardando retorno do cliente',
    body: 'Olá, {{customer.first_name}}! Para continuar, preciso que você me envie o número do pedido e uma foto do produto. Fico no aguardo.\n\n{{agent.name}}',
    status: 'pending',
    priority: null,
    addTags: ['aguardando-cliente'],
  },
  {
    name: 'Estorno solicitado',
    body: 'Olá, {{customer.first_name}}! Solicitei o estorno referente ao atendimento #{{ticket.number}}. O valor aparece em até 2 faturas do seu cartão.\n\n{{agent.name}}',
    status: 'solved',
    priority: null,
    addTags: ['estorno'],
  },
  {
    name: 'Reclamação Procon — prioridade',
    body: 'Olá, {{customer.first_name}}. Recebemos sua reclamação e ela está sendo tratada com prioridade pela nossa equipe. Retornaremos em até 24 horas.\n\n{{agent.name}}',
    status: null,
    priority: 'urgent',
    addTags: ['procon'],
  },
];
