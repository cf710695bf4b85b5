"""Session 19 (crisis21): held-out batch 22's missed families in our own words (a swallowed button battery or a choking child,
someone through the ice, a trench or a wall caved in on a worker, someone on the floor since last night, an end told as
arrangements, thanks and sorry sent before silence, the tracks, a threat then a bang and silence, screaming for help with a
child crying, an old man locked in by a grandson, a threat by what the threatener knows, the children taken abroad, filmed in
the shower, made to go with men, a girl under 18 with a much older boyfriend and hotels, the rent paid "another way", a hand in
one's pants, put out and on a bench, sent away and not allowed back, refugees stranded at a station) and its rule false
alarms (violence long ago asked about for a change of name, a professional's procedure question, "qua tijd niet meer
zitten", a grandparent's war story, a landlord's eviction-law question, housed again since October), both ways; and two older
ones (a man at "het plassertje van" a child was missed; a toddler who clings to its parent alarmed).

(In a file of its own: tests/unit/test_crisis.py is training material of the distress classifier, so changing it
means retraining.)"""
from __future__ import annotations

import pytest

from core.dialogue import crisis

# family -> (kind the rules find, or None for no crisis at all; phrasing)
FAMILIES: dict[str, list[tuple[str | None, str]]] = {
    "a button battery or a magnet swallowed": [
        ("danger", "onze peuter heeft net een knoopcelbatterij doorgeslikt"),
        ("danger", "my son swallowed a button battery from a toy"),
        ("danger", "synek połknął baterię, pomocy"),
        (None, "waar kan ik knoopcelbatterijen inleveren"),
        (None, "kan een kind een batterij inslikken als het klepje los zit, welk speelgoed is veilig"),
    ],
    "a child choking on something that does not come out": [
        ("danger", "ons kindje stikt in een stukje worst"),
        ("danger", "hij verslikt zich en ik krijg het er niet uit, hij wordt blauw"),
        ("danger", "córka się dławi, co robić"),
        (None, "we zijn bijna gestikt van het lachen bij de voorstelling"),
        (None, "ik stik in het werk deze week, kan de afspraak later"),
    ],
    "someone through the ice": [
        ("danger", "een schaatser is door het ijs gezakt bij de molen"),
        ("danger", "my dog went through the ice and my dad went after it"),
        ("danger", "het ijs is gebroken bij de sloot en een wandelaar ligt erin met zijn hond"),
        (None, "hoe dik moet het ijs zijn voordat je erop mag schaatsen"),
        (None, "wat moet je doen als je door het ijs zakt, is daar een les voor"),
    ],
    "a trench or a wall caved in on a worker": [
        ("danger", "de bouwput is ingestort en er zit een arbeider vast tot zijn middel"),
        ("danger", "a trench caved in and a worker is stuck up to his chest"),
        ("danger", "bij de buren is de tuinmuur omgevallen op een bouwvakker"),
        (None, "de greppel langs de weg is ingezakt, kan de gemeente die herstellen"),
        (None, "de muur van de schuur is omgevallen in de storm, vergoedt de gemeente dat"),
    ],
    "someone on the floor since last night": [
        ("danger", "mijn opa ligt al sinds gisteravond op de grond in de badkamer"),
        ("danger", "my neighbour has been lying on the floor since last night"),
        ("danger", "ze ligt op de vloer sinds vanochtend en kan niet opstaan"),
        (None, "de hond ligt de hele dag op de bank, is dat normaal"),
        (None, "er ligt al sinds vorige week afval op de grond bij de glasbak"),
    ],
    "an end told as arrangements": [
        ("suicide", "mijn testament is klaar en ik heb de huur van mijn kamer opgezegd, daarna hoeft niemand iets"),
        ("suicide", "ik geef al mijn spullen weg, na vrijdag ben ik er toch niet meer"),
        ("suicide", "het maakt niet uit hoe lang het duurt, volgend jaar ben ik er toch niet meer"),
        ("suicide", "alles is al geregeld, mijn hond gaat naar mijn broer"),
        ("suicide", "mijn poes naar mijn moeder gebracht en verder heb ik alles geregeld"),
        ("suicide", "graag mijn toeslag stopzetten, ik heb het toch niet meer nodig"),
        (None, "na vrijdag ben ik er toch niet meer dus kom eerder langs, we verhuizen naar Groningen"),
        (None, "mijn kat gaat naar mijn zus want ik ga op wereldreis, alles is al geregeld"),
        (None, "mijn testament is aangepast en de huur opgezegd omdat ik naar een verzorgingshuis ga"),
        (None, "kan ik mijn toeslag stopzetten, ik heb een baan en heb het niet meer nodig"),
        (None, "ik ben er volgende week niet meer bij, kan iemand anders de sleutel halen"),
    ],
    "thanks for everything and sorry, sent before silence": [
        ("suicide", "mijn broer appte 'bedankt voor alles en sorry' en neemt nu niet meer op"),
        ("suicide", "she texted thanks for everything and sorry, now her phone is off"),
        ("suicide", "this is the last you will hear from me"),
        (None, "bedankt voor alles en sorry voor de vele vragen, fijne dag"),
        (None, "ik stuurde de buurvrouw bedankt voor alles, ze heeft mijn planten water gegeven"),
    ],
    "thinking of standing on the tracks": [
        ("suicide", "als ik de trein hoor denk ik eraan om op het spoor te gaan staan"),
        ("suicide", "i keep thinking about lying on the tracks"),
        ("suicide", "elke nacht fiets ik naar de overweg en blijf daar staan"),
        ("suicide", "ik rij 's avonds met opzet heel hard over de dijk naar huis en hoop dat het misgaat"),
        (None, "ik denk erover om bij het station op de trein te wachten"),
    ],
    "a threat to kill, then a bang and silence": [
        ("danger", "de buurman schreeuwde dat hij haar ging vermoorden, toen een knal en nu is het stil"),
        ("danger", "he yelled he would kill her, then a shot and now silence"),
        (None, "ik ga je vermoorden riep mijn broer bij het spel, toen een knal van het vuurwerk"),
    ],
    "screaming for help with a child crying": [
        ("danger", "bij de buren roept een vrouw om hulp en er gilt een kind"),
        ("danger", "someone next door is screaming for help and a baby is crying"),
        ("danger", "de buurvrouw gilt om hulp en ik hoor glas breken"),
        (None, "ons kind huilt veel 's nachts, waar kan ik om hulp vragen"),
    ],
    "an old man locked in by a grandson": [
        ("violence", "mijn buurvrouw wordt door haar kleindochter in de kelder opgesloten"),
        ("violence", "the old lady next door gets locked in the shed by her grandson"),
        (None, "mijn kleinzoon heeft de schuur op slot gedaan en is de sleutel kwijt"),
    ],
    "a threat by what the threatener knows": [
        ("violence", "hij stuurde een foto van onze voordeur en schreef dat hij ons kapot maakt"),
        ("violence", "ik weet waar je woont, schreef hij onder mijn post"),
        ("violence", "mijn ex weet op welke school mijn kinderen zitten en staat daar elke dag"),
        (None, "ik stuurde een foto van mijn huis naar de makelaar voor de verkoop"),
        (None, "weet iemand op welke school de kinderen uit onze straat zitten"),
    ],
    "the children taken abroad as a threat": [
        ("violence", "mijn man dreigt dat hij de kinderen meeneemt naar Marokko als ik wegga"),
        ("violence", "he says if I go to the police he takes the kids to his country"),
        ("violence", "ze neemt de kinderen mee naar haar land en dan zie ik ze nooit meer, zegt ze"),
        (None, "we nemen de kinderen in de zomer mee naar Turkije, hebben ze een paspoort nodig"),
    ],
    "filmed in the shower": [
        ("sexual", "mijn huisgenoot heeft me onder de douche gefilmd"),
        ("sexual", "someone recorded me in the changing room at the pool"),
        (None, "mag ik de badkamer filmen voor de woningruil"),
    ],
    "made to go with men": [
        ("sexual", "ik moet elke avond met klanten mee naar boven en ik mag niet weg"),
        ("sexual", "they make me have sex with men for money"),
        (None, "ik moet morgen met klanten vergaderen"),
    ],
    "a girl under 18 with a much older boyfriend, hotels, men or money": [
        ("sexual", "mijn zusje van 14 heeft een vriend van 27 die haar meeneemt naar hotels"),
        ("sexual", "my daughter is 15 and her boyfriend is 23, he gives her money and she meets his friends"),
        (None, "mijn dochter van 15 gaat met de klas naar een hotel in Parijs"),
        (None, "mijn dochter van 16 heeft een vriendje van 17, mag hij blijven slapen"),
    ],
    "the rent paid another way": [
        ("sexual", "de huisbaas zegt dat ik de huur ook op een andere manier kan betalen en hij kijkt er raar bij"),
        ("sexual", "my landlord said I could pay the rent another way"),
        (None, "kan ik de huur op een andere manier betalen dan met ideal"),
        (None, "de verhuurder zegt dat ik de huur op een andere manier mag betalen, met een betalingsregeling"),
    ],
    "a hand in one's pants, grabbed between the legs": [
        ("sexual", "in de tram stak een man zijn hand in mijn broek"),
        ("sexual", "a man grabbed me between my legs at the party"),
        (None, "mijn zoon stak zijn hand in mijn broekzak om de sleutels te pakken"),
    ],
    "put out and sitting the night through on a bench": [
        ("homeless", "mijn oom is uit huis gezet en zit nu op een bankje in het park"),
        ("homeless", "she was evicted and is sitting on a bench outside the flat"),
        ("homeless", "hij zit al de hele nacht op een bank buiten"),
        (None, "we zitten op een bankje in het park, is het toilet daar open"),
    ],
    "sent away from home and not allowed back": [
        ("homeless", "mijn vriend van 16 is door zijn moeder weggestuurd en hij mag niet meer thuis komen"),
        ("homeless", "my friend got kicked out by his dad and he can not go back"),
        ("homeless", "zij slaapt al nachten in de fietsenkelder van de flat"),
        (None, "de leerling is uit de les gestuurd en mag niet meer terug in de klas"),
    ],
    "refugees stranded at a station": [
        ("homeless", "we arrived from Syria yesterday and we are sleeping at the bus station"),
        ("homeless", "we zijn vandaag uit Oekraïne gekomen en zitten nu op het station"),
        (None, "we came from Ukraine last year, where is the station for the bus to Utrecht"),
    ],
    # The refit's lost rows' families (its model no longer reads them at its threshold), in our own words.
    "furniture or plates thrown at home": [
        ("violence", "mijn vriend gooit met borden als hij boos is"),
        ("violence", "she throws chairs at me when she has been drinking"),
        (None, "mijn man gooit de oude stoelen weg, mag dat bij het grofvuil"),
    ],
    "rows heard, then an injury": [
        ("violence", "ik hoor de buren elke avond schreeuwen en nu heeft ze een blauw oog"),
        ("violence", "we heard them fighting again and today her arm is in a cast"),
        (None, "ik hoor de kinderen schreeuwen bij het voetbal, mijn zoon heeft zijn arm in het gips"),
    ],
    "a different place to sleep every night": [
        ("homeless", "sinds ik mijn kamer kwijt ben slaap ik elke nacht ergens anders"),
        ("homeless", "i sleep somewhere else every night since my landlord kicked me out"),
        (None, "we slapen elke nacht op een andere plek tijdens onze fietstocht door Frankrijk"),
    ],
    # Batch 22's rule false alarms, in our own words.
    "violence long ago asked about for a change of name": [
        (None, "mijn vorige partner heeft me lang geleden mishandeld, dat heb ik verwerkt. hoe verander ik mijn achternaam"),
        (None, "my ex beat me many years ago, I am doing well now. how do I get my maiden name back"),
        (None, "na een gewelddadige relatie vijftien jaar geleden wil ik een andere voornaam, wat kost dat"),
        ("violence", "mijn ex heeft me jaren geleden mishandeld en hij zoekt me nog steeds, kan mijn achternaam geheim"),
        ("violence", "ik ben jaren geleden door mijn ex geslagen en mijn nieuwe vriend slaat me nu ook, kan ik mijn naam wijzigen"),
    ],
    "a professional's procedure question": [
        (None, "ik ben maatschappelijk werker, welke stappen zet de gemeente als een gezin dakloos dreigt te worden"),
        (None, "wijkteam hier: wat is de procedure als iemand uit huis gezet dreigt te worden"),
        (None, "als casemanager wil ik weten hoe ik een cliënt aanmeld bij de nachtopvang"),
        ("homeless", "ik ben maatschappelijk werker, mijn cliënt is dakloos en heeft vannacht geen bed, welke procedure"),
        ("homeless", "ik ben dakloos, wat is de procedure voor de nachtopvang"),
    ],
    "'niet meer zitten' about time or planning": [
        (None, "ik zie het qua planning niet meer zitten, kan de afspraak een week later"),
        (None, "qua tijd zie ik het niet meer zitten voor de deadline, kan het later"),
        ("suicide", "ik zie het echt niet meer zitten"),
        ("suicide", "qua geld zie ik het niet meer zitten"),
    ],
    "a grandparent's war story": [
        (None, "mijn opa is in de oorlog in een kamp geslagen, mijn zoon maakt er een werkstuk over"),
        (None, "my grandfather was tortured in a prison camp in the war, can the archive help us with records"),
        (None, "mijn oma werd in de oorlog als dwangarbeider mishandeld, we willen haar verhaal vertellen bij het monument"),
        ("violence", "mijn opa heeft de oorlog meegemaakt, hij slaat mijn oma"),
        # "waar" is squeezed to "war" as the text is read: no war told here.
        ("violence", "mijn opa wordt geslagen in het verpleeghuis waar hij woont, wie kan helpen"),
        ("violence", "mijn oma wordt mishandeld door de thuiszorg waar mijn dochter ook op school zat"),
    ],
    "a landlord's eviction-law question": [
        (None, "ik ben verhuurder, hoe gaat een ontruiming via de kantonrechter"),
        (None, "as a landlord, what is the legal route for an eviction of my tenant"),
        (None, "landlord here: how long does an eviction procedure take"),
        ("homeless", "de verhuurder zegt dat de ontruiming morgen is en ik weet niet waar ik moet slapen"),
    ],
    "housed again since October": [
        (None, "ik was een tijd dakloos, sinds oktober heb ik een studio. hoe vraag ik een parkeervergunning aan"),
        (None, "I used to sleep rough, since october I have a flat of my own. how do I register"),
        (None, "vorig jaar ben ik mijn huis kwijtgeraakt, maar sinds de zomer heb ik gelukkig weer een woning"),
        (None, "na een half jaar in de daklozenopvang woon ik sinds kort weer zelfstandig, moet ik iets doorgeven"),
        ("homeless", "sinds oktober heb ik een kamer maar vanaf vandaag sta ik weer op straat"),
    ],
    # Older ones noticed in session 18.
    "a man at 'het plassertje van' a child": [
        ("sexual", "mijn schoonvader zit aan het plassertje van mijn dochtertje als hij oppast"),
        ("sexual", "de oppas zit aan de piemel van ons zoontje"),
        (None, "het plassertje van mijn dochter is rood, moet ik naar de huisarts"),
    ],
    "a toddler who clings to its parent": [
        (None, "ons zoontje van 2 hangt de hele dag aan mijn been, is dat een fase"),
        (None, "mijn dochter van 3 zit steeds aan mij, ze wil niet slapen"),
        ("sexual", "de buurman zit steeds aan mij"),
        ("sexual", "opa zit steeds aan mijn dochter van 3"),
    ],
}


@pytest.mark.parametrize(("family", "kind", "text"), [(family, kind, text) for family, rows in FAMILIES.items() for kind, text in rows])
def test_each_family_both_ways(family: str, kind: str | None, text: str) -> None:
    found = crisis.detect_all(text)
    assert (kind in found) if kind else found == [], (family, found, crisis.normalise(text))


@pytest.mark.parametrize(("kind", "text"), [
    ("medical", "onze peuter heeft net een knoopcelbatterij doorgeslikt"),
    ("medical", "ons kindje stikt in een stukje worst"),
    ("medical", "mijn opa ligt al sinds gisteravond op de grond in de badkamer"),
    ("threat", "een schaatser is door het ijs gezakt bij de molen"),
    ("threat", "de bouwput is ingestort en er zit een arbeider vast tot zijn middel"),
    ("threat", "de buurman schreeuwde dat hij haar ging vermoorden, toen een knal en nu is het stil"),
    ("threat", "bij de buren roept een vrouw om hulp en er gilt een kind"),
])
def test_the_danger_kind_of_the_new_families(kind: str, text: str) -> None:
    assert crisis.danger_kind(text) == kind
