"""English boilerplate that scraped news pages leave around the article text.

Each entry is a case-insensitive regex for a phrase (see `samestory.ingest.clean` for
how phrases are applied: whole short lines, optionally followed by a separator and a
short tail; or glued without a space to the start or end of a line). Write phrases,
not sentences: "read more" must not remove "Read more about the budget ...".
"""

BOILERPLATE: list[str] = [
    # comments
    r"leave a (comment|reply)",
    r"(post|add|write) a comment",
    r"(\d+ )?comments?",
    r"you must be (logged|signed) in to post a comment\.?( log in| sign in)?",
    r"(log|sign) in( to comment)?",
    # related links
    r"read more",
    r"read also",
    r"also read",
    r"read next",
    r"see also",
    r"related( articles| stories| content| coverage| topics)?",
    r"more on this story",
    r"more from [\w ]{1,30}",
    r"recommended( for you| stories)?",
    r"most (read|popular|viewed)",
    r"you (may|might) also like",
    r"continue reading( below)?",
    r"(story|article) continues below( advertisement)?",
    r"topics",
    r"tags",
    # sharing
    r"share( this| this article| this story| this page| this post| the article)?( on| via)?",
    r"tweet( this)?",
    r"e-?mail this( article| story)?",
    r"print( this)?( article| page| story)?",
    r"copy link",
    r"follow us( on)?",
    # newsletters and subscriptions
    r"subscribe( now| today| here)?",
    r"subscribe to (our|the) [\w ]{0,30}newsletters?",
    r"sign up (for|to) (our|the) [\w ]{0,30}newsletters?",
    r"sign up",
    r"get our [\w ]{0,30}newsletter",
    r"newsletters?",
    # ads
    r"advertisements?",
    r"advert",
    r"ad",
    r"sponsored( content)?",
    r"scroll (down )?to continue( with content| reading)?",
    r"click here( to [\w ]{1,40})?",
    # cookie notices
    r"(we|this (web)?site) uses? cookies\b.*",
    r"accept( all)?( cookies)?",
    r"reject( all)?( cookies)?",
    r"(cookie|privacy) (settings|policy|preferences|notice)",
    r"manage (cookies|preferences|consent)",
    # rights and credits
    r"[^\n]{0,100}all rights reserved\.?",
    r"(photo|picture|image|video|illustration)( credits?)?s?",
    r"\(?(photo|picture|image)s? (by|courtesy of|credit)\b[^\n]{0,100}",
    # page furniture
    r"home",
    r"skip to (main )?content",
    r"back to top",
    r"menu",
    r"\d+ min(ute)?s? read",
    r"(published|updated|last updated)( on)?:? \d[^\n]{0,80}",
    # feed footers, newsletter and agency lines
    r"the post [^\n]{1,200} appeared first on [^\n]{1,100}",
    r"more (stories|articles|news)",
    r"(image|photo|picture)s? (source|credit)s?",
    r"credit",
]

LINES: list[str] = [
    r"[^\n]{0,120}\b(sign(ing)? up|subscribe|subscribing|register)\b[^\n]{0,80}\bnewsletters?\b[^\n]{0,80}",  # noqa: E501
    r"[^\n]{0,80}\bnewsletters?\b[^\n]{0,80}\b(sign(ing)? up|subscribe|subscribing)\b[^\n]{0,80}",
    r"get [^\n]{0,80} by e-?mail and never miss [^\n]{0,80}",
    r"never miss [^\n]{0,80}\b(sign(ing)? up|subscribe|subscribing)\b[^\n]{0,80}",
    r"if you enjoyed (reading )?this [^\n]{0,150}",
    r"\(?(photo|image|picture)? ?credit: [^\n]{1,120}",
    r"follow [^\n]{1,60} on (twitter|facebook|instagram)[^\n]{0,150}",
]

SCREENS: list[str] = [
    r"\bcookies?\b",
    r"\b(password|sign in|log in|login|create (an|your) account|register|registration|age verification)\b",  # noqa: E501
    r"\b(consent|privacy (policy|settings))\b",
]

# Headings of the related-article links a page ends with (see samestory.ingest.trailers).
RELATED: list[str] = [
    r"read more",
    r"read (also|next)",
    r"also read",
    r"see also",
    r"related( articles| stories| content| coverage| posts)?",
    r"more on this (story|topic)",
    r"(you (may|might) also like|recommended( for you)?)",
    r"more (stories|articles|news)( from [\w ]{1,30})?",
]
