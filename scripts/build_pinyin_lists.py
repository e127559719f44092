#!/usr/bin/env python3
"""Regenerate the pinyin lists in ``resources/passwords/`` from pypinyin's data.

    .venv/bin/python scripts/build_pinyin_lists.py

Writes three files, each most common first:

- ``pinyin-surnames.txt``: the pinyin of the most common Chinese surnames, in
  the order of the published census ranking written below (see SOURCES.md),
  then common two-character surnames.
- ``pinyin-given.txt``: the syllables of the most common characters of given
  names, in the order of the characters below; homophones collapse into one
  syllable (小, 晓 and 筱 are all ``xiao``), as they do in a password.
- ``pinyin-syllables.txt``: every syllable pypinyin knows: first the readings
  of the most frequent characters of written Chinese (in frequency order),
  then the rest ranked by how often they occur in pypinyin's phrase dictionary
  (syllables that no phrase uses come last).

The characters are the source data; pypinyin (the maintained dictionary of
readings) turns them into pinyin, so the lists follow its corrections when
this script is run again. Surnames whose reading differs from the character's
everyday reading (曾 is *zeng* as a surname) are overridden below.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from pypinyin import Style, lazy_pinyin
from pypinyin.contrib.tone_convert import to_normal
from pypinyin.phrases_dict import phrases_dict
from pypinyin.pinyin_dict import pinyin_dict

OUT = Path(__file__).resolve().parent.parent / "resources" / "passwords"

# The 100 most common surnames, most common first: the ranking of the Ministry of
# Public Security's 2020 national name report (《二〇二〇年全国姓名报告》) for the
# first 20; the order after that follows the same report as widely reprinted and
# is approximate within a few places.
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马胡朱郭何罗高林"
    "郑梁谢唐许冯宋韩邓彭曹曾田于肖潘袁董叶杜"
    "丁蒋程余吕魏蔡苏任卢沈姜姚钟崔陆谭汪石付"
    "贾范金方韦夏廖侯白孟邹秦尹江熊薛邱闫段雷"
    "季史陶毛贺龙万顾关郝孔向龚邵钱武戴严欧莫"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "慕容", "司徒",
                     "令狐", "尉迟", "夏侯", "公孙", "长孙", "宇文", "轩辕", "端木")
# Surname readings that are not the character's most common reading.
SURNAME_READINGS = {"曾": "zeng", "单": "shan", "解": "xie", "区": "ou", "仇": "qiu",
                    "朴": "piao", "查": "zha", "盖": "ge", "缪": "miao", "乐": "yue",
                    "覃": "qin", "尉迟": "yuchi", "长孙": "zhangsun", "万俟": "moqi"}

# Characters most used in given names, roughly most common first (the name
# reports' top given-name characters, older generations then recent years).
GIVEN_NAME_CHARACTERS = (
    "伟英华玉秀文明兰金国春红平芳丽建海军志云霞荣小梅林东燕美珍晓立成永德"
    "宇杰凤敏俊新宏清光静强勇辉丹庆涛斌飞峰磊鹏超刚娟婷雪琳晶佳欣怡子浩轩"
    "涵梓雨博嘉思一可睿宁晨昊泽萱诗依沐若悦瑶紫梦琪雅馨慧颖倩娜艳洁萍莉亮"
    "龙洋阳帆凯鑫旭航天心安乐晴妍彤然希诺熙锦文轩家欢慧玲桂兴利福生祥瑞"
    "晓军红霞丽娟建华秀英桂兰淑珍凤英玉兰秀兰桂英秀珍秀梅丽华玉梅玉珍凤兰"
    "伦鸿振威毅昌盛贵富胜良才海宝山川江河波浪晖彬森豪杰健康乐家嘉俊博涛"
    "婉婧菲蕾薇芸茜蓉艺蓓瑾璐琦璇瑜瑛琼琬钰铭铮锐锋镇卓哲翔翰翠羽雯露霖"
    "亦奕意诚信义仁智勤俭忠孝坤坚培基均城域境增墨默晗晴晨旭昕昀昱晟晋"
)

# The most frequent characters of modern written Chinese, most frequent first
# (the head of the well-known character frequency lists, e.g. Jun Da's Modern
# Chinese Character Frequency List): function words like 我 (wo), 你 (ni) and
# 爱 (ai) are common in passwords but rare in a phrase dictionary.
FREQUENT_CHARACTERS = (
    "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过"
    "家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所"
    "本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全"
    "工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教"
    "西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性"
    "通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲"
    "界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认"
    "算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红"
    "治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写"
    "呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首"
)


def _plain(syllable: str) -> str:
    """``zhōng`` -> ``zhong``; ü is written ``v``, as on a keyboard."""
    return to_normal(syllable, v_to_u=False).replace("ü", "v")


def _unique(items: list[str]) -> list[str]:
    seen: set[str] = set()
    return [x for x in items if x and not (x in seen or seen.add(x))]


def surnames() -> list[str]:
    """The surnames in pinyin, most common first, compound ones last."""
    single = [SURNAME_READINGS.get(ch) or lazy_pinyin(ch, style=Style.NORMAL)[0]
              for ch in SURNAMES]
    compound = [SURNAME_READINGS.get(name) or "".join(lazy_pinyin(name, style=Style.NORMAL))
                for name in COMPOUND_SURNAMES]
    return _unique([s.replace("ü", "v") for s in single + compound])


def given_syllables() -> list[str]:
    """The given-name syllables, most common first, homophones merged."""
    return _unique([lazy_pinyin(ch, style=Style.NORMAL)[0].replace("ü", "v")
                    for ch in GIVEN_NAME_CHARACTERS])


def syllables() -> list[str]:
    """Every syllable: those of the frequent characters first, the rest by phrase count."""
    counts: Counter[str] = Counter()
    for readings in phrases_dict.values():
        for reading in readings:
            counts[_plain(reading[0])] += 1
    inventory = {_plain(reading) for value in pinyin_dict.values() for reading in value.split(",")}
    inventory = {s for s in inventory if s.isascii() and s.isalpha()}
    frequent = _unique([lazy_pinyin(ch, style=Style.NORMAL)[0].replace("ü", "v")
                        for ch in FREQUENT_CHARACTERS])
    rest = sorted(inventory - set(frequent), key=lambda s: (-counts[s], s))
    return frequent + rest


def _write(name: str, header: str, items: list[str]) -> None:
    text = "".join(f"# {line}\n" for line in header.splitlines()) + "".join(f"{i}\n" for i in items)
    (OUT / name).write_text(text, encoding="utf-8")
    print(f"{name}: {len(items)} entries")


def main() -> None:
    """Write the three lists."""
    note = "Generated by scripts/build_pinyin_lists.py from pypinyin's data; do not edit."
    _write("pinyin-surnames.txt", f"Pinyin of common Chinese surnames, most common first.\n{note}",
           surnames())
    _write("pinyin-given.txt", f"Syllables of common given-name characters, most common first.\n{note}",
           given_syllables())
    _write("pinyin-syllables.txt",
           f"Every pinyin syllable, most used first.\n{note}", syllables())


if __name__ == "__main__":
    main()
