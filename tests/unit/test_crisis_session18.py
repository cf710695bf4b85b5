"""Session 18 (crisis19): held-out batch 21's missed families in our own words (concrete or a facade coming loose where people
walk, an end told as arrangements, a last message to anyone, an engine running in a closed garage, a diabetic shaking and
confused, a bullet in the letterbox, a child touched where it is not allowed, a tracker on one's car, a violent ex released,
a person tied to a chair, someone sleeping in the bike shed) and its false alarms (a landlord who wants no eviction, a
reading club's novel about self-harm, a professional's referral to the women's shelter, a boiler without a gas smell,
medicines left over after a death), both ways.

(In a file of its own: tests/unit/test_crisis.py is training material of the distress classifier, so changing it
means retraining.)"""
from __future__ import annotations

import pytest

from core.dialogue import crisis

# family -> (kind the rules find, or None for no crisis at all; phrasing)
FAMILIES: dict[str, list[tuple[str | None, str]]] = {
    "concrete or a facade coming loose where people walk": [
        ("danger", "er hangen losse brokken beton aan de galerij boven de ingang van het kinderdagverblijf"),
        ("danger", "de gevel van de flat brokkelt af en er vallen stenen op de stoep waar de kinderen naar school lopen"),
        ("danger", "er is een stuk beton van de brug gevallen, er lopen hier de hele dag mensen"),
        ("danger", "a piece of the facade above the shopping street is hanging loose and people walk right under it"),
        (None, "de gevel van ons huis is gerenoveerd en er ligt nog puin op de stoep, wanneer wordt dat opgehaald"),
        (None, "er vallen steeds bladeren van de bomen op de stoep waar de kinderen lopen, wanneer wordt er geveegd"),
    ],
    "an end told as arrangements": [
        ("suicide", "ik ben niet van plan om er na de zomer nog te zijn"),
        ("suicide", "moet ik mijn rijbewijs verlengen als ik niet van plan ben om volgend jaar nog te leven"),
        ("suicide", "i am not planning on living much longer"),
        ("suicide", "daarna hoeft niemand zich nog zorgen te maken, geen zorgen meer over mij en mijn schulden"),
        ("suicide", "you will not have to worry about me and my debts anymore"),
        ("suicide", "i gave away my guitar and quit my job, soon nobody will have to deal with me anymore"),
        ("suicide", "ik heb mijn werk opgezegd en al mijn spullen zijn verdeeld"),
        (None, "ik ben niet van plan om er volgende week bij te zijn, kan ik mijn afspraak verzetten"),
        (None, "i am not planning to live here much longer, how do i deregister"),
        (None, "u hoeft zich geen zorgen meer te maken over mij, ik heb een nieuw huis gevonden"),
    ],
    "a last message to anyone": [
        ("suicide", "dit is mijn laatste bericht aan iedereen"),
        ("suicide", "this is my final message to the world"),
        (None, "dit is mijn laatste bericht over de klacht, ik wacht op uw antwoord"),
    ],
    "an engine running in a closed garage": [
        ("suicide", "mijn vriend zegt dat hij in de garage gaat zitten met de deur dicht en de motor aan"),
        ("suicide", "he said he would sit in the garage with the door shut and the engine running"),
        (None, "mag ik in de garage de motor van mijn brommer laten draaien om hem te testen"),
    ],
    "a diabetic shaking, sweating, confused": [
        ("danger", "mijn moeder heeft suikerziekte en ze zweet en trilt en praat raar"),
        ("danger", "my dad is diabetic and he is sweating and shaking and not answering"),
        (None, "mijn vader is diabeet, krijgt hij vergoeding voor zijn insuline en strips"),
        (None, "mijn opa heeft diabetes en is vaak in de war door zijn dementie, is er dagbesteding"),
    ],
    "a bullet in the letterbox": [
        ("danger", "vanochtend lag er een kogel op mijn deurmat met een briefje erbij"),
        ("danger", "someone put a bullet in our mailbox"),
        (None, "de kogel is door de kerk, we gaan verhuizen, hoe geef ik dat door"),
    ],
    "a child touched where it is not allowed": [
        ("sexual", "mijn zoontje vertelt dat de buurman hem aanraakt op plekken waar het niet mag"),
        ("sexual", "mijn nichtje zegt dat haar stiefvader aan haar plassertje zit"),
        ("sexual", "my niece says her uncle touches her where he should not"),
        (None, "mijn zoon komt op plekken waar het niet mag, zoals de bouwplaats"),
    ],
    "a tracker on one's car, an ex who follows one": [
        ("violence", "ik heb een zendertje onder mijn auto gevonden, ik denk dat mijn ex me volgt"),
        ("violence", "my ex put an airtag in my bag"),
        ("violence", "mijn exvriend volgt me overal, ik durf niet meer alleen naar huis"),
        (None, "mijn opa heeft een gps tracker voor zijn dementie, vergoedt de wmo dat"),
        (None, "ik heb een airtag aan mijn fiets gedaan, is dat handig tegen diefstal"),
        (None, "mijn ex volgt me overal op instagram, kan ik dat melden"),
    ],
    "a violent ex released": [
        ("violence", "mijn vorige vriend heeft me ooit bijna doodgeslagen en hij komt volgende week vrij"),
        ("violence", "mijn ex zit sinds gisteren niet meer vast en hij heeft me vroeger bijna vermoord"),
        ("violence", "he stabbed me two years ago and now he is out of prison"),
        (None, "mijn man is morgen vrij, kunnen we samen langskomen voor het paspoort"),
    ],
    "a person tied to a chair": [
        ("violence", "bij het bezoek vond ik mijn tante vastgebonden aan een stoel, haar zoon zegt dat het moet"),
        ("violence", "the carer found him tied to his bed"),
        (None, "de thuiszorg heeft een stoel met riem aangevraagd zodat mijn vader niet valt"),
    ],
    "someone sleeping in the bike shed": [
        ("homeless", "er slaapt al een week een jongen in ons fietsenhok"),
        ("homeless", "een man slaapt sinds dinsdag in de fietsenkelder van onze flat"),
        ("homeless", "a man has been sleeping in our bike shed for days"),
        (None, "onze kat slaapt altijd in de schuur, mag ik een kattenluik maken"),
    ],
    "a landlord who wants no eviction": [
        (None, "ik ben verhuurder en ik wil juist geen huisuitzetting, kan de gemeente bemiddelen"),
        (None, "mijn huurder heeft achterstand maar ik wil hem niet op straat zetten, waar kan hij hulp krijgen"),
        (None, "as a landlord I do not want to evict my tenant, is there debt help for her"),
        ("homeless", "mijn huisbaas wil mij eruit zetten en ik heb nergens om te slapen"),
        ("homeless", "ik ben verhuurder maar mijn eigen huis is ontruimd en ik slaap nu in mijn auto"),
    ],
    "a reading club's novel about self-harm": [
        (None, "our reading group picked a novel, heavy stuff about self harm and grief, can we book a room"),
        (None, "de leesclub leest een zwaar boek, het gaat over zelfbeschadiging, is de zaal vrij"),
        ("suicide", "i have been thinking about suicide, also is the book club on thursday"),
        ("suicide", "de leesclub leest een boek over rouw maar ik denk zelf aan zelfmoord"),
    ],
    "a professional's referral to the women's shelter": [
        (None, "ik ben maatschappelijk werker, hoe verloopt de aanmelding van een cliënt bij de vrouwenopvang"),
        (None, "wij werken bij het wijkteam en maken een folder: hoe loopt de doorverwijzing naar veilig thuis"),
        ("violence", "ik ben maatschappelijk werker maar mijn man slaat me, kan ik naar de vrouwenopvang"),
        ("violence", "hoe kan ik me aanmelden bij de vrouwenopvang"),
    ],
    "a boiler without a gas smell": [
        (None, "mijn ketel maakt een tikkend geluid, ik ruik geen gas, moet ik de verhuurder bellen"),
        (None, "onze geiser doet raar maar het ruikt niet naar gas"),
        (None, "de verwarming bromt, gaslucht ruik ik niet"),
        (None, "the heater clicks all night, no smell of gas at all"),
        ("danger", "ik ruik gas in de keuken"),
        ("danger", "het ruikt niet naar rook maar wel sterk naar gas"),
    ],
    "medicines left over, not taken": [
        (None, "ik heb veel medicijnen over na de dood van mijn moeder"),
        ("suicide", "ik heb veel medicijnen over na de dood van mijn moeder en ik ga ze vannacht allemaal innemen"),
    ],
    # The refit's lost rows' families (the model of the session 18 refit no longer reads them at its threshold).
    "going to the railway tracks, rest forever, not daring to call 113, hoping a crash comes": [
        ("suicide", "ik loop nu naar het spoor"),
        ("suicide", "i am going to the train tracks now"),
        ("suicide", "de rails liggen achter ons huis en 's nachts sta ik er steeds, elke nacht"),
        ("suicide", "ik verlang naar rust, voorgoed"),
        ("suicide", "de huisarts zei dat ik 113 moest bellen, maar ik durf het niet"),
        ("suicide", "ik rijd elke avond veel te hard naar huis en hoop dat het misgaat"),
        ("suicide", "ik heb een uur op de brug gestaan, volgende keer twijfel ik niet meer"),
        (None, "ik ga naar het spoor kijken met mijn zoon, waar is de beste plek"),
        (None, "ik wil rust in mijn straat, voor altijd"),
        (None, "ik durf niet te bellen naar de gemeente over mijn schuld"),
        (None, "bij de brug twijfel ik niet meer of ik links of rechts moet"),
    ],
    "sex asked for the rent": [
        ("sexual", "mijn huisbaas wil seks in plaats van huur"),
        ("sexual", "the landlord asks for sex for the rent"),
    ],
    "a partner who hits 'only when', went off again, is back and feared": [
        ("violence", "zij slaat me alleen als ik te laat thuis ben"),
        ("violence", "mijn vriend is weer door het lint gegaan, ik zit op de wc"),
        ("violence", "hij is er weer. ik ben heel bang"),
        (None, "hij slaat alleen als ik de bal mis bij tennis"),
        (None, "mijn vader is weer losgegaan op de dansvloer"),
    ],
    "burglars at the neighbours' now, held and not allowed to leave, hit by a car and unable to get up": [
        ("danger", "er staan nu inbrekers bij de achterdeur van de buren"),
        ("danger", "we worden vastgehouden in een loods en mogen niet weg"),
        ("danger", "mijn zoon is aangereden en hij kan niet meer opstaan"),
        (None, "de inbrekers zijn gisteren bij de buren geweest, wie betaalt de schade"),
    ],
    "sleeping in a van without power": [
        ("homeless", "ik slaap al weken in een busje zonder verwarming"),
        (None, "mag ik mijn camper zonder stroom op straat parkeren"),
    ],
    "an older resident's care question about having to leave the house": [
        (None, "de traplift is afgewezen, moeten we dan uit ons huis? mijn man helpt me nu de trap op"),
        (None, "ik kom de trap bijna niet meer op en de aanpassing is geweigerd, moet ik dan weg uit mijn woning"),
        ("homeless", "mijn wmo aanvraag loopt maar ik moet morgen uit mijn huis en heb geen slaapplek"),
        ("homeless", "ik moet uit mijn huis, de verhuurder zegt dat ik weg moet"),
    ],
    "someone not responding in a closed garage with the engine running": [
        ("danger", "mijn vader zit in de auto in de garage, de motor draait en hij reageert niet als ik klop"),
        ("danger", "my neighbour is in his car in the closed garage with the engine running and he is not responding"),
        (None, "in de garage laat ik de motor van mijn brommer draaien, de buurman reageert niet op mijn vraag of dat mag"),
    ],
    "a tent in the back garden": [
        (None, "de kinderen slapen vannacht in een tentje in de achtertuin"),
        ("homeless", "we slapen in een tent in het park"),
    ],
}


@pytest.mark.parametrize(("family", "kind", "text"), [(family, kind, text) for family, rows in FAMILIES.items() for kind, text in rows])
def test_each_family_both_ways(family: str, kind: str | None, text: str) -> None:
    found = crisis.detect_all(text)
    assert (kind in found) if kind else found == [], (family, found, crisis.normalise(text))


# A diabetic's state is a medical emergency (112, stay with the person); falling concrete and a bullet are threats.
@pytest.mark.parametrize(("kind", "text"), [
    ("medical", "mijn moeder heeft suikerziekte en ze zweet en trilt en praat raar"),
    ("medical", "my dad is diabetic and he is sweating and shaking and not answering"),
    ("threat", "er hangen losse brokken beton aan de galerij boven de ingang van het kinderdagverblijf"),
    ("threat", "someone put a bullet in our mailbox"),
])
def test_the_danger_kind_of_the_new_families(kind: str, text: str) -> None:
    assert crisis.danger_kind(text) == kind


# The follow-up after a danger's own help repeats it: the state keeps which (medical or exploitation); a state stored
# before session 18 with the flag `crisis_medical` reads as the medical one.
def test_a_stored_medical_flag_reads_as_the_medical_danger() -> None:
    from core.dialogue.state import DialogueState

    assert DialogueState.model_validate({"crisis": "danger", "crisis_medical": True}).crisis_danger == "medical"
    assert DialogueState.model_validate({"crisis": "danger", "crisis_danger": "exploitation"}).crisis_danger == "exploitation"
    assert DialogueState.model_validate({"crisis": "danger"}).crisis_danger is None
