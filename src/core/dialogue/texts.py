"""Every fixed sentence the bot says (the knowledge base holds the rest).

Plain Dutch at B1 level first, English second. `say(key, language, **values)`
fills `{placeholders}`.
"""
from __future__ import annotations

from ..kb.models import Text

_TEXTS: dict[str, Text] = {
    # EU AI Act art. 50: say plainly that this is software, and that a person can be reached.
    "greeting": Text(
        nl="Hallo! Ik ben de digitale assistent van {tenant}. Ik ben een computerprogramma, geen mens. "
        "Ik beantwoord vragen over de gemeente. Wilt u liever een medewerker spreken? Dat kan altijd.",
        en="Hello! I am the digital assistant of {tenant}. I am a computer program, not a person. "
        "I answer questions about the municipality. Would you rather talk to a person? You can, at any time.",
    ),
    "ask_question": Text(nl="Wat is uw vraag?", en="What is your question?"),
    "not_understood": Text(
        nl="Dat begrijp ik niet. Kunt u uw vraag anders stellen? Gebruik een korte zin, "
        "bijvoorbeeld: 'paspoort verlengen' of 'wanneer wordt mijn afval opgehaald'.",
        en="I don't understand that. Could you ask it in another way? Use a short sentence, "
        "for example: 'renew my passport' or 'when is my waste collected'.",
    ),
    "text_only": Text(
        nl="Ik kan alleen tekst lezen. Wilt u uw vraag typen?",
        en="I can only read text. Could you type your question?",
    ),
    # A shared WhatsApp location outside a guided flow: thank the resident, it was meant kindly.
    "location_unsupported": Text(
        nl="Bedankt voor uw locatie. Ik kan locaties nog niet lezen. Typ uw vraag in een bericht.",
        en="Thank you for your location. I cannot read locations yet. Please type your question in a message.",
    ),
    "offer_person": Text(
        nl="Het lukt mij niet om uw vraag te beantwoorden. Wilt u met een medewerker praten?",
        en="I can't answer your question. Would you like to talk to a person?",
    ),
    "person_declined": Text(
        nl="Goed. Stel gerust een andere vraag.",
        en="All right. Feel free to ask something else.",
    ),
    "disambiguate": Text(nl="Bedoelt u een van deze onderwerpen?", en="Do you mean one of these topics?"),
    "feedback_question": Text(nl="Was dit nuttig?", en="Was this helpful?"),
    "feedback_thanks": Text(nl="Dank u wel voor uw reactie.", en="Thank you for your feedback."),
    "feedback_sorry": Text(
        nl="Jammer dat dit niet hielp. U kunt uw vraag anders stellen. Of praat met een medewerker.",
        en="Sorry that did not help. You can ask your question in another way. Or talk to a person.",
    ),
    "followup_unknown": Text(
        nl="Daar heb ik geen antwoord op bij '{topic}'. Kijk bij de links, of vraag het aan een medewerker.",
        en="I have no answer to that for '{topic}'. Please check the links, or ask a person.",
    ),
    "flow_stop_hint": Text(nl="Typ 'stop' als u wilt stoppen.", en="Type 'stop' if you want to quit."),
    "flow_stopped": Text(
        nl="Goed, ik stop met deze vragen. Waarmee kan ik u nog helpen?",
        en="All right, I stopped asking. What else can I help you with?",
    ),
    "flow_gave_up": Text(
        nl="Het lukt niet met deze vragen. Ik stop ermee. U kunt het later nog eens proberen of een medewerker spreken.",
        en="This is not working. I stopped asking. You can try again later or talk to a person.",
    ),
    "button_talk_to_person": Text(nl="Medewerker spreken", en="Talk to a person"),
    "button_yes": Text(nl="Ja, graag", en="Yes, please"),
    "button_no": Text(nl="Nee, dank u", en="No, thank you"),
    "button_helpful": Text(nl="👍 Ja", en="👍 Yes"),
    "button_not_helpful": Text(nl="👎 Nee", en="👎 No"),
    "followup_kosten": Text(nl="Wat kost het?", en="What does it cost?"),
    "followup_duur": Text(nl="Hoe lang duurt het?", en="How long does it take?"),
    "followup_kind": Text(nl="En voor mijn kind?", en="And for my child?"),
    "followup_meenemen": Text(nl="Wat moet ik meenemen?", en="What do I need to bring?"),
}


def say(key: str, language: str, **values: str) -> str:
    text = _TEXTS[key].get(language)
    return text.format(**values) if values else text
