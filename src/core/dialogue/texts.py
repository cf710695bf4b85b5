"""The text catalogue: every fixed sentence a resident reads (the knowledge base
holds the answers). Plain Dutch at B1 level first, English second.

A tenant may override any entry (`texts:` in its tenant file, same placeholders
or fewer); `Wording` is the catalogue of one conversation: its tenant's
overrides, in its language. `say(key, language, **values)` is the plain lookup.
Other parts of Balie add their resident-facing texts here too.
"""
from __future__ import annotations

import re
from collections.abc import Mapping

from ..kb.models import Text

CATALOGUE: dict[str, Text] = {
    # ---- greeting and who is there (EU AI Act art. 50: say plainly that this is software) ----
    "greeting": Text(
        nl="Hallo! Ik ben de digitale assistent van {tenant}. Ik ben een computerprogramma, geen mens. "
        "Ik beantwoord vragen over de gemeente.",
        en="Hello! I am the digital assistant of {tenant}. I am a computer program, not a person. "
        "I answer questions about the municipality.",
    ),
    "people_open": Text(
        nl="Wilt u liever een medewerker spreken? Dat kan vandaag tot {until}.",
        en="Would you rather talk to a person? You can, today until {until}.",
    ),
    "people_closed": Text(
        nl="Er zijn nu geen medewerkers aan het werk. U kunt weer een medewerker spreken {next}. "
        "U kunt wel nu al vragen of we u terugbellen of mailen.",
        en="There are no staff at work right now. You can talk to a person again {next}. "
        "You can already ask us to call or e-mail you back.",
    ),
    "people_closing": Text(
        nl="We sluiten om {until}. Een chat met een medewerker past vandaag niet meer. U kunt weer een "
        "medewerker spreken {next}. U kunt wel nu al vragen of we u terugbellen of mailen.",
        en="We close at {until}. There is no time left today for a chat with a person. You can talk to a "
        "person again {next}. You can already ask us to call or e-mail you back.",
    ),
    "people_never": Text(
        nl="Via deze chat kunt u op dit moment geen medewerker spreken.",
        en="You cannot reach a member of staff through this chat at the moment.",
    ),
    "ask_question": Text(nl="Wat is uw vraag?", en="What is your question?"),
    # "can you speak dutch?", "kan het in het Engels?": the language asked for, from now on
    "language_chosen": Text(nl="Goed, dan schrijf ik in het Nederlands. Wat is uw vraag?",
                            en="All right, I will write in English. What is your question?"),
    # "ik spreek geen nederlands" / "I don't speak Dutch"; "no hablo holandés" (another language): English from now on
    "language_english": Text(nl="Goed, ik schrijf verder in het Engels.", en="All right, I will write in English."),
    "language_english_only": Text(
        nl="Ik schrijf alleen Nederlands en Engels. Ik schrijf verder in het Engels.",
        en="I can only write Dutch and English, so I will write in English.",
    ),
    # "wat is jouw naam?", "ben je een robot?": who is there, what it does, and (then) when a person is
    "self_introduction": Text(
        nl="Ik ben de digitale assistent van {tenant}. Ik heb geen naam: ik ben een computerprogramma, geen mens. "
        "Ik beantwoord vragen over de gemeente, bijvoorbeeld over een paspoort, verhuizen, afval, parkeren of "
        "belastingen. Ik kan u ook met een medewerker in contact brengen.",
        en="I am the digital assistant of {tenant}. I have no name: I am a computer program, not a person. I "
        "answer questions about the municipality, for example about a passport, moving house, waste, parking or "
        "taxes. I can also put you in touch with a member of staff.",
    ),
    # ---- moments, as the one availability function words them ----
    "moment_today": Text(nl="vandaag", en="today"),
    "moment_tomorrow": Text(nl="morgen", en="tomorrow"),
    "moment_on_day": Text(nl="op {date}", en="on {date}"),
    "moment_from": Text(nl="{day} vanaf {time}", en="{day} from {time}"),
    "moment_before": Text(nl="{day} vóór {time}", en="{day} before {time}"),
    # ---- crisis help: first in every turn, at every hour ----
    "crisis_suicide": Text(
        nl="Wat naar dat u zich zo voelt. U hoeft dit niet alleen te dragen. Praat er nu over met "
        "113 Zelfmoordpreventie: bel 113 of gratis 0800-0113, of chat via 113.nl. Zij zijn er dag en nacht. "
        "Bent u in direct gevaar? Bel dan 112.",
        en="I am sorry you feel this way. You do not have to carry this alone. Talk about it now with "
        "113 Suicide Prevention: call 113 or 0800-0113 (free), or chat at 113.nl. They are there day and night. "
        "Are you in immediate danger? Then call 112.",
    ),
    "crisis_violence": Text(
        nl="Wat erg dat u dit meemaakt. Bel Veilig Thuis: gratis, dag en nacht, op 0800-2000. Zij helpen bij "
        "huiselijk geweld, kindermishandeling en ouderenmishandeling, ook als het een ander overkomt. U mag anoniem bellen. "
        "Bent u of is iemand anders nu in gevaar? Bel dan 112.",
        en="I am sorry this is happening to you. Call Veilig Thuis (Safe at Home): free, day and night, on "
        "0800-2000. They help with domestic violence, child abuse and elder abuse, also when it happens to someone else. "
        "You may call anonymously. Are you or is someone else in danger now? Then call 112.",
    ),
    "crisis_sexual": Text(
        nl="Wat erg dat u dit is overkomen. Het is niet uw schuld. Bel het Centrum Seksueel Geweld: gratis, dag en "
        "nacht, op 0800-0188, of chat via centrumseksueelgeweld.nl. Is het minder dan een week geleden? Bel dan zo snel "
        "mogelijk: zij regelen ook een arts. Gebeurt het thuis of in de familie? Bel dan ook Veilig Thuis: 0800-2000. "
        "Bent u nu in gevaar? Bel 112.",
        en="I am so sorry this happened to you. It is not your fault. Call the Centrum Seksueel Geweld (Sexual Violence "
        "Centre): free, day and night, on 0800-0188, or chat at centrumseksueelgeweld.nl. Did it happen less than a week "
        "ago? Then call as soon as you can: they also arrange a doctor. Does it happen at home or in the family? Then also "
        "call Veilig Thuis (Safe at Home): 0800-2000. Are you in danger now? Call 112.",
    ),
    "crisis_danger": Text(
        nl="Bent u of is iemand anders nu in gevaar? Bel direct 112. Ga als het kan naar een veilige plek, bij andere "
        "mensen. Geen spoed, maar wilt u wel de politie spreken? Bel 0900-8844. Gaat het om iemand uit uw huis of "
        "familie? Bel dan ook Veilig Thuis: gratis, dag en nacht, 0800-2000.",
        en="Are you or is someone else in danger now? Call 112 straight away. If you can, go to a safe place, near other "
        "people. No emergency, but you want to talk to the police? Call 0900-8844. Is it someone from your home or "
        "family? Then also call Veilig Thuis (Safe at Home): free, day and night, 0800-2000.",
    ),
    # A medical emergency (crisis.danger_kind): 112 and staying with the person; a safe place, the police or Veilig
    # Thuis would be the wrong advice to someone whose baby is turning blue.
    "crisis_medical": Text(
        nl="Bel nu direct 112 en vraag om een ambulance. Blijf bij de persoon en doe wat de meldkamer zegt. Zet uw "
        "telefoon op de luidspreker, dan heeft u uw handen vrij. Is er iemand bij u? Vraag die dan de deur open te "
        "doen voor de ambulance.",
        en="Call 112 now and ask for an ambulance. Stay with the person and do what the emergency operator tells you. "
        "Put your phone on speaker, so your hands are free. Is someone with you? Ask them to open the door for the "
        "ambulance.",
    ),
    # Labour exploitation (crisis.danger_kind): papers held, work without pay, sleeping at the workplace. The Nederlandse
    # Arbeidsinspectie's line for reporting exploitation (0800-5151, free, also anonymous: Wegwijzer Mensenhandel, checked
    # session 17) and the police; 112 when someone is unsafe now.
    "crisis_exploitation": Text(
        nl="Wat erg dat u dit meemaakt. Een baas mag uw paspoort niet houden en u moet loon krijgen voor uw werk. Bent u of "
        "is iemand anders nu niet veilig? Bel direct 112. Meld uitbuiting bij de Nederlandse Arbeidsinspectie: gratis op "
        "0800-5151. Dat mag ook zonder uw naam. U kunt ook de politie bellen: 0900-8844.",
        en="I am sorry this is happening to you. An employer may not keep your passport, and you must be paid for your work. "
        "Are you or is someone else unsafe right now? Call 112 straight away. Report exploitation to the Netherlands Labour "
        "Authority (Nederlandse Arbeidsinspectie): free on 0800-5151. You may do this without giving your name. You can also "
        "call the police: 0900-8844.",
    ),
    "crisis_homeless_closed": Text(
        nl="Is de gemeente nu dicht en heeft u vannacht geen plek? Bel dan de politie op 0900-8844. "
        "Bent u in gevaar? Bel 112.",
        en="Is the municipality closed now and do you have no place for tonight? Then call the police on "
        "0900-8844. Are you in danger? Call 112.",
    ),
    "crisis_also_suicide": Text(
        nl="Denkt u ook aan zelfdoding? Bel dan 113 of gratis 0800-0113, dag en nacht.",
        en="Are you also thinking about suicide? Then call 113 or 0800-0113 (free), day and night.",
    ),
    "crisis_also_sexual": Text(
        nl="Gaat het ook om seksueel geweld? Bel dan het Centrum Seksueel Geweld: gratis, dag en nacht, 0800-0188.",
        en="Is it also about sexual violence? Then call the Centrum Seksueel Geweld (Sexual Violence Centre): free, "
        "day and night, 0800-0188.",
    ),
    "crisis_also_violence": Text(
        nl="Gaat het ook om geweld thuis? Bel dan Veilig Thuis: gratis, dag en nacht, 0800-2000.",
        en="Is it also about violence at home? Then call Veilig Thuis (Safe at Home): free, day and night, 0800-2000.",
    ),
    "crisis_homeless": Text(
        nl="Heeft u geen plek om te slapen, of dreigt dat? Neem contact op met {shelter}: bel {phone}. "
        "Zij helpen u aan een slaapplek en met wat u verder nodig heeft.",
        en="Do you have no place to sleep, or will you lose it soon? Contact {shelter}: call {phone}. "
        "They help you find a place to sleep and with what else you need.",
    ),
    # "is die opvang ook voor mij? ik ben pas 19" right after the shelter's help: who it is for
    "shelter_adult": Text(
        nl="Ja. De opvang is er voor iedereen van 18 jaar of ouder die geen plek heeft om te slapen. Voor jongeren is "
        "er vaak ook een eigen opvang. Zeg uw leeftijd als u belt.",
        en="Yes. The shelter is there for everyone aged 18 or over who has no place to sleep. There is often a separate "
        "shelter for young people too. Say how old you are when you call.",
    ),
    "shelter_minor": Text(
        nl="Bent u jonger dan 18? Dan zoekt de gemeente samen met de jeugdhulp een veilige plek voor u. Bel hetzelfde "
        "nummer en zeg hoe oud u bent. U kunt ook gratis en anoniem praten met de Kindertelefoon: 0800-0432.",
        en="Are you under 18? Then the municipality finds a safe place for you together with youth care. Call the same "
        "number and say how old you are. You can also talk for free and anonymously to the Kindertelefoon (children's "
        "helpline): 0800-0432.",
    ),
    "crisis_homeless_municipality": Text(
        nl="Heeft u geen plek om te slapen, of dreigt dat? De gemeente helpt u aan een slaapplek. {contact}",
        en="Do you have no place to sleep, or will you lose it soon? The municipality helps you find a place "
        "to sleep. {contact}",
    ),
    # A threat against the gemeente or its staff (core.dialogue.threats): calm and firm, no topic buttons; in office hours
    # staff see the conversation first in their queue (`threat_staff_see`).
    "threat_refused": Text(
        nl="Ik lees hier een bedreiging. Bedreigingen tegen de gemeente of haar medewerkers accepteren wij niet. "
        "De gemeente kan daarvan aangifte doen bij de politie. Is er nu iemand in gevaar? Bel dan 112.",
        en="I read a threat here. We do not accept threats against the municipality or its staff. "
        "The municipality may report this to the police. Is someone in danger now? Then call 112.",
    ),
    "threat_staff_see": Text(
        nl="Een medewerker van de gemeente leest dit gesprek. Heeft u een vraag of een klacht? Schrijf die dan rustig op.",
        en="A member of the municipality's staff reads this conversation. Do you have a question or a complaint? "
        "Write it down calmly.",
    ),
    "threat_question": Text(
        nl="Heeft u een vraag of een klacht? Schrijf die dan rustig op, dan help ik u verder.",
        en="Do you have a question or a complaint? Write it down calmly and I will help you.",
    ),
    "threat_software": Text(
        nl="U praat met de digitale assistent van {tenant}, een computerprogramma.",
        en="You are talking to the digital assistant of {tenant}, a computer program.",
    ),
    # A crisis only the trained classifier sees: the number first, asked as a question (it may
    # be a false alarm); the resident's own question is answered after it.
    "crisis_line_suicide": Text(
        nl="Ik lees dat het misschien niet goed met u gaat. Denkt u aan zelfdoding? Bel dan 113 "
        "Zelfmoordpreventie: 113 of gratis 0800-0113, of chat via 113.nl. Zij zijn er dag en nacht. Bent u in direct gevaar? Bel 112.",
        en="I read that you may not be doing well. Are you thinking about suicide? Then call 113 Suicide "
        "Prevention: 113 or 0800-0113 (free), or chat at 113.nl. They are there day and night. Are you in immediate danger? Call 112.",
    ),
    "crisis_line_violence": Text(
        nl="Ik lees dat het thuis misschien niet veilig is. Wordt u of iemand anders bedreigd, geslagen of "
        "mishandeld? Bel Veilig Thuis: gratis, dag en nacht, op 0800-2000. U mag anoniem bellen. "
        "Is er nu gevaar? Bel 112.",
        en="I read that it may not be safe at home. Are you or is someone else threatened, hit or abused? Call "
        "Veilig Thuis (Safe at Home): free, day and night, on 0800-2000. You may call anonymously. "
        "Is there danger now? Call 112.",
    ),
    "crisis_line_sexual": Text(
        nl="Ik lees dat u misschien iets ergs is overkomen. Gaat het om seksueel geweld? Bel het Centrum "
        "Seksueel Geweld: gratis, dag en nacht, op 0800-0188, of chat via centrumseksueelgeweld.nl. "
        "Bent u nu in gevaar? Bel 112.",
        en="I read that something bad may have happened to you. Is it about sexual violence? Call the Centrum "
        "Seksueel Geweld (Sexual Violence Centre): free, day and night, on 0800-0188, or chat at "
        "centrumseksueelgeweld.nl. Are you in danger now? Call 112.",
    ),
    "crisis_line_danger": Text(
        nl="Bent u of is iemand anders nu in gevaar? Bel direct 112. Geen spoed, maar wel de politie nodig? "
        "Bel 0900-8844.",
        en="Are you or is someone else in danger now? Call 112 straight away. No emergency, but you need the "
        "police? Call 0900-8844.",
    ),
    "crisis_line_person": Text(
        nl="U kunt daarover ook nu met een medewerker van de gemeente praten.",
        en="You can also talk about it with someone from the municipality now.",
    ),
    "button_urgent_person_now": Text(nl="Nu iemand spreken", en="Talk to someone now"),
    "wait_withdrawn": Text(
        nl="Goed, ik zoek geen medewerker meer voor u. U kunt mij gewoon een andere vraag stellen.",
        en="All right, I am no longer looking for someone for you. You can ask me something else.",
    ),
    "crisis_person_offer": Text(
        nl="Wilt u nu met een medewerker van de gemeente praten?",
        en="Would you like to talk to someone from the municipality now?",
    ),
    "crisis_declined": Text(
        nl="Goed. De hulp hierboven is er dag en nacht. U kunt mij ook een andere vraag stellen.",
        en="All right. The help above is there day and night. You can also ask me something else.",
    ),
    # The line just given turned down ("ik wil niet met 113 praten"): once, briefly, that it stays there.
    "crisis_line_declined": Text(
        nl="Dat is goed. U kiest zelf met wie u praat. Het nummer dat ik noemde is er dag en nacht, ook als u later "
        "toch wilt bellen of chatten.",
        en="That is fine. You decide who you talk to. The number I gave is there day and night, also if you want to "
        "call or chat later.",
    ),
    # Then a person of the topic talked about, urgently: now, or when the gemeente is open again.
    # "ik woon in Noord" in another gemeente's chat: honest that its rules do not apply there, and where to look instead
    "lives_elsewhere": Text(
        nl="Deze chat is van {tenant}. Woont u in een andere gemeente? Dan gelden de regels, tarieven en afspraken van "
        "uw eigen gemeente. Kijk op de website van uw gemeente of bel uw gemeente.",
        en="This chat is run by {tenant}. Do you live in another municipality? Then the rules, fees and arrangements of "
        "your own municipality apply. Look at your municipality's website or call your municipality.",
    ),
    # "is het daar ook gratis?" right after: not known here
    "elsewhere_unknown": Text(
        nl="Hoe dat in uw eigen gemeente gaat, weet ik niet. Ik ken alleen de regels en tarieven van {tenant}. Kijk op de "
        "website van uw gemeente of bel uw gemeente.",
        en="How that works in your own municipality, I do not know. I only know the rules and fees of {tenant}. Look at "
        "your municipality's website or call your municipality.",
    ),
    # "kan dat ook 's avonds?": the town hall's next evening openings (`facts.evening_hours`)
    "evening_open": Text(nl="'s Avonds is het gemeentehuis open op {days}. Maak voor de balie wel een afspraak.",
                         en="In the evening the town hall is open on {days}. For the desk, do make an appointment."),
    "evening_until": Text(nl="{date} tot {end}", en="{date} until {end}"),
    "evening_closed": Text(nl="'s Avonds is het gemeentehuis de komende twee weken niet open. Veel zaken kunt u wel "
                           "online regelen.",
                           en="The town hall is not open in the evening in the next two weeks. Many things you can "
                           "arrange online."),
    # "kan ik het ook mailen?" after a topic's answer: not known whether e-mail counts; the page and the team
    "by_mail_unknown": Text(nl="Of dit ook per e-mail kan, weet ik niet zeker. Op de pagina hieronder staat hoe het kan.",
                            en="Whether this can also be done by e-mail, I am not sure. The page below says how it "
                            "can be done."),
    # "kom ik dan in aanmerking?" right after an answer: the gemeente decides; what is known follows
    "eligible_decided": Text(nl="Dat kan ik niet zeker zeggen: dat beslist de gemeente als u het aanvraagt.",
                             en="I cannot say for sure: the municipality decides when you apply."),
    # "ik heb mijn diploma al, woon hier 7 jaar" right after naturalisation: heard; the gemeente checks; what to bring
    "told_about_the_topic": Text(nl="Dank u. Of u aan alle voorwaarden voldoet, bekijkt de gemeente als u het aanvraagt.",
                                 en="Thank you. Whether you meet all the conditions, the municipality checks when you "
                                 "apply."),
    "what_to_bring": Text(nl="Voor de aanvraag:", en="For the application:"),
    # "in juni, 12 juni" after the wedding's answer: the date heard, then the topic's deadline
    "date_told": Text(nl="Voor {day} geldt:", en="For {day}:"),
    # "who will contact me on monday?" with no callback asked for: nobody, unless the resident asks for it
    "nothing_arranged": Text(
        nl="In deze chat is nog niets afgesproken. Er neemt dus niet vanzelf iemand contact met u op.",
        en="Nothing has been arranged in this chat yet, so nobody will contact you unless you ask for it.",
    ),
    "topic_person_now": Text(
        nl="Wilt u nu met een medewerker van {team} praten over uw vraag?",
        en="Would you like to talk to someone from {team} about your question now?",
    ),
    "topic_person_later": Text(
        nl="Er zijn nu geen medewerkers aan het werk. Wilt u dat een medewerker van {team} {moment} contact met u "
        "opneemt? Dan zet ik uw vraag klaar. Typ ja, of meteen uw telefoonnummer of e-mailadres.",
        en="There are no staff at work right now. Would you like someone from {team} to contact you {moment}? Then I "
        "will put your request in for them. Type yes, or your phone number or e-mail address straight away.",
    ),
    "crisis_link_113": Text(nl="Chat met 113 Zelfmoordpreventie", en="Chat with 113 Suicide Prevention"),
    "crisis_link_veilig_thuis": Text(nl="Veilig Thuis", en="Veilig Thuis (Safe at Home)"),
    "crisis_link_csg": Text(nl="Centrum Seksueel Geweld", en="Centrum Seksueel Geweld (Sexual Violence Centre)"),
    "button_urgent_person": Text(nl="Ja, een medewerker", en="Yes, a person now"),
    # ---- not understood, out of scope, clarification ----
    "not_understood": Text(
        nl="Dat begrijp ik niet. Kunt u uw vraag anders stellen? Gebruik een korte zin, "
        "bijvoorbeeld: 'paspoort verlengen' of 'wanneer wordt mijn afval opgehaald'.",
        en="I don't understand that. Could you ask it in another way? Use a short sentence, "
        "for example: 'renew my passport' or 'when is my waste collected'.",
    ),
    "out_of_scope": Text(
        nl="Daar kan ik u niet mee helpen. Ik beantwoord vragen over de gemeente. Bijvoorbeeld over "
        "een paspoort of id-kaart, verhuizen, afval, parkeren, belastingen, vergunningen of hulp en zorg.",
        en="I cannot help you with that. I answer questions about the municipality. For example about "
        "a passport or ID card, moving house, waste, parking, taxes, permits or help and care.",
    ),
    # A matter another organisation handles: `{referral}` is its line ("Voor een verblijfsvergunning
    # gaat u naar de IND: ind.nl."), from knowledge/_out_of_scope.yaml `referrals:`.
    # a person asked for about another organisation's matter ("bel me terug over mijn huurtoeslag")
    "person_referral": Text(
        nl="Daar kan de gemeente u niet mee helpen, ook een medewerker van de gemeente niet. {referral}",
        en="The municipality cannot help you with that, and neither can a member of its staff. {referral}",
    ),
    "out_of_scope_referral": Text(
        nl="Daar kan ik u niet mee helpen. {referral} Ik beantwoord vragen over de gemeente, bijvoorbeeld "
        "over een paspoort, verhuizen, afval, parkeren, belastingen, vergunningen of hulp en zorg.",
        en="I cannot help you with that. {referral} I answer questions about the municipality, for "
        "example about a passport, moving house, waste, parking, taxes, permits or help and care.",
    ),
    "other_language": Text(
        nl="Ik begrijp alleen Nederlands en Engels. Wilt u uw vraag in het Nederlands of het Engels stellen?",
        en="I only understand Dutch and English. Could you ask your question in Dutch or English?",
    ),
    "too_short": Text(
        nl="Kunt u iets meer vertellen? Stel uw vraag in een korte zin, bijvoorbeeld: 'wanneer wordt mijn afval "
        "opgehaald' of 'paspoort verlengen'.",
        en="Could you tell me a little more? Ask your question in a short sentence, for example: 'when is my waste "
        "collected' or 'renew my passport'.",
    ),
    # "antwoord nou", "ben je er nog?": the bot is there; it needs a question (and a person is an option).
    "impatient": Text(
        nl="Ik ben er! Ik antwoord meteen als u uw vraag typt. Gebruik een korte zin, bijvoorbeeld: "
        "'paspoort verlengen' of 'wanneer wordt mijn afval opgehaald'.",
        en="I am here! I answer straight away when you type your question. Use a short sentence, for example: "
        "'renew my passport' or 'when is my waste collected'.",
    ),
    "followup_no_topic": Text(
        nl="Waar gaat uw vraag over? Noem het onderwerp, bijvoorbeeld 'paspoort' of 'verhuizen'.",
        en="What is your question about? Name the subject, for example 'passport' or 'moving house'.",
    ),
    "disambiguate": Text(nl="Bedoelt u een van deze onderwerpen?", en="Do you mean one of these topics?"),
    "lone_favourite_asked": Text(
        nl="Ik weet niet zeker of ik uw vraag goed begrijp. Gaat uw vraag over {topic}? Antwoord met ja of nee.",
        en="I am not sure I understand your question. Is it about {topic}? Please answer yes or no.",
    ),
    "choose_one": Text(
        nl="Welke bedoelt u? Kies een van de knoppen, of typ het nummer.",
        en="Which one do you mean? Choose one of the buttons, or type its number.",
    ),
    "clarify_other": Text(
        nl="Vertel het mij dan in andere woorden. Noem het onderwerp, bijvoorbeeld 'rijbewijs' of 'grofvuil'.",
        en="Then please tell me in other words. Name the subject, for example 'driving licence' or 'bulky waste'.",
    ),
    "more_topics": Text(
        nl="U vroeg ook naar iets anders. Kies hieronder waar u nog een antwoord op wilt.",
        en="You also asked about something else. Choose below what else you want an answer to.",
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
    # ---- the offer of a person (after misses) ----
    "offer_person": Text(
        nl="Het lukt mij niet om uw vraag te beantwoorden. Wilt u met een medewerker praten?",
        en="I can't answer your question. Would you like to talk to a person?",
    ),
    "offer_callback": Text(
        nl="Het lukt mij niet om uw vraag te beantwoorden. Er zijn nu geen medewerkers aan het werk. "
        "Wilt u dat een medewerker {moment} contact met u opneemt?",
        en="I can't answer your question. There are no staff at work right now. "
        "Would you like someone to contact you {moment}?",
    ),
    "person_declined": Text(
        nl="Goed. Stel gerust een andere vraag.",
        en="All right. Feel free to ask something else.",
    ),
    # ---- answers, follow-ups, feedback ----
    "followup_unknown": Text(
        nl="Daar heb ik geen antwoord op bij '{topic}'. Kijk bij de links.",
        en="I have no answer to that for '{topic}'. Please check the links.",
    ),
    # A question right after a topic's answer that the knowledge base cannot answer ("krijg ik bericht
    # als het is opgeruimd?" after litter): most likely a detail of that topic, so its page and a person.
    "happened_again": Text(
        nl="Vervelend dat dit niet de eerste keer is. Zeg dat erbij als u het opnieuw meldt of contact opneemt. Dan "
           "kan de gemeente kijken waarom het vaker misgaat.",
        en="Sorry that this is not the first time. Say so when you report it again or get in touch. Then the "
           "municipality can look into why it keeps going wrong.",
    ),
    "unknown_in_topic": Text(
        nl="Dat weet ik niet. Gaat uw vraag over '{topic}'? Dan staat het antwoord misschien op de pagina hieronder.",
        en="I don't know that. Is your question about '{topic}'? Then the page below may have the answer.",
    ),
    # A detail told right after a topic's answer whose meaning for the topic the knowledge base lacks.
    "told_in_topic": Text(
        nl="Dank u. Wat dat betekent voor '{topic}', weet ik niet precies. Kijk op de pagina hieronder.",
        en="Thank you. What that means for '{topic}', I do not know exactly. Please look at the page below.",
    ),
    # No DigiD, told after an answer that says to do it online with DigiD: the other ways, and DigiD itself.
    "no_digid": Text(
        nl="Heeft u geen DigiD? Dan kan een medewerker van de gemeente u helpen, aan de telefoon of aan de balie. Iemand "
           "die u vertrouwt kan het ook voor u doen met een DigiD-machtiging. DigiD zelf vraagt u aan op digid.nl. De "
           "brief met de activeringscode komt binnen een paar dagen met de post.",
        en="No DigiD? Then someone from the municipality can help you, by phone or at the desk. Someone you trust can "
           "also do it for you with a DigiD authorisation. You apply for DigiD itself on digid.nl. The letter with the "
           "activation code arrives by post within a few days.",
    ),
    # What the resident will do now, told after an answer ("ok dan ga ik toch maar gewoon maandag").
    "own_plan_told": Text(
        nl="Goed, succes! Heeft u nog een andere vraag? Stel die gerust.",
        en="All right, good luck! Do you have another question? Just ask.",
    ),
    # Said after an answer a person could add to, honest about when one is there (context.person_line).
    "person_line_now": Text(nl="U kunt het ook aan een medewerker vragen.", en="You can also ask a member of staff."),
    "person_line_later": Text(
        nl="U kunt ook vragen of een medewerker u {moment} terugbelt of mailt.",
        en="You can also ask for someone to call or e-mail you {moment}.",
    ),
    "person_line_message": Text(
        nl="Met de knop hieronder vraagt u of een medewerker contact met u opneemt.",
        en="With the button below you ask for someone to contact you.",
    ),
    "feedback_question": Text(nl="Was dit nuttig?", en="Was this helpful?"),
    "feedback_thanks": Text(nl="Dank u wel voor uw reactie.", en="Thank you for your feedback."),
    "feedback_sorry": Text(
        nl="Jammer dat dit niet hielp. U kunt uw vraag anders stellen. Of praat met een medewerker.",
        en="Sorry that did not help. You can ask your question in another way. Or talk to a person.",
    ),
    "feedback_sorry_closed": Text(
        nl="Jammer dat dit niet hielp. U kunt uw vraag anders stellen. Of vraag of een medewerker u "
        "{moment} terugbelt of mailt.",
        en="Sorry that did not help. You can ask your question in another way. Or ask for someone to call "
        "or e-mail you {moment}.",
    ),
    "waste_on_a_day": Text(
        nl="Afval wordt opgehaald volgens een eigen planning, niet volgens de openingstijden van het gemeentehuis. "
        "De dag staat in de afvalkalender voor uw adres, of bij uw afspraak voor grofvuil. Rond feestdagen schuift "
        "een ophaaldag soms op.",
        en="Waste is collected on its own schedule, not in the town hall's opening hours. The day is in the waste "
        "calendar for your address, or in your bulky waste appointment. Around public holidays a collection day "
        "sometimes moves.",
    ),
    "fees_link": Text(nl="Alle tarieven", en="All fees"),
    # ---- a resident who asks to have their data deleted (core.dialogue.erasure) ----
    "erasure_kept": Text(
        nl="Dit gesprek bewaren we {days} dagen. Daarna wordt het vanzelf gewist.",
        en="We keep this conversation for {days} days. After that it is deleted automatically.",
    ),
    "erasure_now_web": Text(
        nl="Wilt u het nu al wissen? Kies dan ‘Gesprek wissen’ in deze chat.",
        en="Do you want to delete it now? Choose ‘Delete conversation’ in this chat.",
    ),
    "erasure_now_staff": Text(
        nl="Wilt u het nu al laten wissen? Vraag het een medewerker. Die kan het voor u doen.",
        en="Do you want it deleted now? Ask a member of staff. They can do it for you.",
    ),
    "erasure_other_data": Text(
        nl="Wilt u dat de gemeente andere gegevens over u verwijdert? Dat vraagt u met een privacyverzoek (AVG). "
        "Hoe dat gaat, leest u op de website van de gemeente.",
        en="Do you want the municipality to delete other data about you? You ask for that with a privacy request "
        "(GDPR). The municipality's website tells you how.",
    ),
    "contact_link": Text(nl="Contact met de gemeente", en="Contact the municipality"),
    "fees_intro": Text(nl="Dit zijn de tarieven van {tenant} in {year}:", en="These are the fees of {tenant} in {year}:"),
    "fees_line": Text(nl="{name}: € {amount}", en="{name}: € {amount}"),
    # "en als ik er twee heb?" after a fee: the total from the tenant's fees table, or honestly not
    "count_first_and_next": Text(
        nl="Voor {count} samen € {total} ({year}): {first} € {first_amount}, en {more} × {next} € {next_amount}.",
        en="For {count}, € {total} in all ({year}): {first} € {first_amount}, and {more} × {next} € {next_amount}.",
    ),
    "count_children": Text(
        nl="Voor {count} kinderen samen € {total} ({year}): {count} × {name} € {amount}.",
        en="For {count} children, € {total} in all ({year}): {count} × {name} € {amount}.",
    ),
    "count_unknown": Text(
        nl="Dat weet ik niet precies voor {count}. Op de pagina hieronder staat het, of vraag het een medewerker.",
        en="I don't know exactly for {count}. The page below has it, or ask a member of staff.",
    ),
    # "ik heb een bank, een kast en 3 matrassen" after bulky waste: the things told, of which a count is one part
    "count_unknown_listed": Text(
        nl="Wat het precies kost voor alles wat u noemt, weet ik niet. Hieronder staan de tarieven. Op de pagina "
           "hieronder staat meer, of vraag het een medewerker.",
        en="I don't know exactly what it costs for everything you mention. The fees are below. The page below has "
           "more, or ask a member of staff.",
    ),
    # ---- tenant facts ----
    "label_today": Text(nl="Vandaag ({date})", en="Today ({date})"),
    "label_tomorrow": Text(nl="Morgen ({date})", en="Tomorrow ({date})"),
    "label_day": Text(nl="Op {date}", en="On {date}"),
    "word_and": Text(nl=" en ", en=" and "),
    "hours_range": Text(nl="van {start} tot {end}", en="from {start} to {end}"),
    # A legal term from a day the question tells (`facts.term_line`: a birth registered within 3 days)
    "term_from": Text(nl="De {days} dagen voor de aangifte tellen vanaf {told}.",
                      en="The {days} days to register count from {told}."),
    "term_moved": Text(nl="Valt de laatste dag in het weekend of op een feestdag? Dan telt de eerstvolgende werkdag.",
                       en="Does the last day fall in a weekend or on a public holiday? Then the next working day counts."),
    "term_open": Text(nl="U heeft dus tot en met {last}. U bent nog op tijd.",
                      en="So you have until {last}. You are still in time."),
    "term_today": Text(nl="De laatste dag is dus vandaag, {last}. Doe de aangifte vandaag nog.",
                       en="So the last day is today, {last}. Register today."),
    "term_passed": Text(
        nl="De laatste dag was dus {last}. U bent te laat. Doe de aangifte toch zo snel mogelijk: dat kan nog steeds. "
           "De gemeente vraagt u dan waarom het later is.",
        en="So the last day was {last}. You are late. Register as soon as possible all the same: you still can. The "
           "municipality will ask you why it is later."),
    "hours_open": Text(nl="{day} is het gemeentehuis open {ranges}.", en="{day} the town hall is open {ranges}."),
    "hours_were_open": Text(
        nl="{day} was het gemeentehuis open {ranges}; nu is het gesloten.",
        en="{day} the town hall was open {ranges}; it is closed now.",
    ),
    "hours_other_place": Text(
        nl="Wanneer {place} open is, weet ik niet. Kijk daarvoor op de website van {place}. Wel weet ik de tijden "
        "van het gemeentehuis:",
        en="I do not know when {place} is open. Please look at the website of {place}. I do know the town hall's "
        "hours:",
    ),
    "hours_closed": Text(nl="{day} is het gemeentehuis gesloten.", en="{day} the town hall is closed."),
    "hours_closed_because": Text(
        nl="{day} is het gemeentehuis gesloten ({reason}).", en="{day} the town hall is closed ({reason})."
    ),
    "hours_next": Text(nl="Daarna zijn we weer open {moment}.", en="After that we are open again {moment}."),
    "phone_open": Text(
        nl="U kunt de gemeente bellen op {phone}. Dat kan vandaag tot {until}.",
        en="You can call the municipality on {phone}, today until {until}.",
    ),
    "phone_closing": Text(
        nl="U kunt de gemeente bellen op {phone}. Dat kan nog tot {until}, daarna weer {next}.",
        en="You can call the municipality on {phone} until {until}, and then again {next}.",
    ),
    "phone_closed": Text(
        nl="U kunt de gemeente bellen op {phone}. De telefoon is nu gesloten; bellen kan weer {next}.",
        en="You can call the municipality on {phone}. The phone line is closed now; you can call again {next}.",
    ),
    "phone_number": Text(nl="U kunt de gemeente bellen op {phone}.", en="You can call the municipality on {phone}."),
    "phone_mail": Text(nl="Mailen kan naar {email}.", en="You can e-mail {email}."),
    # ---- details every topic can have ----
    "detail_status": Text(
        nl="U wilt weten hoe het staat met uw aanvraag of melding over '{topic}'. Dat kan ik niet zien. "
        "Kijk in uw bevestiging of op de website van de gemeente onder 'Mijn zaken' (inloggen met DigiD). "
        "Staat het daar niet? Dan helpt {team} u verder.",
        en="You want to know how your application or report about '{topic}' is going. I cannot see that. "
        "Check your confirmation, or the municipality's website under 'My cases' (log in with DigiD). "
        "Not there? Then {team} will help you further.",
    ),
    "wait_rerouted": Text(
        nl="Goed, dan zoek ik een medewerker van {team} voor u. Blijf in dit gesprek.",
        en="All right, then I am looking for someone from {team} for you. Please stay in this chat.",
    ),
    # A message while the resident waits for a person nobody has taken yet: kept for them, still waiting, until when.
    # A phone call asked for on WhatsApp: the number the chat comes from, with the resident's yes, or another.
    "ask_number_this_one": Text(
        nl="Op welk telefoonnummer kunnen wij u bellen? Is dat {number}, het nummer waarmee u nu WhatsAppt? Typ dan ja. "
        "Of typ een ander telefoonnummer.",
        en="Which phone number can we call you on? Is it {number}, the number you are using for WhatsApp now? Then type "
        "yes. Or type another phone number.",
    ),
    "wait_message_kept": Text(
        nl="Dank u. Ik heb uw bericht bewaard. De medewerker van {team} leest het als die het gesprek overneemt. "
        "U wacht nog{about}.{until}",
        en="Thank you. I have kept your message. The person from {team} will read it when they take over this chat. "
        "You are still waiting{about}.{until}",
    ),
    # "ok", "bedankt" while waiting: nothing to keep; who they wait for, about what (`wait_about`), until when
    "wait_still": Text(
        nl="U wacht op een medewerker van {team}{about}. Blijf in dit gesprek, dan krijgt u hier antwoord.{until}",
        en="You are waiting for someone from {team}{about}. Please stay in this chat; the answer will appear here.{until}",
    ),
    # "hoe lang nog?", "is er al iemand?" while waiting: honest that nobody has taken it yet
    "wait_not_yet": Text(
        nl="Er is nog geen medewerker van {team} vrij. U wacht nog{about}. Blijf in dit gesprek.{until}",
        en="Nobody from {team} is free yet. You are still waiting{about}. Please stay in this chat.{until}",
    ),
    "wait_about": Text(
        nl=" met uw vraag over '{topic}'",
        en=" with your question about '{topic}'",
    ),
    # "bel me liever terug" while waiting for a chat: the wait stops, the callback takes its place (one handover)
    "wait_to_callback": Text(
        nl="Goed, dan stop ik met zoeken naar een medewerker voor de chat. We bellen of mailen u terug.",
        en="All right, I will stop looking for someone to chat with you. We will call or e-mail you back instead.",
    ),
    "wait_message_until": Text(
        nl=" Is er om {time} nog niemand vrij? Dan vraag ik of we u later mogen bellen of mailen.",
        en=" If nobody is free by {time}, I will ask if we may call or e-mail you later.",
    ),
    # "3x gebeld en niemand belt terug": sorry, the complaint route (its page below), and a person offered.
    "not_called_back": Text(
        nl="Dat spijt me. Het is vervelend dat u niet bent teruggebeld. Wilt u daarover een klacht indienen? Dat kan met "
        "het klachtformulier op de pagina hieronder.",
        en="I am sorry. It is annoying that nobody called you back. Do you want to make a complaint about it? You can do "
        "that with the complaint form on the page below.",
    ),
    # "laat maar" to the person offered after "niemand belt terug": respected, with the complaint form once more.
    "not_called_back_declined": Text(
        nl="Dat begrijp ik. Ik geef niets door: er komt nu geen terugbelverzoek. Wilt u later toch een klacht indienen? "
           "Dat kan met het klachtformulier hieronder. Schrijf erin dat niemand u terugbelde.",
        en="I understand. I will not pass anything on: no callback request is made. Do you want to make a complaint later "
           "after all? You can do that with the complaint form below. Write in it that nobody called you back.",
    ),
    "not_clear_yet": Text(
        nl="Is het nog niet duidelijk?",
        en="Is it still not clear?",
    ),
    "detail_pet_died": Text(
        nl="Wat verdrietig dat uw huisdier is overleden. Voor een kat, konijn of ander huisdier hoeft u niets door te "
        "geven aan de gemeente. Alleen een hond meldt u af, voor de hondenbelasting.",
        en="I am sorry your pet has died. For a cat, a rabbit or another pet you do not need to tell the "
        "municipality anything. Only a dog is deregistered, for the dog tax.",
    ),
    "detail_status_unknown": Text(
        nl="U wilt weten hoe het staat met een aanvraag of melding. Dat kan ik niet zien. Kijk in uw bevestiging, "
        "of op de website van de gemeente onder 'Mijn zaken'. Waar gaat het over? Noem het onderwerp, dan vertel "
        "ik u meer.",
        en="You want to know how an application or report is going. I cannot see that. Check your confirmation, "
        "or the municipality's website under 'My cases'. What is it about? Name the subject and I will tell you "
        "more.",
    ),
    "detail_overlijden": Text(
        nl="Gecondoleerd met het overlijden. Veel zaken regelt de gemeente vanzelf: wij geven het overlijden "
        "door aan veel andere instanties. Vergunningen, belastingen en voorzieningen op naam van de overledene "
        "stoppen niet altijd vanzelf. Voor '{topic}' helpt {team} u verder.",
        en="We are sorry for your loss. The municipality passes the death on to many organisations itself. "
        "Permits, taxes and services in the name of the deceased do not always stop by themselves. "
        "For '{topic}', {team} will help you further.",
    ),
    # ---- guided flows ----
    "flow_stop_hint": Text(nl="Typ 'stop' als u wilt stoppen.", en="Type 'stop' if you want to quit."),
    # why a guided flow asks what it asks ("waarom wil je mijn postcode?"); the transcript forgets the answers
    "flow_why": Text(nl="Ik vraag dit omdat het antwoord per adres of situatie anders is. Ik bewaar het niet.",
                     en="I ask this because the answer differs per address or situation. I do not keep it."),
    "flow_waiting": Text(nl="Ik wacht nog op uw antwoord.", en="I am still waiting for your answer."),
    # "weet ik niet uit mijn hoofd" to a guided flow's question: where to find it (per slot type), and that
    # stopping is fine; never "Dat is geen geldige postcode" for words
    "flow_unknown_postcode": Text(
        nl="Geen probleem. Uw postcode staat op een brief van de gemeente of de belastingaanslag.",
        en="No problem. Your postcode is on a letter from the municipality or on the municipal tax assessment.",
    ),
    "flow_unknown_huisnummer": Text(
        nl="Geen probleem. Uw huisnummer staat naast uw voordeur en op een brief van de gemeente of de belastingaanslag.",
        en="No problem. Your house number is next to your front door and on a letter from the municipality or the "
           "municipal tax assessment.",
    ),
    "flow_unknown": Text(nl="Geen probleem. Zoek het gerust even op.", en="No problem. Take your time to look it up."),
    "flow_unknown_then": Text(
        nl="Hebt u het gevonden? Typ het dan hier. Wilt u liever stoppen? Typ dan 'stop'.",
        en="Found it? Then type it here. Would you rather stop? Then type 'stop'.",
    ),
    "flow_stopped": Text(
        nl="Goed, ik stop met deze vragen. Waarmee kan ik u nog helpen?",
        en="All right, I stopped asking. What else can I help you with?",
    ),
    "flow_gave_up": Text(
        nl="Het lukt niet met deze vragen. Ik stop ermee. U kunt het later nog eens proberen of een medewerker spreken.",
        en="This is not working. I stopped asking. You can try again later or talk to a person.",
    ),
    "flow_gave_up_closed": Text(
        nl="Het lukt niet met deze vragen. Ik stop ermee. U kunt het later nog eens proberen, of vragen of een "
        "medewerker u {moment} terugbelt of mailt.",
        en="This is not working. I stopped asking. You can try again later, or ask for someone to call or e-mail "
        "you {moment}.",
    ),
    # ---- handover ----
    "live": Text(
        nl="Ik zoek een medewerker van {team} voor u. Blijf in dit gesprek. U krijgt hier antwoord. "
        "Is er binnen {minutes} minuten niemand vrij? Dan vraag ik of we u later mogen bellen of mailen.",
        en="I am looking for someone from {team} to help you. Please stay in this chat; the answer will "
        "appear here. If nobody is free within {minutes} minutes, I will ask if we may call or e-mail you later.",
    ),
    "already_waiting": Text(
        nl="U wacht al op een medewerker van {team}. Blijf in dit gesprek, dan krijgt u hier antwoord.",
        en="You are already waiting for someone from {team}. Please stay in this chat.",
    ),
    "already_queued": Text(
        nl="Uw vraag staat al klaar bij {team}. Een medewerker neemt {moment} contact met u op. Dat blijft zo: ik start er "
        "geen tweede gesprek bij.",
        en="Your question is already waiting with {team}. Someone will contact you {moment}. That stays as it is: I will "
        "not start a second conversation as well.",
    ),
    "already_queued_sooner": Text(nl="Wilt u niet wachten?", en="Would you rather not wait?"),
    # Written for a callback already queued: added to its ticket (never echoed: the contact is personal data).
    "added_to_ticket": Text(
        nl="Ik heb dit bij uw vraag gezet. De medewerker leest het voordat die contact met u opneemt. We nemen "
        "{moment} contact met u op.",
        en="I have added this to your question. The member of staff will read it before contacting you. We will "
        "contact you {moment}.",
    ),
    "added_urgent": Text(
        nl="Ik heb bij uw vraag gezet dat het dringend is. We nemen {moment} contact met u op. Eerder kan niet. Is "
        "er gevaar of is het een noodgeval? Bel dan 112.",
        en="I have added to your question that it is urgent. We will contact you {moment}; it cannot be sooner. "
        "Is there danger or is it an emergency? Then call 112.",
    ),
    "added_other_contact": Text(
        nl="Ik heb dit {way} bij uw vraag gezet. De medewerker ziet het naast wat u eerst gaf. We nemen {moment} "
        "contact met u op.",
        en="I have added this {way} to your question. The member of staff sees it next to what you gave first. We "
        "will contact you {moment}.",
    ),
    "not_added": Text(
        nl="Het lukte niet om uw laatste bericht bij uw vraag te zetten. Uw vraag staat wel klaar. Vertel het de "
        "medewerker als die contact met u opneemt.",
        en="I could not add your last message to your question. Your question is still waiting. Tell the member "
        "of staff when they contact you.",
    ),
    "contact_way_phone": Text(nl="telefoonnummer", en="phone number"),
    "contact_way_email": Text(nl="e-mailadres", en="e-mail address"),
    # "kan iemand mij helpen in het engels of turks?": honest about languages (a person is offered next)
    "help_in_a_language": Text(
        nl="Onze medewerkers spreken meestal ook Engels. Andere talen kan ik niet beloven. U mag iemand meenemen of "
        "laten meepraten die voor u vertaalt.",
        en="Our staff usually speak English as well. I cannot promise other languages. You may bring someone, or have "
        "someone join the conversation, to translate for you.",
    ),
    # "this is too much, can someone just do it for me": kindly, what a person can do (a person is offered next)
    "help_doing_it": Text(
        nl="Ik begrijp dat het veel is. Een medewerker kan u helpen en uitleggen wat u moet doen. Sommige dingen moet u "
        "wel zelf doen, zoals iets ondertekenen of inloggen met DigiD.",
        en="I understand it is a lot. A member of staff can help you and explain what to do. Some things you do have to "
        "do yourself, such as signing something or logging in with DigiD.",
    ),
    # A licence plate typed on its own ("het is XX-123-Y" after the parking permit): Balie does nothing with it
    "plate_not_used": Text(
        nl="Met een kenteken kan ik zelf niets opzoeken of regelen. Ik bewaar het ook niet.",
        en="I cannot look anything up or arrange anything with a licence plate myself. I do not keep it either.",
    ),
    "plate_where": Text(
        nl="Waar u het kenteken invult, staat op de pagina hieronder.",
        en="The page below shows where you fill in the licence plate.",
    ),
    # "nee sorry ik bedoel de groene" after the container's answer: the same topic, answered again for what is meant
    "correction_same": Text(nl="Goed, dan geldt dit:", en="All right, then this applies:"),
    # "ik wil niet naar zo'n opvang" right after the help for someone without a place to sleep (the desk's number follows)
    "shelter_refused": Text(
        nl="Ik begrijp dat u daar liever niet heen gaat. Een woning kan de gemeente niet snel regelen, en vannacht zeker "
        "niet. De mensen van de opvang kijken ook met u naar andere plekken om te slapen.",
        en="I understand you would rather not go there. The municipality cannot arrange a home quickly, and certainly "
        "not tonight. The shelter desk also looks with you at other places to sleep.",
    ),
    # "dus jullie doen gewoon niks??" after the answer to a problem: heard calmly; who can act now follows
    # A letter told of without what it is about ("ik heb een brief van de gemeente gehad"): Balie cannot see it; what to
    # tell, with its likely topics as buttons; the letter cannot be read: someone to read along, or staff.
    "vague_letter": Text(
        nl="Ik kan uw brief niet zien. Wat staat er bovenaan, en van wie of van welke afdeling komt hij? Een bedrag of een "
        "datum helpt ook. Gaat het om een van deze onderwerpen?",
        en="I cannot see your letter. What does it say at the top, and who or which department is it from? An amount or "
        "a date helps too. Is it about one of these topics?",
    ),
    "vague_letter_unreadable": Text(
        nl="Kunt u de brief niet goed lezen of begrijpen? Vraag dan iemand die u vertrouwt om mee te lezen. Een medewerker "
        "van de gemeente kan hem ook met u doornemen.",
        en="Can you not read or understand the letter well? Then ask someone you trust to read it with you. Someone from "
        "the municipality can also go through it with you.",
    ),
    # "ik heb een vraag over mijn moeder": what about, with the likely topics as buttons.
    "vague_relative": Text(
        nl="Vertel gerust wat er speelt: waar gaat uw vraag over? Gaat het bijvoorbeeld om een van deze onderwerpen?",
        en="Please tell me what is going on: what is your question about? Is it, for example, about one of these topics?",
    ),
    "anger_heard": Text(
        nl="Ik begrijp dat u boos bent. Dat is vervelend.",
        en="I understand that you are angry. That is annoying.",
    ),
    "anger_picked_up": Text(
        nl="De gemeente is er weer {moment} en pakt de melding dan op.",
        en="The municipality is back {moment} and picks up the report then.",
    ),
    # "will she call me back?" asked for the callback's contact: who and when, honestly (the contact question follows)
    "callback_who": Text(
        nl="Een medewerker van {team} neemt {moment} contact met u op. Wie dat precies is, kan ik niet beloven.",
        en="Someone from {team} will contact you {moment}. I cannot promise who that will be.",
    ),
    # "kunt u doorgeven dat ik later kom?": Balie passes nothing on; what to do instead follows
    "pass_on_not": Text(
        nl="Ik kan zelf geen berichten doorgeven aan medewerkers. Er krijgt dus niemand dit bericht van mij.",
        en="I cannot pass on messages to staff myself, so nobody will get this message from me.",
    ),
    # "can you check? application number 7781", "can you report it for me?": what the chat cannot do; what instead follows
    "act_not": Text(
        nl="Dat kan ik in deze chat niet voor u doen. Ik kan niets opzoeken, aanpassen of indienen.",
        en="I cannot do that for you in this chat. I cannot look anything up, change anything or file anything.",
    ),
    "act_form": Text(
        nl="U doet het zelf met het formulier via de link hieronder.",
        en="You do it yourself with the form at the link below.",
    ),
    # "nvm ik doe het maandag zelf wel" said with it: fine (the team's phone with its hours follows)
    "act_own_plan": Text(nl="Goed, dat kan.", en="All right, that is fine."),
    "pass_on_late": Text(
        nl="Komt u later, of kunt u niet komen? Laat het de gemeente dan zelf weten.",
        en="Will you be late, or can you not come? Then please let the municipality know yourself.",
    ),
    "pass_on_move": Text(
        nl="Lukt het niet op tijd? Verzet uw afspraak dan via de link in uw bevestigingsmail of hieronder.",
        en="Can you not make it in time? Then move your appointment with the link in your confirmation e-mail or below.",
    ),
    # "kan ik het niet gewoon hier vertellen?" after the complaint's or an objection's answer (a person is offered next)
    "tell_it_here": Text(
        nl="Ik kan het zelf niet aannemen of doorgeven. U kunt het formulier invullen via de link hieronder. Of u vertelt "
        "het aan een medewerker.",
        en="I cannot take it in or pass it on myself. You can fill in the form with the link below. Or you tell it to a "
        "member of staff.",
    ),
    "told_more_complaint": Text(
        nl="Vervelend om te horen. Schrijf dit in uw klacht: wat er gebeurde, wanneer en met wie u sprak. Dan kan de "
        "gemeente het goed uitzoeken.",
        en="I am sorry to hear that. Put this in your complaint: what happened, when, and whom you spoke to. Then the "
        "municipality can look into it properly.",
    ),
    "told_more_objection": Text(
        nl="Schrijf dit in uw bezwaar: waarom u het niet eens bent met het besluit. Heeft u bewijs, zoals foto's of "
        "brieven? Stuur dat mee.",
        en="Put this in your objection: why you disagree with the decision. Do you have proof, such as photos or "
        "letters? Send it with your objection.",
    ),
    "another_no_dutch": Text(
        nl="Spreekt die persoon weinig of geen Nederlands? Dan mag er iemand mee die kan vertalen, bijvoorbeeld een "
        "familielid. Vraag de gemeente ook of er een tolk kan komen.",
        en="Does that person speak little or no Dutch? Then someone who can translate may come along, for example a "
        "family member. Also ask the municipality whether an interpreter can come.",
    ),
    # "hallo??" right after a question of the bot's (the callback offer): the question follows again
    "still_here": Text(nl="Ik ben er nog.", en="I am still here."),
    "closed_now": Text(
        nl="Er zijn nu geen medewerkers aan het werk. We zijn er weer {moment}.",
        en="There are no staff at work right now. We are back {moment}.",
    ),
    "closing_soon": Text(
        nl="We sluiten om {time}. Er is nu geen tijd meer om u met een medewerker te laten chatten.",
        en="We close at {time}. There is no time left now to connect you with a member of staff.",
    ),
    "nobody_free": Text(
        nl="Er is op dit moment geen medewerker vrij.",
        en="No member of staff is free at the moment.",
    ),
    # The matter told in answer to the callback offered, which Balie does not answer: the member of staff reads it
    # with the callback (the ticket's summary holds the resident's words); the offer follows.
    "callback_noted_thanks": Text(nl="Dank u.", en="Thank you."),
    "callback_noted": Text(
        nl="Dan leest die medewerker ook wat u hier schreef.",
        en="They will then also read what you wrote here.",
    ),
    "consent": Text(
        nl="Wilt u dat een medewerker van {team} contact met u opneemt?",
        en="Would you like someone from {team} to contact you?",
    ),
    "consent_whatsapp": Text(
        nl="Wilt u dat een medewerker van {team} contact met u opneemt via dit WhatsApp-nummer?",
        en="Would you like someone from {team} to contact you on this WhatsApp number?",
    ),
    "ask_contact": Text(
        nl="Hoe kunnen we u bereiken? Typ uw telefoonnummer of e-mailadres.",
        en="How can we reach you? Please type your phone number or e-mail address.",
    ),
    "invalid_contact": Text(
        nl="Dat is geen telefoonnummer of e-mailadres dat ik herken. Bijvoorbeeld: 06 12345678 of naam@voorbeeld.nl.",
        en="I do not recognise that as a phone number or e-mail address. For example: 06 12345678 or name@example.com.",
    ),
    "queued": Text(
        nl="Dank u. Een medewerker van {team} neemt {moment} contact met u op.",
        en="Thank you. Someone from {team} will contact you {moment}.",
    ),
    # A place told right after a report answered ("kerkstraat ter hoogte van nr 14"): Balie does not pass it on.
    "place_told": Text(
        nl="Dank u. Ik kan dit niet zelf aan de gemeente doorgeven. Zet deze plek in het formulier via de link hieronder. "
        "Dan weet de gemeente precies waar het is.",
        en="Thank you. I cannot pass this on to the municipality myself. Put this place in the form, with the link below. "
        "Then the municipality knows exactly where it is.",
    ),
    # Something told right after an answer that sends the resident to the report form ("hij stond er om 7 uur gewoon"
    # after a bin not emptied): it belongs in the report, which Balie does not make.
    "told_for_the_report": Text(
        nl="Dank u. Ik kan de melding niet zelf voor u doen. Zet dit in uw melding via de link hieronder, met uw adres. "
        "Dan kan de gemeente het goed bekijken.",
        en="Thank you. I cannot make the report for you. Put this in your report, with the link below, together with your "
        "address. Then the municipality can look into it properly.",
    ),
    # "ok maar snel maken aub" after an answer: honest that Balie cannot speed it up (the topic's duration follows).
    "hurry_asked": Text(
        nl="Ik begrijp dat u haast heeft. Sneller maken kan ik het niet.",
        en="I understand you are in a hurry. I cannot make it go faster.",
    ),
    "queued_this_number": Text(
        nl="Wij bellen u op {number}, het nummer waarmee u nu WhatsAppt.",
        en="We will call you on {number}, the number you are using for WhatsApp now.",
    ),
    "queued_after_crisis": Text(
        nl="Wordt het u tot dan te veel? De hulplijn die ik noemde is er dag en nacht. Bent u in direct gevaar? Bel 112.",
        en="Does it get too much for you until then? The helpline I gave is there day and night. Are you in immediate "
        "danger? Call 112.",
    ),
    # Another organisation's matter asked beside a word of the topic talked about ("is het droog zaterdag, ivm de
    # verhuiswagen?"): its line first (`Turn._outside_besides`), then this, not the topic's whole answer again.
    "ask_about_topic": Text(
        nl="Heeft u een vraag over '{topic}'? Stel die gerust.",
        en="Do you have a question about '{topic}'? Feel free to ask it.",
    ),
    # A season's wish ("ok fijne kerst", "happy new year"), answered in kind (`small_talk.season_wish`)
    "season_christmas": Text(
        nl="Dank u, ook fijne kerstdagen! Heeft u later nog een vraag? Stel die gerust hier.",
        en="Thank you, merry Christmas to you too! Do you have a question later? Feel free to ask it here.",
    ),
    "season_new_year": Text(
        nl="Dank u, ook een gelukkig nieuwjaar! Heeft u later nog een vraag? Stel die gerust hier.",
        en="Thank you, a happy New Year to you too! Do you have a question later? Feel free to ask it here.",
    ),
    "season_holidays": Text(
        nl="Dank u, ook fijne feestdagen! Heeft u later nog een vraag? Stel die gerust hier.",
        en="Thank you, happy holidays to you too! Do you have a question later? Feel free to ask it here.",
    ),
    "declined": Text(
        nl="Goed. U kunt mij gewoon een andere vraag stellen.",
        en="All right. You can ask me another question.",
    ),
    "send_failed": Text(
        nl="Het lukt nu niet om uw vraag door te sturen. Er staat geen verzoek klaar. Probeer het later nog eens.",
        en="I cannot pass on your question right now. No request was made. Please try again later.",
    ),
    "no_opening": Text(
        nl="Ik kan nu geen afspraak maken voor contact met een medewerker.",
        en="I cannot arrange contact with a member of staff right now.",
    ),
    "team_contact_open": Text(
        nl="U kunt {team} ook zelf bereiken: {ways}. Bellen kan vandaag tot {until}.",
        en="You can also contact {team} yourself: {ways}. You can call today until {until}.",
    ),
    "team_contact_closing": Text(
        nl="U kunt {team} ook zelf bereiken: {ways}. Bellen kan nog tot {until}, daarna weer {next}.",
        en="You can also contact {team} yourself: {ways}. You can call until {until}, and then again {next}.",
    ),
    "team_contact_closed": Text(
        nl="U kunt {team} ook zelf bereiken: {ways}. De telefoon is nu gesloten; bellen kan weer {next}.",
        en="You can also contact {team} yourself: {ways}. The phone line is closed now; you can call again {next}.",
    ),
    # "wie bel ik 's nachts?" after a topic without an after-hours contact (knowledge `after_hours:`): nobody else
    # (then the team's line, honest about now)
    "after_hours_nobody": Text(
        nl="'s Avonds, 's nachts en in het weekend is de gemeente gesloten. Voor '{topic}' is er dan geen ander "
        "nummer.",
        en="In the evening, at night and at weekends the municipality is closed. For '{topic}' there is no other "
        "number then.",
    ),
    # "wie moet ik dan bellen?" right after a matter of another organisation: that organisation again
    "referral_again": Text(
        nl="Daarvoor belt u niet de gemeente. {referral}",
        en="For that you do not call the municipality. {referral}",
    ),
    # A question about what the organisation just named decides ("what do you mean self-contained?" after rent benefit).
    "referral_decides": Text(
        nl="Dat kan ik niet voor u beoordelen. Dat beslist {organisation}, niet de gemeente. {referral}",
        en="I cannot judge that for you. {organisation} decides that, not the municipality. {referral}",
    ),
    "team_contact_mail": Text(
        nl="U kunt {team} ook mailen: {email}.",
        en="You can also e-mail {team}: {email}.",
    ),
    "notice_waiting": Text(
        nl="U wacht op een medewerker van {team}. Blijf in dit gesprek.",
        en="You are waiting for someone from {team}. Please stay in this chat.",
    ),
    "notice_claimed": Text(
        nl="U praat nu met een medewerker van {team}.",
        en="You are now talking to someone from {team}.",
    ),
    "notice_queued": Text(
        nl="Een medewerker van {team} neemt {moment} contact met u op.",
        en="Someone from {team} will contact you {moment}.",
    ),
    # Staff actions (core.staff): shown to the resident when staff claim, take over, transfer or close.
    "claimed": Text(nl="U praat nu met een medewerker van {team}.", en="You are now talking to someone from {team}."),
    "transferred": Text(
        nl="Ik verbind u door met {team}. Een medewerker van {team} neemt het gesprek zo over. Blijft u even wachten?",
        en="I am putting you through to {team}. Someone from {team} will take over shortly. Please stay a moment.",
    ),
    "closed": Text(
        nl="De medewerker heeft het gesprek afgesloten. Heeft u nog een vraag? Stel die gerust aan mij.",
        en="The member of staff has closed the chat. Do you have another question? Just ask me.",
    ),
    # ---- messaging channels (WhatsApp, Messenger, Instagram): said by the channel, not a turn ----
    "message_too_long": Text(
        nl="Uw bericht is te lang voor mij. Stel uw vraag in een korter bericht, van hoogstens {limit} tekens.",
        en="Your message is too long for me. Please ask your question in a shorter message of at most {limit} characters.",
    ),
    "sending_too_fast": Text(
        nl="U stuurt veel berichten kort na elkaar. Wacht een minuut en stuur dan uw vraag opnieuw.",
        en="You are sending many messages in a short time. Please wait a minute and send your question again.",
    ),
    # The callback consent on Messenger or Instagram: a member of staff answers in the same chat.
    "consent_channel": Text(
        nl="Wilt u dat een medewerker van {team} u hier in {channel} een bericht stuurt?",
        en="Would you like someone from {team} to send you a message here in {channel}?",
    ),
    # ---- what a resident need not share in the chat (core.dialogue.notices): once a conversation, after the reply ----
    # {what}: the kinds told, joined by privacy_or ("geen BSN of rekeningnummer").
    "privacy_notice": Text(
        nl="U hoeft in deze chat geen {what} te geven. Ik heb dat deel van uw bericht niet bewaard. Is het toch nodig? "
        "Dan vraagt een medewerker er zelf naar op een veilige manier, bijvoorbeeld in een gesprek of via DigiD.",
        en="There is no need to give {what} in this chat. I have not kept that part of your message. If it is needed, "
        "a member of staff will ask you for it in a safe way, for example in a call or meeting, or through DigiD.",
    ),
    "privacy_what_bsn": Text(nl="BSN (burgerservicenummer)", en="your citizen service number (BSN)"),
    "privacy_what_iban": Text(nl="rekeningnummer", en="your bank account number"),
    "privacy_what_document": Text(nl="nummer van een paspoort, ID-kaart of rijbewijs",
                                  en="the number of a passport, ID card or driving licence"),
    "privacy_what_medical": Text(nl="medische gegevens", en="medical details"),
    "privacy_or": Text(nl="of", en="or"),
    # ---- swearing at the bot or at staff (core.dialogue.abuse): a calm boundary, then the matter if there is one ----
    "abuse_boundary": Text(nl="Ik help u graag, maar ik vraag u om niet te schelden.",
                           en="I am glad to help, but I ask you not to use abusive language."),
    # The channels' own words around a reply: the prompt of a choice whose message had no text
    # to carry it, a Messenger button template's text, WhatsApp's list button and list section.
    "choose_prompt": Text(nl="Maak een keuze.", en="Please choose."),
    "more_information": Text(nl="Meer informatie:", en="More information:"),
    "list_button": Text(nl="Kies", en="Choose"),
    "list_section": Text(nl="Onderwerpen", en="Topics"),
    # ---- buttons (WhatsApp shows at most 20 characters) ----
    "button_talk_to_person": Text(nl="Medewerker spreken", en="Talk to a person"),
    "button_callback": Text(nl="Terugbelverzoek", en="Request a call back"),
    "button_yes": Text(nl="Ja, graag", en="Yes, please"),
    "button_no": Text(nl="Nee, dank u", en="No, thank you"),
    "button_helpful": Text(nl="👍 Ja", en="👍 Yes"),
    "button_not_helpful": Text(nl="👎 Nee", en="👎 No"),
    "button_something_else": Text(nl="Iets anders", en="Something else"),
    "followup_kosten": Text(nl="Wat kost het?", en="What does it cost?"),
    "followup_duur": Text(nl="Hoe lang duurt het?", en="How long does it take?"),
    "followup_kind": Text(nl="En voor mijn kind?", en="And for my child?"),
    "followup_meenemen": Text(nl="Wat moet ik meenemen?", en="What do I need to bring?"),
    "followup_online": Text(nl="Kan het online?", en="Can I do it online?"),
    "followup_termijn": Text(nl="Hoe lang van tevoren?", en="How far in advance?"),
}

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def placeholders(text: str) -> set[str]:
    return set(_PLACEHOLDER.findall(text))


def override_problems(overrides: Mapping[str, Text]) -> list[str]:
    """Why a tenant's `texts:` cannot be used: unknown keys, or placeholders the
    catalogue's text does not fill."""
    problems = []
    for key, text in overrides.items():
        default = CATALOGUE.get(key)
        if default is None:
            problems.append(f"unknown text {key!r}")
            continue
        for language in ("nl", "en"):
            extra = placeholders(text.get(language)) - placeholders(default.get(language))
            if extra:
                problems.append(f"text {key!r} ({language}) uses unknown placeholder(s) {sorted(extra)}")
    return problems


def say(key: str, language: str, **values: object) -> str:
    text = CATALOGUE[key].get(language)
    return text.format(**values) if values else text


def say_both(key: str, **values: object) -> str:
    """Dutch, then English, in one message: for what is said before Balie knows the
    resident's language (a channel's own notices)."""
    return f"{say(key, 'nl', **values)}\n\n{say(key, 'en', **values)}"


class Wording:
    """The catalogue as one conversation reads it: its tenant's overrides first,
    in the conversation's language."""

    __slots__ = ("language", "_overrides")

    def __init__(self, language: str, overrides: Mapping[str, Text] | None = None) -> None:
        self.language = language
        self._overrides = overrides or {}

    def __call__(self, key: str, **values: object) -> str:
        text = (self._overrides.get(key) or CATALOGUE[key]).get(self.language)
        return text.format(**values) if values else text
