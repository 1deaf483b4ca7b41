"""Spanish boilerplate that scraped news pages leave around the article text.

Case-insensitive regexes for phrases; see `samestory.ingest.clean` for how they apply.
"""

BOILERPLATE: list[str] = [
    # comentarios
    r"(deja|dejar|deje|escribe) (un|tu|su) comentario",
    r"(\d+ )?comentarios?",
    r"comentar",
    r"(debes|debe) (iniciar sesión|estar registrado) para (publicar|dejar) un comentario\.?",
    r"iniciar sesión",
    # enlaces relacionados
    r"leer más",
    r"(lee|lea|leer) (también|además)",
    r"(también )?te puede interesar",
    r"(noticias|artículos) relacionad[oa]s",
    r"relacionad[oa]s?",
    r"lo más (leído|visto)",
    r"más información",
    r"ver (también|más)",
    r"sigue leyendo",
    r"(temas|etiquetas)",
    # compartir
    r"compartir( en| este artículo| esta noticia)?",
    r"comparte( este artículo| esta noticia| en)?",
    r"imprimir( noticia| artículo)?",
    r"enviar por (e-?mail|correo)",
    r"copiar (enlace|link)",
    r"síguenos( en)?",
    # suscripciones
    r"suscríbete( a (nuestro|nuestra|la|el) [\w ]{0,30}(newsletter|boletín))?",
    r"suscribirse",
    r"recibe (nuestra|nuestro|la|el) [\w ]{0,30}(newsletter|boletín)",
    r"(newsletter|boletín)",
    # publicidad
    r"publicidad",
    r"contenido patrocinado",
    r"(haz|haga|pulsa|pulse) (clic|click) aquí|(clic|click) aquí",
    # cookies
    r"(este sitio( web)?|esta (página )?web) (utiliza|usa) cookies\b.*",
    r"(utilizamos|usamos) cookies\b.*",
    r"aceptar( todo| todas| cookies| y cerrar)?",
    r"rechazar( todo| todas| cookies)?",
    r"(configurar|gestionar) (las )?cookies",
    # derechos y créditos
    r"[^\n]{0,100}todos los derechos reservados\.?",
    r"(foto|fotos|fotografía|imagen|vídeo)",
    # elementos de página
    r"inicio",
    r"portada",
    r"(publicado|actualizado)( el)? \d[^\n]{0,80}",
    r"tiempo de lectura",
    r"\d+ min(utos)? de lectura",
    # relacionados
    r"seguir leyendo",
    r"(le|te) puede interesar",
    r"puedes ver",
    r"vea también",
    r"mire",
    r"notas relacionadas",
    r"(noticias|artículos) relacionad[oa]s",
]

LINES: list[str] = [
    r"[^\n]{0,160}\b(suscríbete|suscribirse|suscribete|regístrate)\b[^\n]{0,80}\b(newsletter|boletín)\b[^\n]{0,80}",
    r"¡?mira lo que tiene nuestro canal de youtube!?",
]

SCREENS: list[str] = [
    r"\bcookies?\b",
    r"\b(contraseña|inicia sesión|iniciar sesión|regístrate|registro)\b",
    r"\b(consentimiento|privacidad)\b",
]

# Headings of the related-article links a page ends with (see samestory.ingest.trailers).
RELATED: list[str] = [
    r"seguir leyendo",
    r"(lea|lee) también",
    r"(noticias|notas|artículos) relacionad[oa]s",
    r"(le|te) puede interesar",
    r"lo más (leído|visto)",
]
