"""Crisis messages written in another script (Cyrillic: Ukrainian and Russian; Arabic script), read in Latin
letters by crisis.normalise (session 12, crisis11; BENCHMARKS.md, docs/ARCHITECTURE.md "Other languages").

The phrasings are written for this test; none is copied from a real source. The four families in general form
(acute danger, violence at home and sexual violence, no place to sleep, not wanting to live), each next to an
ordinary question in the same words that must stay quiet. The distress classifier never trained on either script:
the ordinary ones must not alarm it either.
"""
from __future__ import annotations

import pytest

from core.dialogue import crisis, distress

SCRIPTS: list[tuple[str | None, str]] = [
    ("suicide", "я больше не хочу жить, всё бессмысленно"),
    ("suicide", "хочу умереть, помогите"),
    ("suicide", "мой сын говорит, что покончит с собой"),
    ("suicide", "не хочу більше жити"),
    ("suicide", "думаю про самогубство"),
    ("suicide", "أريد أن أموت"),
    ("suicide", "بدي موت، ما عاد فيني"),
    ("suicide", "أفكر في الانتحار كل يوم"),
    ("suicide", "لا أريد أن أعيش بعد الآن"),
    (None, "не хочу жить в этом районе, как поменять квартиру?"),
    (None, "не хочу жити поруч з трасою, чи є житло в іншому районі?"),
    (None, "لا أريد أن أعيش في هذا الحي، كيف أغير السكن؟"),
    ("violence", "муж бьёт меня и детей"),
    ("violence", "чоловік б'є мене кожного вечора"),
    ("violence", "боюсь мужа, он угрожает"),
    ("violence", "زوجي يضربني كل يوم"),
    ("violence", "أخاف من زوجي، هدد بقتلي"),
    ("sexual", "отчим изнасиловал мою дочь"),
    ("sexual", "мене зґвалтували вчора"),
    ("sexual", "اغتصبني رجل في الحديقة"),
    ("sexual", "مديري يتحرش بي في العمل"),
    (None, "где я могу оплатить налог на мусор?"),
    (None, "مرحبا، كيف أجدد جواز السفر؟"),
    ("homeless", "мне негде спать сегодня"),
    ("homeless", "ночую на вокзале уже неделю"),
    ("homeless", "нас вигнали з квартири, ніде жити"),
    ("homeless", "ليس لدي مكان للنوم الليلة"),
    ("homeless", "أنام في الشارع منذ أسبوع"),
    ("homeless", "طردني صاحب البيت، بلا مأوى مع أطفالي"),
    (None, "где можно спать в библиотеке? шучу, где читальный зал"),
    (None, "أين أستطيع أن أنام في الفندق القريب من المحطة؟"),
    ("danger", "у соседей пожар, дым на лестнице"),
    ("danger", "мой отец не дышит"),
    ("danger", "людина без свідомості на зупинці"),
    ("danger", "حريق في المطبخ، ساعدونا"),
    ("danger", "أبي لا يتنفس"),
    (None, "где купить огнетушитель и пожарную сигнализацию?"),
    (None, "أين أشتري طفاية حريق للمطبخ؟"),
    (None, "как записаться на приём в муниципалитет?"),
]


@pytest.mark.parametrize(("kind", "text"), SCRIPTS)
def test_a_crisis_in_another_script_alarms_and_the_question_next_to_it_does_not(kind: str | None, text: str) -> None:
    if kind is None:
        assert crisis.detect_all(text) == [], crisis.normalise(text)
    else:
        assert kind in crisis.detect_all(text), crisis.normalise(text)


@pytest.mark.parametrize("text", [text for kind, text in SCRIPTS if kind is None])
def test_the_classifier_stays_quiet_on_ordinary_questions_in_another_script(text: str) -> None:
    assert distress.detect(text) is None, crisis.normalise(text)


def test_both_scripts_are_read_in_latin_letters() -> None:
    assert crisis.normalise("Хочу умереть") == "khochu umeret"
    assert crisis.normalise("زوجي يضربني، أين أذهب؟") == "zwjy ydrbny . ayn adhb"
