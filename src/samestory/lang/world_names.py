"""People in the news, by their names in the scripts transliteration cannot bridge.

Anyascii turns "Путин" into "Putin", but "بوتين" into "bwtyn" and "普京" into "PuJing";
this hand-made list gives the English form of a few dozen heads of state and government
and officials most cited across languages, written as in each script's press. A name is
matched on its surname form; the English full name becomes the mention's canonical name,
so the person has one key in every language. It is a list, not a model: names outside it
keep their own script (Cyrillic ones still meet their Latin form through anyascii).
"""

from __future__ import annotations

# English full name -> surname (or whole-name) forms in other scripts.
WORLD_NAMES: dict[str, tuple[str, ...]] = {
    "Vladimir Putin": ("Путин", "Путін", "بوتين", "پوتین", "פוטין", "普京", "プーチン", "푸틴"),
    "Recep Tayyip Erdogan": (
        "Эрдоган",
        "Ердоган",
        "أردوغان",
        "اردوغان",
        "ארדואן",
        "埃尔多安",
        "エルドアン",
        "에르도안",
    ),
    "Volodymyr Zelensky": (
        "Зеленский",
        "Зеленський",
        "زيلينسكي",
        "زلنسکی",
        "זלנסקי",
        "泽连斯基",
        "ゼレンスキー",
        "젤렌스키",
    ),
    "Donald Trump": ("Трамп", "ترامب", "ترامپ", "טראמפ", "特朗普", "トランプ", "트럼프"),
    "Joe Biden": ("Байден", "بايدن", "بایدن", "ביידן", "拜登", "バイデン", "바이든"),
    "Xi Jinping": ("Си Цзиньпин", "شي جين بينغ", "שי ג'ינפינג", "习近平", "習近平", "시진핑"),
    "Benjamin Netanyahu": (
        "Нетаньяху",
        "نتنياهو",
        "نتانیاهو",
        "נתניהו",
        "内塔尼亚胡",
        "ネタニヤフ",
        "네타냐후",
    ),
    "Ilham Aliyev": (
        "Алиев",
        "Алієв",
        "علييف",
        "علی‌اف",
        "אלייב",
        "阿利耶夫",
        "アリエフ",
        "알리예프",
    ),
    "Emmanuel Macron": ("Макрон", "ماكرون", "ماکرون", "מקרון", "马克龙", "マクロン", "마크롱"),
    "Olaf Scholz": ("Шольц", "شولتس", "שולץ", "朔尔茨", "ショルツ", "숄츠"),
    "Narendra Modi": ("Моди", "مودي", "مودی", "מודי", "莫迪", "モディ", "모디"),
    "Masoud Pezeshkian": ("Пезешкиан", "بزشكيان", "پزشکیان", "פזשכיאן", "佩泽希齐扬"),
    "Ali Khamenei": ("Хаменеи", "خامنئي", "خامنه‌ای", "חמינאי", "哈梅内伊", "ハメネイ", "하메네이"),
    "Antonio Guterres": (
        "Гутерриш",
        "غوتيريش",
        "گوترش",
        "גוטרש",
        "古特雷斯",
        "グテーレス",
        "구테흐스",
    ),
    "Sergey Lavrov": ("Лавров", "لافروف", "لاوروف", "לברוב", "拉夫罗夫", "ラブロフ", "라브로프"),
    "Kim Jong Un": ("Ким Чен Ын", "كيم جونغ أون", "קים ג'ונג און", "金正恩", "김정은"),
}
