"""The dialogue: everything Balie says and asks, on typed state.

    engine.Engine         use cases: handle a turn, read messages, erase (loads, saves, dispatches effects)
    turn.Turn             the decisions of one turn, on a context.TurnContext
    state                 DialogueState (topic, misses, the open question, the flow), stored in Conversation.state
    answers, feedback     topic answers, follow-ups, detail variants, "Was dit nuttig?" once per topic
    flows, handover       guided flows; the handover (live, or the callback flow that ends in a ticket)
    availability          the one source of every promise about staff (greeting, offers, notices)
    facts                 opening hours today/tomorrow, phone, fees from the tenant's settings
    clauses               a message's plain form, story or not, which of its clauses ask (every reader starts here)
    replies               yes/no, stop, "laat maar", numbered choices, "weet ik niet": replies to what the bot asked
    small_talk            thanks, impatience, a question announced, who the bot is, gibberish
    contacts              a person or a callback asked for, whom to call (after hours), a phone number or e-mail typed
    reactions             frustration, "weer niet", a correction, a danger told about the last answer
    followups, details    follow-up and detail cues ("wat kost dat?", "hoe doe ik dat?", "en voor mijn man?")
    language, slots       language detection and what is said about it ("I don't speak Dutch"); slot parsing
    texts                 the one text catalogue (B1 Dutch + English; tenants may override)
    crisis                the crisis detector (rules; runs first in every turn)
    distress              the trained distress classifier, asked where the crisis rules are quiet

Import the modules themselves (`from core.dialogue.engine import Engine`): this
package's __init__ stays empty because `core.models` imports `state` from it.
"""
