"""French boilerplate that scraped news pages leave around the article text.

Case-insensitive regexes for phrases; see `samestory.ingest.clean` for how they apply.
"""

BOILERPLATE: list[str] = [
    # commentaires
    r"laisser un commentaire",
    r"laissez un commentaire",
    r"(ajouter|écrire|poster) un commentaire",
    r"(\d+ )?commentaires?",
    r"réagir( à cet article)?",
    r"vous devez être connectée? pour (publier|poster|laisser) un commentaire\.?"
    r"( se connecter)?",
    r"(se connecter|connectez-vous)",
    # liens connexes
    r"(à )?lire (aussi|également|la suite)",
    r"(à )?voir (aussi|également)",
    r"en savoir plus",
    r"sur le même (sujet|thème)",
    r"articles? (similaires|liés|connexes)",
    r"les (articles )?plus (lus|partagés)",
    r"nos derniers articles",
    r"à découvrir( aussi)?",
    r"(thèmes|mots-clés|sujets)( associés)?",
    # partage
    r"partager( sur| cet article| l'article| l’article)?",
    r"partagez( cet article| sur)?",
    r"imprimer( l'article| l’article| cet article)?",
    r"envoyer par (e-?mail|courriel)",
    r"copier le lien",
    r"suivez-nous( sur)?",
    # abonnements
    r"abonnez-vous( à (notre|la) [\w ]{0,30}newsletter| gratuitement)?",
    r"inscrivez-vous( à (notre|la) [\w ]{0,30}newsletter)?",
    r"recevez (notre|la) [\w ]{0,30}newsletter",
    r"s'abonner|s’abonner",
    r"déjà abonnée?( \?)?",
    r"newsletters?",
    # publicité
    r"publicités?",
    r"contenu (sponsorisé|partenaire)",
    r"cliquez ici( pour [\w ]{1,40})?",
    # cookies
    r"(ce site( web| internet)?|nous) utilis(e|ons) des (cookies|traceurs)\b.*",
    r"(tout )?accepter( et (fermer|continuer)| tout| les cookies)?",
    r"(tout )?refuser( tout| les cookies)?",
    r"(paramétrer|gérer) (les |mes )?(cookies|préférences|choix)",
    # droits et crédits
    r"[^\n]{0,100}tous droits réservés\.?",
    r"reproduction interdite",
    r"(crédits? photos?|photos?|illustration|vidéo)",
    # habillage de page
    r"accueil",
    r"par la rédaction",
    r"(publié|mis à jour|modifié) le \d[^\n]{0,80}",
    r"temps de lecture",
    r"\d+ min(utes)? de lecture",
    # crédits et liens connexes
    r"(créé|publié|mis à jour|modifié)( le)?",
    r"(crédits? photos?|image illustrative|illustration)",
    r"les plus (lus|commentés)",
]

LINES: list[str] = [
    r"[^\n]{0,120}\b(inscrivez-vous|abonnez-vous|recevez)\b[^\n]{0,80}\b(newsletter|lettre d'information)\b[^\n]{0,80}",  # noqa: E501
]

SCREENS: list[str] = [
    r"\bcookies?\b|\btraceurs\b",
    r"\b(mot de passe|identifiez-vous|connectez-vous|créer un compte|inscription)\b",
    r"\b(consentement|vie privée)\b",
]

# Headings of the related-article links a page ends with (see samestory.ingest.trailers).
RELATED: list[str] = [
    r"(à )?lire (aussi|également)",
    r"(à )?voir (aussi|également)",
    r"sur le même (sujet|thème)",
    r"articles? (similaires|liés|connexes)",
    r"les plus (lus|commentés)",
]
