/**
 * The demo floor's knowledge base: articles a Brazilian B2C operation keeps for its agents and its
 * self-service site, in the demo's categories (a few in English). Customer-facing content, not UI
 * text, so it is not in the i18n catalogs.
 */

export interface DemoArticle {
  title: string;
  category: string;
  tags: string[];
  visibility: 'internal' | 'public';
  language?: 'pt-BR' | 'en';
  body: string;
}

export const DEMO_ARTICLES: readonly DemoArticle[] = [
  // Cobrança
  {
    title: 'Cobrança em duplicidade na fatura',
    category: 'Cobrança',
    tags: ['fatura', 'estorno', 'cartao'],
    visibility: 'public',
    body: `Quando a mesma compra aparece duas vezes na fatura, o valor duplicado é estornado automaticamente.

## O que fazer
1. Confira na fatura a data e o valor das duas cobranças.
2. Se forem idênticas, o estorno é solicitado por nós em até **2 dias úteis**.
3. O crédito aparece em até **duas faturas**, conforme a operadora do cartão.

## Quando falar com a central
Se a segunda fatura fechar sem o crédito, responda o atendimento informando o número do pedido.`,
  },
  {
    title: 'Prazo do estorno no cartão de crédito',
    category: 'Cobrança',
    tags: ['estorno', 'cartao', 'reembolso'],
    visibility: 'public',
    body: `O estorno é enviado à operadora do cartão no mesmo dia da aprovação do cancelamento ou da devolução.

- **Cartão de crédito:** o valor aparece como crédito em até duas faturas.
- **Cartão de débito e Pix:** o valor volta para a conta em até 5 dias úteis.
- **Boleto:** o reembolso é feito por transferência para uma conta do titular.

Guarde o número do protocolo: ele é pedido pela operadora em caso de dúvida.`,
  },
  {
    title: 'Segunda via do boleto',
    category: 'Cobrança',
    tags: ['boleto', 'segunda-via'],
    visibility: 'public',
    body: `A segunda via do boleto pode ser emitida a qualquer momento, com o mesmo vencimento.

## Pelo aplicativo
Abra **Faturas**, escolha o mês e toque em **Gerar segunda via**.

## Pela central
O agente envia o boleto para o e-mail cadastrado. Confira também a caixa de spam.

Boletos vencidos são atualizados com multa de 2% e juros de 1% ao mês.`,
  },
  {
    title: 'Valor da fatura diferente do contratado',
    category: 'Cobrança',
    tags: ['fatura', 'contrato', 'reajuste'],
    visibility: 'internal',
    body: `Antes de ajustar, verifique no sistema de contratos:

1. **Reajuste anual** (IGP-M ou IPCA, conforme o contrato) aplicado no mês de aniversário.
2. **Fim de desconto promocional** (normalmente após 6 ou 12 meses).
3. **Serviços adicionais** contratados pelo cliente (pacotes, seguros).

Se nenhum dos três explicar a diferença, abra ajuste de fatura com a tag \`ajuste-fatura\` e informe o cliente que a próxima fatura virá corrigida.`,
  },
  {
    title: 'Pagamento por Pix',
    category: 'Cobrança',
    tags: ['pix', 'pagamento'],
    visibility: 'public',
    body: `Todas as faturas podem ser pagas por Pix com o **QR Code** impresso no boleto ou com o código "copia e cola" do aplicativo.

A baixa do pagamento é imediata. Se a fatura continuar em aberto depois de 1 hora, envie o comprovante pelo atendimento.`,
  },
  {
    title: 'Boleto não chegou',
    category: 'Cobrança',
    tags: ['boleto', 'email'],
    visibility: 'public',
    body: `Os boletos são enviados para o e-mail cadastrado 10 dias antes do vencimento.

Se não chegou:
- confira a caixa de spam e a aba **Promoções**;
- confirme se o e-mail do cadastro está correto;
- gere a segunda via pelo aplicativo ou peça à central.

O atraso no recebimento do boleto não isenta de multa; por isso, use a segunda via.`,
  },
  {
    title: 'Negociação de faturas em atraso',
    category: 'Cobrança',
    tags: ['negociacao', 'atraso', 'parcelamento'],
    visibility: 'internal',
    body: `Clientes com até 3 faturas em atraso podem parcelar o débito em até **6 vezes** sem juros adicionais.

## Passo a passo para o agente
1. Confirme a identidade (CPF e data de nascimento).
2. Simule o parcelamento no sistema financeiro.
3. Envie o acordo por e-mail e registre o protocolo no ticket.

Acima de 3 faturas, transfira para a equipe **Financeiro** (nível 2).`,
  },
  // Entrega
  {
    title: 'Pedido atrasado: como rastrear a entrega',
    category: 'Entrega',
    tags: ['rastreio', 'atraso', 'transportadora'],
    visibility: 'public',
    body: `O código de rastreio é enviado por e-mail e SMS assim que o pedido sai do nosso centro de distribuição.

## Como rastrear
Acesse **Meus pedidos** no aplicativo ou o site da transportadora com o código.

## Se o prazo passou
- Até 2 dias úteis de atraso: aguarde, a transportadora ainda pode entregar.
- Mais de 2 dias úteis: fale com a central; abrimos uma reclamação com a transportadora e informamos a nova data.`,
  },
  {
    title: 'Rastreio não atualiza',
    category: 'Entrega',
    tags: ['rastreio', 'transportadora'],
    visibility: 'internal',
    body: `O rastreio pode ficar até **48 horas** sem atualização entre centros de distribuição.

Se passar disso, consulte o painel da transportadora (acesso na intranet) e:
1. registre no ticket o último status;
2. abra chamado com a transportadora pelo portal;
3. informe ao cliente o prazo de resposta (até 3 dias úteis).`,
  },
  {
    title: 'Alterar o endereço de entrega',
    category: 'Entrega',
    tags: ['endereco', 'pedido'],
    visibility: 'public',
    body: `O endereço pode ser alterado enquanto o pedido estiver com status **Em separação**.

Depois que o pedido é despachado, não é possível mudar o endereço; nesse caso, a transportadora tenta a entrega três vezes e o pedido volta para nós, com reembolso integral.`,
  },
  {
    title: 'Produto chegou avariado',
    category: 'Entrega',
    tags: ['avaria', 'troca', 'coleta'],
    visibility: 'public',
    body: `Sentimos muito! Se o produto chegou quebrado, amassado ou com a embalagem violada:

1. Tire fotos da embalagem e do produto.
2. Envie as fotos pelo atendimento em até **7 dias** do recebimento.
3. Agendamos a coleta sem custo e enviamos um novo produto (ou o reembolso, se preferir).

Não descarte a embalagem até a coleta.`,
  },
  {
    title: 'Entrega feita, mas o pedido não foi recebido',
    category: 'Entrega',
    tags: ['entrega', 'extravio'],
    visibility: 'internal',
    body: `Quando o rastreio mostra "entregue" e o cliente não recebeu:

- peça que confira com portaria, vizinhos e familiares;
- solicite à transportadora o **comprovante de entrega** (nome e documento de quem recebeu);
- se o comprovante não existir ou for de outra pessoa, trate como **extravio**: reenvio ou reembolso em até 5 dias úteis.

Use a tag \`extravio\` para o acompanhamento do financeiro.`,
  },
  {
    title: 'Frete grátis e prazos por região',
    category: 'Entrega',
    tags: ['frete', 'prazo'],
    visibility: 'public',
    body: `O frete é grátis para compras acima de **R$ 199** nas regiões Sul e Sudeste.

| Região | Prazo médio |
| --- | --- |
| Capitais do Sul e Sudeste | 2 a 4 dias úteis |
| Interior do Sul e Sudeste | 4 a 7 dias úteis |
| Centro-Oeste e Nordeste | 5 a 9 dias úteis |
| Norte | 7 a 12 dias úteis |`,
  },
  {
    title: 'Entregas aos sábados',
    category: 'Entrega',
    tags: ['entrega', 'prazo'],
    visibility: 'public',
    body: `As transportadoras parceiras entregam aos sábados nas capitais e regiões metropolitanas, das 8h às 14h. Domingos e feriados não têm entrega.`,
  },
  // Cancelamento
  {
    title: 'Cancelamento de assinatura',
    category: 'Cancelamento',
    tags: ['cancelamento', 'assinatura', 'retencao'],
    visibility: 'public',
    body: `Você pode cancelar a assinatura a qualquer momento pelo aplicativo (**Conta > Assinatura > Cancelar**) ou pela central.

- O cancelamento vale a partir do próximo ciclo; o mês já pago continua ativo.
- Não há multa após o período de fidelidade de 12 meses.
- Você recebe o comprovante por e-mail.`,
  },
  {
    title: 'Oferta de retenção antes do cancelamento',
    category: 'Cancelamento',
    tags: ['retencao', 'desconto'],
    visibility: 'internal',
    body: `Antes de concluir um cancelamento, ofereça **uma** das opções (nesta ordem):

1. 3 meses com 50% de desconto;
2. troca para o plano básico sem multa;
3. pausa da assinatura por até 60 dias.

Se o cliente recusar, cancele imediatamente, sem insistir: a insistência gera reclamação no Procon e no Reclame Aqui.`,
  },
  {
    title: 'Cancelar pedido antes do envio',
    category: 'Cancelamento',
    tags: ['cancelamento', 'pedido', 'estorno'],
    visibility: 'public',
    body: `Pedidos com status **Aguardando pagamento** ou **Em separação** podem ser cancelados sem custo.

O estorno segue a forma de pagamento: crédito em até duas faturas no cartão, ou em até 5 dias úteis no Pix.`,
  },
  {
    title: 'Multa por cancelamento na fidelidade',
    category: 'Cancelamento',
    tags: ['multa', 'fidelidade', 'contrato'],
    visibility: 'public',
    body: `Planos com fidelidade de 12 meses têm multa proporcional aos meses restantes.

**Exemplo:** benefício de R$ 240 no contrato, cancelamento no 8º mês → multa de R$ 240 × 4/12 = **R$ 80**.

A multa não é cobrada em caso de mudança para área sem cobertura ou falha de serviço comprovada.`,
  },
  {
    title: 'Direito de arrependimento (7 dias)',
    category: 'Cancelamento',
    tags: ['arrependimento', 'cdc'],
    visibility: 'public',
    body: `Compras feitas pela internet ou por telefone podem ser canceladas em até **7 dias** do recebimento, sem justificativa (Código de Defesa do Consumidor, art. 49).

O reembolso é integral, incluindo o frete.`,
  },
  {
    title: 'Portabilidade para outra operadora',
    category: 'Cancelamento',
    tags: ['portabilidade'],
    visibility: 'internal',
    body: `Na portabilidade, a nova operadora pede o cancelamento em nome do cliente. Não abra cancelamento em paralelo: isso interrompe a linha antes da portabilidade.

Se o cliente ligar para cancelar por portabilidade, confirme o protocolo da nova operadora e registre no ticket.`,
  },
  // Troca e devolução
  {
    title: 'Como trocar um produto',
    category: 'Troca e devolução',
    tags: ['troca', 'correios'],
    visibility: 'public',
    body: `A troca pode ser pedida em até **30 dias** do recebimento.

1. Abra a troca no aplicativo (**Meus pedidos > Trocar**) ou pela central.
2. Você recebe um código de postagem por e-mail.
3. Leve o produto a qualquer agência dos Correios, sem custo.

O novo produto é enviado assim que o devolvido chega ao nosso centro.`,
  },
  {
    title: 'Troca por tamanho',
    category: 'Troca e devolução',
    tags: ['troca', 'tamanho'],
    visibility: 'public',
    body: `A primeira troca por tamanho é grátis. O produto deve estar sem uso, com etiqueta.

Se o tamanho desejado estiver esgotado, oferecemos vale-compra no valor pago ou reembolso.`,
  },
  {
    title: 'Devolução e reembolso',
    category: 'Troca e devolução',
    tags: ['devolucao', 'reembolso'],
    visibility: 'public',
    body: `Depois que o produto devolvido chega ao nosso centro, conferimos o estado em até 2 dias úteis e liberamos o reembolso:

- cartão: crédito em até duas faturas;
- Pix ou boleto: transferência em até 5 dias úteis.`,
  },
  {
    title: 'Produto diferente do anunciado',
    category: 'Troca e devolução',
    tags: ['troca', 'anuncio'],
    visibility: 'internal',
    body: `Se o cliente recebeu um produto diferente da foto ou da descrição:

1. peça foto do produto e da etiqueta;
2. abra a troca com o motivo **divergência de anúncio** (frete por nossa conta);
3. avise o time de catálogo pela tag \`anuncio-errado\` para corrigir a página.`,
  },
  {
    title: 'Garantia de produtos com defeito',
    category: 'Troca e devolução',
    tags: ['garantia', 'defeito'],
    visibility: 'public',
    body: `Produtos com defeito têm garantia legal de **90 dias** (bens duráveis) ou 30 dias (não duráveis), além da garantia do fabricante.

Dentro de 7 dias do recebimento, trocamos direto. Depois, encaminhamos para a assistência técnica autorizada, que tem 30 dias para o reparo.`,
  },
  {
    title: 'Vale-compra: como usar',
    category: 'Troca e devolução',
    tags: ['voucher', 'vale-compra'],
    visibility: 'public',
    body: `O vale-compra é enviado por e-mail e vale por 12 meses. Use o código no campo **Cupom** ao finalizar a compra. Ele pode ser somado a outras formas de pagamento.`,
  },
  // Suporte técnico
  {
    title: 'Aplicativo fecha sozinho ou não abre',
    category: 'Suporte técnico',
    tags: ['aplicativo', 'atualizacao'],
    visibility: 'public',
    body: `A maioria dos casos se resolve assim:

1. Atualize o aplicativo pela loja (versão **4.3** ou mais nova).
2. Limpe o cache: **Configurações > Apps > Atende > Armazenamento > Limpar cache**.
3. Reinicie o celular.

Se continuar, desinstale e instale de novo; seus dados ficam salvos na conta.`,
  },
  {
    title: 'Erro ao fazer login',
    category: 'Suporte técnico',
    tags: ['login', 'senha'],
    visibility: 'public',
    body: `Se aparece "erro inesperado" ao entrar:

- confira se o e-mail está correto e sem espaço no final;
- use **Esqueci minha senha** para criar uma nova (o link chega por SMS e e-mail);
- depois de 5 tentativas erradas, o acesso fica bloqueado por 15 minutos.`,
  },
  {
    title: 'Internet caindo ou lenta',
    category: 'Suporte técnico',
    tags: ['internet', 'roteador', 'wi-fi'],
    visibility: 'public',
    body: `Antes de abrir um chamado técnico:

1. Desligue o roteador da tomada por 30 segundos e ligue de novo.
2. Teste com o cabo de rede direto no computador.
3. Afaste o roteador de micro-ondas e paredes grossas.

Se a queda continuar, a central faz um **teste de linha** remoto e, se preciso, agenda uma visita técnica.`,
  },
  {
    title: 'Teste de linha e visita técnica',
    category: 'Suporte técnico',
    tags: ['internet', 'tecnico', 'visita'],
    visibility: 'internal',
    body: `No sistema de rede, rode o **teste de linha** com o CPF do titular.

- Sinal abaixo de −27 dBm ou perda de pacotes acima de 2%: agende visita técnica (janelas 8h–12h ou 13h–18h).
- Sinal normal: oriente o cliente sobre o Wi-Fi (canal, posição do roteador) e registre o resultado no ticket.

Clientes VIP têm visita em até 24 horas.`,
  },
  {
    title: 'Equipamento não liga após queda de energia',
    category: 'Suporte técnico',
    tags: ['equipamento', 'energia', 'troca'],
    visibility: 'public',
    body: `Verifique se a fonte está bem encaixada e teste outra tomada. Se a luz do equipamento não acender, a fonte pode ter queimado: trocamos o equipamento sem custo em até 2 dias úteis.`,
  },
  {
    title: 'Como configurar o Wi-Fi',
    category: 'Suporte técnico',
    tags: ['wi-fi', 'roteador', 'senha'],
    visibility: 'public',
    body: `Acesse **192.168.0.1** no navegador, entre com o usuário e a senha da etiqueta do roteador e abra **Rede sem fio**.

Recomendamos:
- rede de 5 GHz para celulares e TVs perto do roteador;
- senha com pelo menos 12 caracteres;
- trocar a senha padrão do painel.`,
  },
  {
    title: 'Código de verificação por SMS não chega',
    category: 'Suporte técnico',
    tags: ['sms', 'login', 'seguranca'],
    visibility: 'public',
    body: `O SMS pode levar até 2 minutos. Confira se o número do cadastro está correto e se o celular tem sinal. Depois de 3 tentativas, o código também é enviado por e-mail.`,
  },
  {
    title: 'Falha conhecida: app versão 4.2',
    category: 'Suporte técnico',
    tags: ['aplicativo', 'incidente'],
    visibility: 'internal',
    body: `A versão **4.2** do aplicativo fecha ao abrir a tela de faturas em alguns Android 10. A correção está na **4.3**.

Resposta padrão: peça ao cliente para atualizar pela loja. Use a tag \`app-4-2\` para contarmos os casos.`,
  },
  // Cadastro
  {
    title: 'Atualizar dados cadastrais',
    category: 'Cadastro',
    tags: ['cadastro', 'endereco'],
    visibility: 'public',
    body: `Endereço, telefone e e-mail podem ser atualizados no aplicativo em **Conta > Meus dados**.

Nome e CPF só mudam com documento: envie foto do RG ou da CNH pelo atendimento.`,
  },
  {
    title: 'Troca de titularidade',
    category: 'Cadastro',
    tags: ['titularidade', 'documentos'],
    visibility: 'public',
    body: `Para transferir a conta para outra pessoa, precisamos de:

- documento com foto e CPF do titular atual e do novo titular;
- comprovante de residência do novo titular;
- termo de transferência assinado pelos dois (enviado por e-mail pela central).

A troca é concluída em até 5 dias úteis e não altera o plano.`,
  },
  {
    title: 'Exclusão de dados pessoais (LGPD)',
    category: 'Cadastro',
    tags: ['lgpd', 'privacidade'],
    visibility: 'public',
    body: `Você pode pedir a exclusão dos seus dados pessoais a qualquer momento, conforme a Lei Geral de Proteção de Dados.

- A solicitação é registrada e respondida em até **15 dias**.
- Dados que a lei obriga a guardar (notas fiscais, por exemplo) são mantidos pelo prazo legal e depois apagados.
- Contas com débitos em aberto precisam ser quitadas antes da exclusão.`,
  },
  {
    title: 'Procedimento interno para pedidos LGPD',
    category: 'Cadastro',
    tags: ['lgpd', 'privacidade', 'dpo'],
    visibility: 'internal',
    body: `1. Confirme a identidade do titular (CPF + dado adicional).
2. Registre o pedido com a tag \`lgpd\` e o tipo (acesso, correção, exclusão, portabilidade).
3. Encaminhe ao encarregado (DPO) pela fila **Especialistas**.

Nunca envie dados pessoais por canal não verificado.`,
  },
  {
    title: 'Incluir dependente no plano',
    category: 'Cadastro',
    tags: ['dependente', 'plano'],
    visibility: 'public',
    body: `O titular pode incluir até 3 dependentes pelo aplicativo (**Conta > Dependentes**) informando nome, CPF e data de nascimento. A inclusão vale no ciclo seguinte.`,
  },
  {
    title: 'Consentimento para pesquisas e comunicações',
    category: 'Cadastro',
    tags: ['lgpd', 'consentimento', 'pesquisa'],
    visibility: 'internal',
    body: `O cliente pode recusar pesquisas de satisfação e comunicações de marketing. Altere o consentimento no perfil do cliente (visão 360°) e registre no ticket quando for pedido por telefone.

Sem consentimento, o Atende não envia pesquisa ao resolver o ticket.`,
  },
  // English
  {
    title: 'How to request a refund',
    category: 'Troca e devolução',
    tags: ['refund', 'return'],
    visibility: 'public',
    language: 'en',
    body: `Refunds are issued once the returned item reaches our warehouse.

- **Credit card:** credited within two statements.
- **Pix or bank slip:** transferred within 5 business days.

Keep your protocol number in case your card issuer asks for it.`,
  },
  {
    title: 'Two-factor authentication setup',
    category: 'Suporte técnico',
    tags: ['security', 'login'],
    visibility: 'public',
    language: 'en',
    body: `Open the app, go to **Account > Security** and turn on **Two-factor authentication**. You will receive a code by SMS each time you sign in on a new device.`,
  },
  {
    title: 'Delivery times for international customers',
    category: 'Entrega',
    tags: ['delivery', 'international'],
    visibility: 'public',
    language: 'en',
    body: `We ship within Brazil only. Orders with a foreign billing address are delivered to a Brazilian address of your choice, within the regular regional delivery times.`,
  },
];
