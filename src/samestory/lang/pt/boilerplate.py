"""Portuguese boilerplate that scraped news pages leave around the article text.

Case-insensitive regexes; see `samestory.ingest.clean` for how `BOILERPLATE` (short
lines and glued phrases) and `LINES` (whole lines only) apply, and
`samestory.ingest.screens` for `SCREENS` (consent and login screens).
"""

BOILERPLATE: list[str] = [
    # comentários
    r"(deixe|escreva) (um|seu) comentário",
    r"(\d+ )?comentários?",
    r"(entre|faça login)( para comentar)?",
    # relacionados
    r"saiba mais",
    r"leia (também|mais)",
    r"veja (também|mais)",
    r"(notícias|matérias|artigos) relacionad[ao]s",
    r"(mais lidas|mais vistas)",
    r"continue lendo",
    r"(tópicos|tags|temas)",
    # partilha
    r"compartilhe?( no| este artigo| esta notícia)?",
    r"partilhe?( no| este artigo)?",
    r"imprimir",
    r"enviar por e-?mail",
    r"siga-nos( no| nas redes)?",
    # assinaturas
    r"assine( já| agora)?",
    r"inscreva-se( na [\w ]{0,30}newsletter)?",
    # publicidade
    r"publicidade",
    r"conteúdo patrocinado",
    r"clique aqui",
    # créditos
    r"[^\n]{0,100}todos os direitos reservados\.?",
    r"(foto|fotos|imagem|créditos?)",
    # página
    r"(publicado|atualizado)( em)? \d[^\n]{0,80}",
    r"tempo de leitura",
]

LINES: list[str] = [
    r"[^\n]{0,120}\b(assine|inscreva-se|cadastre-se)\b[^\n]{0,80}\bnewsletter\b[^\n]{0,80}",
    r"[^\n]{0,80}\bnewsletter\b[^\n]{0,80}\b(assine|inscreva-se|cadastre-se)\b[^\n]{0,80}",
]

SCREENS: list[str] = [
    r"\bcookies?\b",
    r"\b(senha|cadastre-se|cadastro|faça login|entrar na sua conta)\b",
    r"\b(consentimento|privacidade)\b",
]

# Headings of the related-article links a page ends with (see samestory.ingest.trailers).
RELATED: list[str] = [
    r"saiba mais",
    r"leia (também|mais)",
    r"veja também",
    r"(notícias|matérias) relacionadas",
    r"mais lidas",
]
