"""The crisis detector (core.dialogue.crisis): every phrasing below alarms with the right
kind, and ordinary municipal questions do not.

The phrasings are written for this test in residents' words (informal, indirect, misspelled,
English); none is copied from a real source. Borderline decisions, documented here and in
docs/ARCHITECTURE.md:
- alarm: a mention of suicide, self-harm, abuse or homelessness about someone else ("mijn
  zoon praat over zelfmoord", "het kind van de buren wordt geslagen"); a child hit at school;
  a threat against the resident by anyone; being evicted ("uit huis gezet"); "ik kan niet
  meer" / "ik kan het niet meer aan" as a whole clause; a bereavement by suicide.
- no alarm: a death in the family, nuisance and quarrels with neighbours or family ("ruzie"),
  bullying ("gepest"), a child who is aggressive at home (youth care), losing a job or income,
  debts, looking for a (rented) home, a "briefadres", hyperbole ("ik ga dood van het lawaai").
"""
from __future__ import annotations

import gzip
import importlib.util
import json
import re
from functools import cache
from pathlib import Path

import pytest

from balie_local.kb_tools import read_labelled
from core.dialogue import crisis
from core.dialogue.crisis import detect, normalise

REPO = Path(__file__).resolve().parents[2]

SUICIDE = [
    "ik wil zelfmoord plegen",
    "ik denk de laatste tijd heel vaak aan zelfmoord",
    "ik heb zelfmoordgedachten",
    "Ik zie het niet meer zitten.",
    "ik zie het echt allemaal niet meer zitten",
    "k zie t nie meer zitten",
    "ik wil er niet meer zijn",
    "het hoeft voor mij niet meer",
    "voor mij hoeft het allemaal niet meer",
    "ik wil niet meer leven",
    "ik wil nie meer leve",
    "ik wil dood",
    "'k wil gewoon dood",
    "kwil dood",
    "ik wil er een eind aan maken",
    "vanavond maak ik er een einde aan",
    "ik wil mijn leven beëindigen",
    "ik kan niet meer",
    "ik kan het niet meer aan.",
    "Ik trek het niet meer",
    "iedereen is beter af zonder mij",
    "niemand zou me missen",
    "ik wil slapen en nooit meer wakker worden",
    "ik heb net een hele strip pillen geslikt",
    "ik heb al mijn medicijnen ingenomen",
    "ik spaar al weken pillen op",
    "ik ga voor de trein springen",
    "ik sta op het dak en ga springen",
    "ik denk erover om van de brug te springen",
    "ik snij mezelf weer",
    "ik ben weer aan het krassen",
    "ik doe mezelf pijn om iets te voelen",
    "ik ben bang dat ik mezelf iets aandoe",
    "ik ga mezelf ophangen",
    "ik wil me van kant maken",
    "ik wil mezelf doodmaken",
    "ik heb een afscheidsbrief geschreven voor mijn kinderen",
    "zelfmord",
    "zelfmoort",
    "selfmoord gedachtes",
    "zelfmooooord",
    "zelf moord",
    "Z3LFM00RD",
    "ik voel me suïcidaal",
    "suicidaal",
    "ik overweeg zelfdoding",
    "mijn zoon praat steeds over zelfmoord",
    "mijn vriendin wil niet meer leven",
    "mijn dochter van 15 snijdt zichzelf in haar armen",
    "het leven heeft geen zin meer",
    "ik heb geen zin meer in het leven",
    "ik ben het leven zat",
    "ik zie geen uitweg meer",
    "waarom zou ik nog leven",
    "ik wil voor altijd verdwijnen",
    "ik ben een last voor iedereen",
    "ik wil 113 bellen",
    "i want to die",
    "i wanna kill myself",
    "i'm thinking about suicide",
    "i don't want to live anymore",
    "i dont wanna be alive anymore",
    "i want to end my life",
    "i can't go on",
    "everyone would be better off without me",
    "i've been cutting myself",
    "i want to hurt myself",
    "there is no reason to live",
    "i took all my pills",
    "i am suicidal",
    "sucide thoughts",
    "i feel like ending it all",
    "i have nothing to live for",
    "ik heb er geen zin meer in, ik wil er gewoon niet meer zijn",
    "soms denk ik dat het beter is als ik er niet meer ben",
    "ik ga een eind aan mijn leven maken",
    "ik wil gewoon niet meer wakker worden",
    "ik overweeg om er een einde aan te maken",
    "hoe kan ik het beste zelfmoord plegen",
    "mijn broer heeft een zelfmoordpoging gedaan",
    "ik heb pillen gespaard en ga ze vanavond innemen",
    "ik heb gister een poging gedaan om mezelf van het leven te beroven",
    "ik wil mezelf van het leven beroven",
    "ik ben klaar met alles",
    "niemand zal mij missen als ik dood ben",
    "ik denk aan de dood de hele dag",
    "ik wil bij mijn overleden moeder zijn",
    "het heeft allemaal geen zin meer",
    "het leven is niks meer voor mij",
    "ik kan niet meer, ik wil dood",
    "zelfmoordneigingen",
    "suicidale gedachten",
    "ik heb suïcidale gedachten",
    "i keep thinking about ending my life",
    "im going to kill myself tonight",
    "i dont see the point in living anymore",
    "i wish i wasnt alive",
    "i want to disappear forever",
    "life is pointless",
    "i've had enough of life",
    "i'm planning to take my own life",
    "i have thoughts of self-harm",
    "my daughter is self harming",
    "ik wil er niet meer zijn echt niet",
    "ik zie het leven niet meer zitten",
    "ik wil niet meer, alles is kut",
    "zelfmoordgedachtes heb ik al weken",
    "ik heb een touw gekocht om me op te hangen",
    "ik wil van een flat springen",
    "ik sta op de brug",
    "ik wil me voor de trein gooien",
    "ik ben het zat, ik maak er een eind aan",
    "ik heb mijn polsen doorgesneden",
    "Goedenavond, ik weet niet meer wat ik moet doen. Ik heb zoveel schulden dat ik er niet meer wil zijn.",
    "sinds mijn vrouw weg is denk ik er over om er een punt achter te zetten",
    "Mijn vader zegt steeds dat hij er een einde aan wil maken, wat moet ik doen?",
    "ik ben zo moe van alles, ik wil gewoon slapen en niet meer wakker worden",
    "mijn dochter heeft een briefje geschreven dat ze dood wil",
    "ik denk dat mijn buurman zichzelf iets gaat aandoen",
    "ik voel me zo wanhopig dat ik aan zelfdoding denk",
    "ik heb geen reden meer om door te gaan",
    "niemand heeft me nodig, het is beter als ik verdwijn",
    "ik wil niet meer leven sinds mijn ontslag",
    "hoe kan ik iemand helpen die suïcidaal is",
    "ik heb een overdosis genomen",
    "k wil er nie meer zijn",
    "ik trek het echt niet meer, alles is te veel",
    "ik zit er helemaal doorheen en denk aan de dood",
    "ik bedenk steeds manieren om mezelf van kant te maken",
    "het gaat echt niet meer met me, ik wil stoppen met leven",
    "mijn moeder heeft gisteren een zelfmoordpoging gedaan",
    "ik wil mezelf iets aandoen",
    "I feel like I can't go on anymore",
    "I keep thinking everyone would be happier if I was gone",
    "my friend says she wants to end it",
    "I'm scared I might hurt myself tonight",
    "I want to go to sleep and never wake up",
    "I've been having suicidal thoughts",
    "I don't want to be here anymore",
    "there's no point anymore, I'm done",
    "help i want to die",
    "i cut myself again",
    "ik ben levensmoe",
]

VIOLENCE = [
    "mijn man slaat me",
    "mijn man slaat mij als hij gedronken heeft",
    "mijn vriend heeft me gisteren weer geslagen",
    "Mn vriend slaat me",
    "mijn man sloeg me gister",
    "ik word thuis geslagen",
    "huiselijk geweld",
    "huislijk geweld",
    "huiselyk gewelt",
    "partnergeweld",
    "er is geweld bij ons thuis",
    "ik ben bang voor mijn man",
    "ik ben doodsbang voor mijn ex",
    "mijn ex bedreigt me",
    "mijn ex bedreigd mij",
    "mijn ex-man stalkt mij",
    "mijn vader slaat mijn moeder",
    "mijn stiefvader slaat ons",
    "mijn moeder slaat mij met een riem",
    "ik krijg klappen van mijn vader",
    "ik word mishandeld",
    "mishandelling",
    "kindermishandeling melden",
    "ik denk dat het buurmeisje mishandeld wordt",
    "het kind van de buren wordt geslagen",
    "ik hoor de buren hun kind slaan",
    "ik hoor het kindje van de buren elke avond gillen en klappen",
    "mijn man sluit me op in huis",
    "ik mag het huis niet uit van mijn man",
    "hij laat me niet gaan",
    "mijn partner dreigt me te vermoorden",
    "ik voel me thuis niet veilig",
    "ik durf niet naar huis",
    "hij heeft me bij mijn keel gepakt",
    "mijn partner knijpt mijn keel dicht",
    "mijn vriend duwt me tegen de muur",
    "mijn man is agressief en ik ben bang",
    "mijn man is gewelddadig",
    "ik ben verkracht",
    "ik ben aangerand op een feest",
    "mijn oom misbruikt mij",
    "ik ben als kind misbruikt door mijn opa",
    "mijn dochter wordt gedwongen te trouwen",
    "veilig thuis bellen",
    "mijn zoon van 17 slaat mij",
    "mijn schoonmoeder mishandelt mijn kinderen",
    "mijn vader drinkt en dan slaat hij ons",
    "ik word elke dag in elkaar geslagen door mijn broer",
    "mijn kind wordt op school geslagen",
    "my husband hits me",
    "my boyfriend beats me",
    "domestic violence",
    "i'm scared of my husband",
    "my dad hits my mom",
    "i don't feel safe at home",
    "he threatens to kill me",
    "my partner locks me in the house",
    "child abuse",
    "my stepdad touches me",
    "i was raped",
    "the neighbours kid is being beaten",
    "my mum's boyfriend hits me",
    "my ex is stalking me",
    "mijn man heeft me vannacht in elkaar geslagen",
    "mijn vriend dreigt me iets aan te doen als ik weg ga",
    "mijn partner controleert alles en ik mag niemand zien",
    "ik word door mijn man mishandeld",
    "mijn man heeft mij een blauw oog geslagen",
    "hij slaat me en de kinderen",
    "mijn vader zit aan mij",
    "mijn stiefvader misbruikt mijn zusje",
    "ik ben bang dat mijn ex me iets aandoet",
    "mijn man schreeuwt en gooit met dingen naar mij",
    "ik hoor de buurvrouw schreeuwen en haar man slaat haar",
    "de buurman slaat zijn vrouw",
    "het kind van de overburen heeft steeds blauwe plekken",
    "ik denk dat mijn neefje thuis geslagen wordt",
    "mijn vriendin wordt mishandeld door haar vriend",
    "mijn ex achtervolgt mij en bedreigt mij",
    "ik ben slachtoffer van huiselijk geweld",
    "ik wil melden dat een kind wordt mishandeld",
    "wat is het nummer van veilig thuis",
    "ik heb een straatverbod nodig tegen mijn ex",
    "mijn man verkracht mij",
    "mijn zoon wordt door zijn vader geslagen",
    "my husband beat me up last night",
    "my partner threatens me",
    "my father abuses me",
    "i am afraid to go home because of my husband",
    "my boyfriend chokes me when he is angry",
    "i think the child next door is being abused",
    "my ex keeps threatening me",
    "he hit me again",
    "Mijn man wordt agressief als hij drinkt en heeft me gisteren geduwd",
    "ik ben weggevlucht bij mijn partner omdat hij mij sloeg",
    "mijn vriend heeft mij gewurgd",
    "ik durf niet meer naar huis vanwege mijn stiefvader",
    "mijn ex houdt me in de gaten en bedreigt me via whatsapp",
    "ik word thuis vaak uitgescholden en geslagen door mijn ouders",
    "mijn zus wordt door haar man mishandeld",
    "er wordt bij de buren steeds geschreeuwd en ik hoor klappen",
    "ik denk dat mijn kleinkind thuis wordt mishandeld",
    "mijn schoonfamilie dwingt mij om te trouwen",
    "mijn man neemt al mijn geld af en ik mag nergens heen",
    "ik ben zwanger en mijn vriend heeft me in mijn buik geschopt",
    "mijn man slaat de kinderen met een riem",
    "mijn broer heeft mij seksueel misbruikt",
    "een leraar zit aan mijn dochter",
    "ik zit in de vrouwenopvang, wat moet ik regelen",
    "mijn vader heeft mijn moeder met een mes bedreigd",
    "hij dreigt me te doden als ik ga",
    "ik wil weg bij mijn man want hij slaat",
    "mijn ex staat steeds voor de deur en ik ben bang",
    "my husband pushed me down the stairs",
    "my dad beats us when he is drunk",
    "i think my neighbour is abusing her children",
    "my partner won't let me leave the house",
    "i am being hurt at home",
    "my wife hits me",
    "someone is hurting my little brother at home",
    "my uncle touched me when i was little",
    "i was sexually assaulted",
    "he said he will kill me",
]

HOMELESS = [
    "ik ben dakloos",
    "ik ben sinds vorige week dakloos",
    "ik ben dakloos geworden",
    "daklooss",
    "dakloss",
    "ik ben dak loos",
    "ik ben thuisloos",
    "ik heb geen huis meer",
    "we hebben geen huis",
    "ik heb geen woning",
    "ik zit zonder woning",
    "na mijn scheiding heb ik geen woonruimte",
    "ik heb geen dak boven mijn hoofd",
    "geen dak boven m'n hoofd",
    "ik heb geen vast adres",
    "ik slaap op straat",
    "ik leef op straat",
    "ik sta morgen op straat",
    "we komen op straat te staan",
    "mijn moeder en ik staan op straat",
    "ik moet vannacht buiten slapen",
    "ik heb geen slaapplek voor vannacht",
    "ik heb vannacht geen plek om te slapen",
    "ik heb een plek nodig om te slapen",
    "waar kan ik vannacht slapen",
    "ik weet niet waar ik vannacht moet slapen",
    "ik kan nergens slapen",
    "ik kan nergens heen",
    "ik kan nergens meer terecht",
    "ik slaap al een week in mijn auto",
    "ik moet vannacht in de auto slapen",
    "ik woon in mijn auto",
    "ik woon in een tent in het bos",
    "ik slaap in het park",
    "ik slaap in een portiek",
    "ik slaap bij vrienden op de bank",
    "ik zwerf al weken rond",
    "ik ben uit huis gezet",
    "ik word uitgezet",
    "mijn huisbaas heeft me eruit gezet",
    "mijn ouders hebben me eruit gegooid",
    "mijn ouders hebben me eruit geschopt",
    "mijn vriend heeft me op straat gezet",
    "mijn vrouw heeft me het huis uit gezet",
    "de deurwaarder zet ons uit huis",
    "mijn huis wordt morgen ontruimd",
    "ik ben mijn huis kwijt",
    "ik ben mijn kamer kwijt en slaap nu buiten",
    "ik zoek onderdak",
    "ik heb dringend onderdak nodig",
    "is er een nachtopvang",
    "daklozenopvang",
    "ik heb opvang nodig voor vannacht",
    "ik ben homeless",
    "i'm homeless",
    "i have nowhere to sleep tonight",
    "i'm sleeping in my car",
    "i got evicted",
    "my landlord kicked me out",
    "my parents kicked me out",
    "i have no place to stay",
    "i'm sleeping rough",
    "i lost my apartment and i'm on the street",
    "where can i sleep tonight",
    "is there a homeless shelter",
    "i've got no home",
    "ik ben mijn woning kwijtgeraakt",
    "ik ben uit mijn huis gegooid",
    "ik heb geen onderdak",
    "ik slaap al drie nachten buiten",
    "ik moet morgen mijn huis uit en heb niks",
    "ik woon nu in mijn auto met mijn kinderen",
    "ik slaap in de trein",
    "ik ben dakloos, waar kan ik slapen",
    "ik zit op straat met twee kinderen",
    "mijn huurcontract is opgezegd en ik heb nergens om te wonen",
    "ik heb geen woonplek meer",
    "ik slaap elke nacht ergens anders",
    "ik slaap bij een vriend op de bank maar dat kan niet meer",
    "we zijn vandaag ontruimd",
    "waar is de daklozenopvang",
    "kan ik ergens slapen vannacht",
    "ik ben net uit de gevangenis en heb geen huis",
    "ik ben uit huis geplaatst en heb geen plek",
    "ik heb geen dak meer boven mijn hoofd",
    "my house was repossessed and i have nowhere to go",
    "i am sleeping on the streets",
    "i was evicted today",
    "i have no home",
    "i need a bed for tonight",
    "i sleep in a tent",
    "i am living in my car",
    "my family threw me out",
    "i have nowhere to live",
    "homeless shelter near me",
    "hoe geef ik een verhuizing door als ik geen vast adres heb",
    "Ik ben sinds vorige maand dak- en thuisloos",
    "mijn vriendin heeft me uit huis gezet en ik slaap nu in de auto",
    "ik heb geen woning meer na mijn scheiding",
    "ik heb geen vaste woon- of verblijfplaats",
    "we worden volgende week uit onze woning gezet",
    "ik heb vanavond nergens een bed",
    "ik slaap in een schuurtje",
    "ik slaap al weken op de bank bij mijn zus maar dat kan niet langer",
    "ik kom uit de jeugdzorg en heb geen plek om te wonen",
    "mijn huisbaas heeft de sloten veranderd en ik kan er niet meer in",
    "ik ben op straat beland",
    "ik zwerf al maanden",
    "waar kan een dakloze zich inschrijven",
    "help ik heb geen huis",
    "ik heb vannacht buiten geslapen",
    "we slapen met het gezin in de auto",
    "ik ben mijn huurwoning kwijt door schulden",
    "ik moet vandaag mijn kamer uit en weet niet waar ik heen moet",
    "ik heb een slaapplek nodig",
    "waar is de nachtopvang",
    "ik woon in een kraakpand",
    "mijn zoon is dakloos geworden",
    "de deurwaarder komt morgen ontruimen",
    "I have no place to live",
    "I am living on the streets",
    "I got kicked out by my parents",
    "I need somewhere to stay tonight",
    "I'm sleeping at the station",
    "we are about to be evicted",
    "I lost my home",
]

# Ordinary questions to a municipality, many of them near misses of the patterns above.
ORDINARY = [
    # deaths in the family and dead things
    "mijn moeder is overleden",
    "mijn vader is vorige week overleden, wat moet ik regelen",
    "mijn man is overleden, moet ik de parkeervergunning opzeggen",
    "mijn opa is gestorven, hoe regel ik het graf",
    "wat moet ik doen als iemand thuis overlijdt",
    "hoe vraag ik een uitvaart aan",
    "mijn hond is dood, moet ik hem afmelden voor de hondenbelasting",
    "de kat van de buren is doodgereden",
    "er ligt een dode vogel op de stoep",
    "de boom in de straat is dood",
    "ik wil dood hout laten ophalen",
    "kapvergunning voor een dode boom",
    "dood dier op straat melden",
    "er ligt een dood konijn in het park",
    "doodlopende straat zonder bord",
    "hoe vraag ik een akte van overlijden aan",
    "my father died, what do i need to arrange",
    "my dog died, do i still pay dog tax",
    # neighbours, quarrels, bullying
    "overlast van de buren",
    "mijn buren maken elke nacht lawaai",
    "ik ga dood van het lawaai van de buren",
    "ik kan niet slapen door de herrie van de buren",
    "de buren zijn de hele nacht luidruchtig, ik krijg geen oog dicht",
    "ik heb ruzie met mijn buurman",
    "mijn buren hebben steeds ruzie",
    "we hebben thuis ruzie over de opvoeding",
    "mijn kind wordt gepest op school",
    "mijn zoon wordt gepest in de buurt",
    "mijn zoon is heel agressief thuis, wie kan helpen",
    "ik ben bang voor de hond van de buren",
    "de hond van de buren blaft de hele dag",
    "hangjongeren bij het winkelcentrum",
    "ik wil een eind maken aan de overlast van de buren",
    "my neighbours are very loud",
    "my child is being bullied at school",
    # waste and public space
    "mijn vuilnis is niet opgehaald",
    "de container is kapot",
    "wanneer moet de container op straat staan",
    "de kliko is op straat gezet maar niet geleegd",
    "er staat een kapotte fiets op straat",
    "de lantaarnpaal is kapot",
    "de straat is opengebroken",
    "de brug bij het station is kapot",
    "er zit een gat in de weg",
    "ik wil grofvuil laten ophalen",
    "mijn oude bank moet weg, kan de gemeente die ophalen",
    "waar kan ik al mijn oude medicijnen inleveren",
    "waar lever ik oude verf in",
    "de milieustraat is dicht",
    "my bin was not emptied",
    "the street light is broken",
    "where can i dump my old sofa",
    "there is a dead bird on the pavement",
    # moving, housing
    "ik wil verhuizen",
    "ik ga verhuizen naar een kleinere woning",
    "ik zoek een huurwoning",
    "hoe schrijf ik me in voor een sociale huurwoning",
    "ik sta op de wachtlijst voor een huurwoning",
    "we hebben geen eigen huis, moeten we ozb betalen",
    "ik heb geen huisnummer op mijn deur",
    "ik heb een briefadres nodig",
    "ik woon in de straat waar de lantaarnpaal kapot is",
    "mijn dak lekt, mag ik een nieuw dak plaatsen",
    "de storm heeft een stuk van mijn dak losgerukt",
    "vergunning voor een dakkapel",
    "ik wil mijn huis verbouwen",
    "wat is de woz waarde van mijn huis",
    "ik wil niet meer in deze gemeente wonen",
    "ik verhuis en moet de sleutel van mijn huurhuis inleveren",
    "i want to move house",
    "i'm moving out of my apartment next month",
    "how do i register my new address",
    "i don't want to live in this neighbourhood anymore",
    # work, income, debts
    "ik ben mijn baan kwijt",
    "ik ben mijn werk kwijt en heb geen inkomen",
    "ik heb geen geld meer om van te leven",
    "ik kan de huur niet meer betalen",
    "help, ik kan mijn aanslag niet betalen",
    "ik heb schulden, wie kan me helpen",
    "mijn uitkering stopt, hoe moet ik verder",
    "ik wil stoppen met mijn uitkering",
    "ik ben gescheiden en heb geen inkomen",
    "bijstand aanvragen",
    "i lost my job",
    "i can't pay my municipal taxes",
    # documents and desks
    "ik ben mijn paspoort kwijt",
    "ik heb mijn rijbewijs verloren",
    "mijn paspoort is gestolen op vakantie",
    "ik kan niet meer inloggen met digid",
    "ik kan niet meer bij mijn berichtenbox",
    "ik wil mijn abonnement op de gemeentekrant niet meer",
    "ik wil mijn hond niet meer, waar kan ik hem laten",
    "ik wil een afspraak maken voor een id kaart",
    "hoe lang ben ik bezig met de aanvraag",
    "wat kost een paspoort",
    "verklaring omtrent gedrag voor werk in de kinderopvang",
    "ik wil een klacht indienen over een medewerker",
    "de ambtenaar was onbeleefd",
    "ik ben het niet eens met de boete",
    "ik wil bezwaar maken tegen mijn aanslag",
    "my passport was stolen",
    "i need a parking permit",
    # family, care and health
    "mijn vader is dement en heeft hulp nodig",
    "mijn moeder mag niet meer alleen naar buiten, welke hulp is er",
    "mijn moeder kan niet meer alleen naar buiten",
    "hulp bij het huishouden voor mijn oma",
    "ik heb een rolstoel nodig",
    "mijn vriend en ik gaan trouwen",
    "ik wil scheiden, wat moet ik regelen bij de gemeente",
    "mijn vrouw is bevallen, hoe doe ik aangifte",
    "ik wil mijn kind erkennen",
    "mijn kind heeft een blauwe plek van het vallen op de speelplaats",
    "ik heb mezelf gesneden aan glas in de zandbak",
    "mijn dochter is gevallen op een losse stoeptegel",
    "ik schrok me dood van het vuurwerk",
    "ik lach me dood om die brief",
    "de wachttijd is om dood te gaan",
    "ik verveel me dood in de wachtkamer",
    "ik wil mijn leven weer op orde krijgen met mijn schulden",
    "ik ben slachtoffer van identiteitsfraude, iemand misbruikt mijn gegevens",
    "mijn parkeerkaart wordt misbruikt door de buren",
    "er is misbruik van mijn gehandicaptenparkeerplaats",
    "ik ben bang dat mijn aanvraag te laat is",
    "ik ben beroofd op straat",
    "mijn fiets is gestolen",
    "mijn auto is opengebroken",
    "ik kreeg een klap van de slagboom van de parkeergarage",
    "i fell and hurt my knee on the sidewalk",
    "this queue is killing me",
    "i'm dying to know when my passport is ready",
    # events, permits, parking
    "ik wil een feest op straat geven",
    "mag ik een springkussen neerzetten in het park",
    "evenementenvergunning voor een buurtfeest",
    "ik wil een parkeervergunning voor mijn auto",
    "mijn auto is weggesleept",
    "mag ik een tent opzetten in mijn tuin",
    "ik wil mijn container omruilen",
    "wanneer wordt mijn straat geveegd",
    "de boom is geveld zonder vergunning",
    "ik wil een boom kappen",
    # greetings and small talk
    "hallo",
    "goedemorgen",
    "dank je wel, geweldig",
    "bedankt voor de hulp",
    "nee hoor, hoeft niet meer",
    "dat hoeft niet meer, bedankt",
    "nee dank je, ik wil niets meer weten",
    "ik wil een medewerker spreken",
    "ben je een mens",
    "wat is het weer morgen",
    "hoe laat is het gemeentehuis open",
    "tot ziens",
    "thank you",
    "can i speak to a person",
    "what are your opening hours",
    # bodies, tools and other near misses
    "ik snij mijn heg, moet het groen apart",
    "ik heb een klap gehad met mijn auto",
    "mijn auto maakt lawaai",
    "de bus rijdt niet meer door mijn straat",
    "ik mag niet parkeren voor mijn eigen huis",
    "de deur van het gemeentehuis is op slot",
    "ik zit vast in de lift van de parkeergarage",
    "slaapt de gemeente soms, niemand neemt op",
    "ik heb vannacht slecht geslapen door de bouw",
    "wanneer wordt de opvang voor mijn kind vergoed",
    "kinderopvangtoeslag aanvragen",
    "logeeropvang voor mijn gehandicapte kind",
    "waar kan ik overnachten als ik een evenement in de stad bezoek",
    "ik wil een afspraak maken voor mijn rijbewijs",
    "hoe lang duurt het voordat mijn paspoort klaar is",
    "mijn moeder is gisteren overleden wat nu",
    "wie moet ik bellen als er een boom op straat ligt",
    "ik zit zonder stroom",
    "ik heb geen internet thuis",
    "ik slaap slecht door het verkeer",
    "mijn buurman parkeert steeds voor mijn deur",
    "iemand heeft mijn auto bekrast",
    "er liggen glasscherven op straat",
    "mijn kat is weggelopen",
    "ik wil mijn vuilnisbak ruilen voor een kleinere",
    "ik kan mijn afspraak niet halen",
    "ik wil niet meer dat de gemeente mij post stuurt",
    "ik heb geen zin om naar het gemeentehuis te komen",
    "kan ik dat niet online doen",
    "hoe maak ik een einde aan mijn abonnement op de parkeervergunning",
    "mijn huis is te koud",
    "ik woon op een boot, moet ik ook belasting betalen",
    "ik woon in een woonwagen, hoe schrijf ik me in",
    "mag ik in mijn camper slapen aan de straat",
    "ik ben bang dat mijn aanvraag is kwijtgeraakt",
    "ik slaap bij mijn vriendin, moet ik me daar inschrijven",
    "we gaan kamperen, heb ik een vergunning nodig",
    "waar kan ik mijn oude bed kwijt",
    "ik heb geen bed meer nodig, halen jullie dat op",
    "ik ben het zat met die bouwherrie",
    "mijn zoon van 18 gaat op kamers, moet hij zich inschrijven",
    "wie is verantwoordelijk voor de brug",
    "mijn buren slaan steeds met de deur",
    "de hond van de buren bijt",
    "mijn man wil een parkeervergunning",
    "mijn vrouw wil weten hoe laat jullie open zijn",
    "mijn vader kan niet meer lopen, krijgt hij een gehandicaptenkaart",
    "mijn partner en ik willen samenwonen, hoe geven we dat door",
    "mijn kinderen wonen om de week bij mij, moet ik ze inschrijven",
    "mijn ex wil de kinderen op haar adres inschrijven",
    "ik wil mijn moeder die overleden is uitschrijven",
    "mijn man is vorige maand gestorven en ik moet het graf regelen",
    "ik slaap slecht door de vrachtwagens in de nacht",
    "ik woon boven een snackbar en het stinkt",
    "mijn huis staat te koop, moet ik iets doorgeven",
    "ik ga tijdelijk bij mijn ouders wonen tot mijn nieuwe huis klaar is",
    "wij verhuizen naar het buitenland",
    "mijn zoon gaat op kamers in een andere stad",
    "mijn huurbaas wil de huur verhogen, kan de gemeente helpen",
    "mijn huurhuis heeft schimmel",
    "ik zoek een woning voor mijn gehandicapte zoon",
    "we hebben een huis gekocht, wanneer moeten we verhuizen doorgeven",
    "er slapen jongeren in de speeltuin en ze maken lawaai",
    "ik heb een kind gekregen, hoe doe ik aangifte",
    "mijn kind is vandaag geboren",
    "ik wil mijn kind aanmelden voor leerlingenvervoer",
    "mijn kind heeft een beperking en kan niet alleen naar school",
    "de school van mijn kind is gesloten",
    "mijn kind is van de fiets gevallen door een gat in de weg",
    "de speeltuin is onveilig, er liggen scherven",
    "het fietspad is levensgevaarlijk",
    "de oversteekplaats bij school is gevaarlijk",
    "de lantaarnpaal hangt gevaarlijk scheef",
    "ik ben slachtoffer van oplichting",
    "mijn portemonnee is gestolen met mijn id-kaart erin",
    "ik heb een boete gekregen maar ik was het niet",
    "mijn hond is aangevallen door een andere hond",
    "er loopt een agressieve hond los in het park",
    "ik wil een kapvergunning voor een boom die dood gaat",
    "mijn buurman heeft zijn schutting op mijn grond gezet",
    "mijn auto is weggesleept terwijl ik niks fout deed",
    "kan ik de aanslag in delen betalen, ik zit krap",
    "ik heb een uitkering en kan mijn huur niet betalen",
    "ik wil bezwaar maken, dit slaat nergens op",
    "jullie site slaat nergens op",
    "ik krijg de rekening niet betaald",
    "dit is om gek van te worden, al drie keer gebeld",
    "ik ben het zat, niemand neemt op",
    "ik word gek van die bouw naast mijn huis",
    "hoe lang moet ik nog wachten, ik wacht me dood",
    "mijn oma van 90 kan niet meer zelfstandig wonen",
    "mijn vader wil niet naar een verpleeghuis",
    "ik wil mijn leven beteren en een vog aanvragen",
    "hoe vraag ik een verklaring van erfrecht aan",
    "my partner and I want to get married at the town hall",
    "my son is moving out, does he need to register",
    "i want to report a dead cat on the road",
    "intent:overlast",
    "handover:request",
    "feedback:no",
    "followup:kosten",
    "06-12345678",
    "1234 AB 12",
    "ja",
    "nee",
    "ja graag",
    "nee bedankt",
    "jan@example.nl",
]

# Knowledge-base examples that alarm on purpose: self-harm and eviction belong to the crisis
# help, whatever the topic they also fit.
KB_ALARMS = {
    "mijn dochter van 14 snijdt zichzelf": "suicide",
    "ik word uit mijn huis gezet vanwege huurachterstand": "homeless",
}


@pytest.mark.parametrize(
    ("text", "kind"),
    [*((text, "suicide") for text in SUICIDE), *((text, "violence") for text in VIOLENCE),
     *((text, "homeless") for text in HOMELESS)],
)
def test_phrasing_alarms_with_its_kind(text: str, kind: str) -> None:
    assert detect(text) == kind, normalise(text)


def test_at_least_forty_phrasings_per_kind_and_no_twins() -> None:
    assert min(len(SUICIDE), len(VIOLENCE), len(HOMELESS)) >= 40
    everything = [*SUICIDE, *VIOLENCE, *HOMELESS, *ORDINARY]
    assert len(set(everything)) == len(everything)


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_question_does_not_alarm(text: str) -> None:
    assert detect(text) is None, normalise(text)


def test_at_least_150_ordinary_questions() -> None:
    assert len(ORDINARY) >= 150


@cache
def knowledge_examples() -> list[tuple[str, str]]:
    """(where, text) of every example question, read as benchmarks/crisis.py reads them."""
    spec = importlib.util.spec_from_file_location("crisis_benchmark", REPO / "benchmarks" / "crisis.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.knowledge_examples()


def test_no_alarm_on_knowledge_base_examples_but_the_documented_ones() -> None:
    examples = knowledge_examples()
    assert len(examples) > 2000
    alarms = {text: detect(text) for _, text in examples}
    unexpected = [f"{source}: {text!r} -> {alarms[text]}" for source, text in examples
                  if alarms[text] != KB_ALARMS.get(text)]
    assert unexpected == []


def test_no_alarm_on_the_dev_set() -> None:
    """The project's copy of the dev set (reference/spec): ordinary and out-of-scope questions."""
    rows = read_labelled(REPO / "reference" / "spec" / "dev_questions.tsv")
    assert len(rows) > 100
    assert [(text, detect(text)) for _, text in rows if detect(text)] == []


# CLINC150's English questions (reference/data): the only alarms are about homelessness itself
# and one pet name; a hotel "place to stay", "the point of life" or "put the trash out" are not.
CLINC_ALARMS = {
    "please change my name to loverboy": "violence",
    "what is the main cause of becoming homeless": "homeless",
    "how many homeless people are there": "homeless",
    "where are most homeless people": "homeless",
}


def test_english_questions_of_clinc150_do_not_alarm_but_the_documented_ones() -> None:
    with gzip.open(REPO / "reference" / "data" / "clinc150" / "data_full.json.gz") as handle:
        data = json.load(handle)
    texts = [text for rows in data.values() for text, _ in rows]
    assert len(texts) > 20_000
    assert {text: detect(text) for text in texts if detect(text)} == CLINC_ALARMS


@pytest.mark.parametrize(
    "text",
    ["de leerkracht van mijn zoon", "vuurkracht", "veerkrachtig", "de vishandelaar op de markt",
     "er zitten hommels in mijn tuin", "ik heb slecht geslapen", "mijn onderkaak doet pijn", "levensmoed",
     "opgespoten grond", "staplaats voor de bus", "de pan is aangebrand", "beslagen ramen", "geshopt",
     "de boom is geveld", "geweldig", "er is hommeles met de buren", "hij is daadloos", "rappe jongens",
     "my application was mishandled", "moet ik een ontruimingsplan maken voor mijn evenement", "zwerfafval",
     "de uitzettingscoefficient van beton"],
)
def test_real_words_near_a_crisis_word_do_not_alarm(text: str) -> None:
    assert detect(text) is None


def test_documented_knowledge_base_alarms_are_still_examples() -> None:
    texts = {text for _, text in knowledge_examples()}
    assert set(KB_ALARMS) <= texts


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("ik ben niet dakloos", None),
        ("ik ben gelukkig niet meer dakloos, hoe schrijf ik me in", None),
        ("I'm not homeless, I just need a parking permit", None),
        ("ik ben geen dakloze", None),
        ("ik ben niet dakloos maar slaap wel in mijn auto", "homeless"),
        ("ik wil niet meer leven", "suicide"),
        ("ik wil niet meer", "suicide"),
        ("nee, ik wil niet meer", None),
    ],
)
def test_negation_only_where_unambiguous(text: str, kind: str | None) -> None:
    assert detect(text) == kind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Suïcide!!", "suicide"),
        ("ZELFMOOOORD", "zelfmord"),
        ("'k wil m'n leven", "ik wil mijn leven"),
        ("I'm sure, don't", "i am sure . do not"),
        ("z3lfm00rd 113", "zelfmord 113"),
        ("ik kan niet meer... help", "ik kan niet mer . help"),
        ("zelmoordgedachten", "zelfmordgedachten"),
    ],
)
def test_normalisation(text: str, expected: str) -> None:
    assert normalise(text) == expected


def test_the_first_kind_in_order_wins() -> None:
    assert detect("mijn man slaat me en ik wil niet meer leven") == "suicide"
    assert detect("mijn man slaat me en ik weet niet waar ik heen moet") == "violence"


@pytest.mark.parametrize(
    "text",
    ["", "   ", "...", "???", "12345", "a" * 5000, "ik " * 2000, "".join(chr(97 + (i * 7) % 26) for i in range(100_000))],
    ids=["empty", "spaces", "dots", "questions", "digits", "one-letter", "ik-ik", "one-100k-letter-word"],
)
def test_empty_and_odd_input(text: str) -> None:
    assert detect(text) is None


def test_a_crisis_at_the_end_of_a_long_message_is_found() -> None:
    text = "ik heb een vraag over mijn aanslag en over de container. " * 40 + "ik wil dood"
    assert detect(text) == "suicide"


def test_the_rule_index_finds_what_the_full_patterns_find() -> None:
    """detect tries only the rules a message's words can start; searching every pattern in
    the whole text must give the same answer."""
    full = {kind: re.compile("|".join(crisis._expand(template) for template in crisis._alternatives(kind)))
            for kind in crisis._KIND_ORDER}

    def reference(text: str) -> str | None:
        normalised = crisis._NEGATED_HOMELESS.sub("", normalise(text))
        normalised = " ".join(normalised.split())
        return next((kind for kind, pattern in full.items() if normalised and pattern.search(normalised)), None)

    texts = [*SUICIDE, *VIOLENCE, *HOMELESS, *ORDINARY, *(text for _, text in knowledge_examples())]
    texts += [". ".join(texts[i:i + 25]) for i in range(0, len(texts), 25)]
    assert [detect(text) for text in texts] == [reference(text) for text in texts]
    assert len(crisis._INDEX.always) <= 3  # nearly every rule is only tried where its first word is
