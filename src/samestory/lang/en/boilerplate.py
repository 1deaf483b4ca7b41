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
]
