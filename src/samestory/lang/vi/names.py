"""Name resources for 'vi': titles cut from names, demonym stems (issue #17)."""

from __future__ import annotations

from typing import Any

# Country words are listed as titles: the capitalisation rules glue "Rusya Devlet Başkanı"
# to the name after it, and a title is what they cut.
NAMES: dict[str, Any] = {
    # Nouns of several syllables that open an organisation's name ("Ủy ban châu Âu",
    # "Tổ chức Y tế Thế giới"); see `analyse.langrules.org_prefix_extent`.
    "org_prefixes": [
        "ủy ban",
        "tổ chức",
        "ngân hàng",
        "công ty",
        "tập đoàn",
        "liên minh",
        "liên đoàn",
        "hiệp hội",
        "quỹ",
        "viện",
        "trung tâm",
        "đảng",
        "quốc hội",
        # a museum is an organisation: "Bảo tàng Louvre"
        "bảo tàng",
    ],
    # Place names and the nations after "người" are capitalised ("người Nga"); a lower-case
    # word is never one, whatever its folded form ("bị" is no "Bỉ", Belgium).
    "demonyms_capitalised": True,
    # lower-case generic words before a proper noun ("châu Âu", "sông Hồng")
    "lower_generics": ["châu", "sông", "núi", "biển", "tỉnh", "miền", "phố"],
    # the country follows the title: "Thủ tướng Hy Lạp Kyriakos Mitsotakis"
    "country_after_title": True,
    "titles": [
        "nga",
        "thổ",
        "nhĩ",
        "kỳ",
        "tây",
        "ban",
        "nha",
        "tổng",
        "thống",
        "thủ",
        "tướng",
        "thị",
        "trưởng",
        "giám",
        "đốc",
        "cuộc",
        "hai",
        "ủy",
        "doanh",
        "số",
    ],
    "demonym_stems": {},
    # "Bộ trưởng Tài chính Kenya Daniel Otieno": the ministry ("Bộ") and its field, a
    # closed class of capitalised words between a title and the country that follows it
    "title_words": [
        "bộ",
        "tài",
        "chính",
        "nội",
        "vụ",
        "ngoại",
        "giao",
        "quốc",
        "phòng",
        "năng",
        "lượng",
        "lao",
        "động",
        "công",
        "nghiệp",
        "thông",
        "tế",
        "giáo",
        "dục",
        "tư",
        "pháp",
        "thương",
        "mại",
        "kinh",
        "nông",
        "văn",
        "hóa",
        "môi",
        "trường",
        "khoa",
        "học",
        "xây",
        "dựng",
        "thủy",
        "sản",
        "du",
        "lịch",
    ],
}
