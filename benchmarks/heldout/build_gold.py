"""Builds <slug>.gold.jsonl and <slug>.boilerplate.jsonl from hand-written annotations.

Each unit is written out by hand (exact text, labels, cues, source, note, optional);
offsets are computed by searching the article text sequentially, never counted by hand.
Run with /work/main/.venv/bin/python build_gold.py
"""
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
H, O, E, U = "hedge", "official", "expert", "unverified"


def u(text, labels, cues=(), source=None, note="", optional=()):
    return dict(text=text, labels=list(labels), hedge_cues=list(cues), source=source,
                note=note, optional=list(optional))


ART = {}

# ---------------------------------------------------------------- 1 flood
ART["varena-flood-toll"] = dict(
    credits=["Mira Estan / Reuters"],
    units=[
        u("Aid groups dispute official toll of 63 as Varena floods recede", [O, U],
          source="aid groups; disaster agency (official toll)",
          note="headline: 'official toll' attributes a figure to the state; 'dispute' is a dispute marker"),
        u("Rescue teams are still searching submerged villages, and a medical charity says the true number of dead could be several times higher.",
          [H], ["could"], "a medical charity",
          "'could' = possibility; charity is an NGO, not official",
          [U]),
        u("At least 63 people have died in floods that swept through the southern province of Varena after three days of torrential rain, the National Disaster Management Agency said on Tuesday, but aid workers on the ground disputed the figure.",
          [O, U], [], "National Disaster Management Agency",
          "state agency figure, disputed in the same sentence; 'At least' is a numeric bound, not a hedge"),
        u("The agency said more than 12,000 homes had been damaged and about 40,000 people had been moved to temporary shelters in schools and sports halls.",
          [O], [], "National Disaster Management Agency",
          "'the agency said' refers back; 'more than'/'about' are numeric bounds"),
        u("Rescuers could not reach some villages in the upper Sella valley until Monday because landslides had cut the only road.",
          [], [], None, "'could not reach' = ability, not a hedge; writer's narration"),
        u("Residents wade through floodwater in Kessaly, the capital of Varena province, on Tuesday.",
          [], [], None, "photo caption"),
        u("The agency's director, Halim Orsak, told reporters in Kessaly that the toll was \"verified, body by body\" and would be updated twice a day.",
          [O], [], "Halim Orsak", "director of a state agency",
          [U]),
        u("\"We publish only what we can confirm.",
          [O], [], "Halim Orsak", "quotation part 1; 'can' = ability",
          [U]),
        u("Every number has a name behind it,\" Orsak said.",
          [O], [], "Halim Orsak",
          "quotation part 2; the official toll is contradicted by the charity count in the next sentence",
          [U]),
        u("But Open Hands Medical Relief, a charity running field clinics in the worst-hit district of Dorvan, said its teams alone had counted more than 150 bodies in four villages along the Sella River.",
          [U], [], "Open Hands Medical Relief",
          "NGO claim flagged as unverifiable by the next sentence"),
        u("The charity's count could not be independently verified, and the agency did not respond to a request for comment on it.",
          [U], [], None,
          "verification statement; 'could not be verified' is not a hedge; agency only mentioned, no content"),
        u("Residents say many people were swept away at night and that entire families may still be buried under mud in hamlets that rescuers have not yet reached.",
          [H], ["may"], "residents", "witnesses; 'may' = possibility"),
        u("\"The water came like a wall.",
          [], [], "Rana Teodor", "witness quotation part 1"),
        u("My neighbour's house was there, and then it was not there,\" said Rana Teodor, 52, a farmer in the village of Brezna whose brother is among the missing.",
          [], [], "Rana Teodor", "witness quotation part 2"),
        u("Ilse Marand, a hydrologist at the University of Castellen who studies flooding in the region, said the official count was likely to rise once roads to the upper valleys reopened.",
          [E, H], ["likely"], "Ilse Marand", "academic; 'likely'"),
        u("\"In floods like this, the first figures are almost always too low, because they only include bodies that have been recovered and identified,\" Marand said in a telephone interview.",
          [E], [], "Ilse Marand", "surname-only later mention; 'almost always' is not a listed hedge"),
        u("She said rainfall in the Sella basin appeared to have been the heaviest since records began in 1931, although final data had not yet been published.",
          [E, H], ["appeared to"], "Ilse Marand", "'she said' continuation; 'appeared to'"),
        u("A senior provincial official, speaking on condition of anonymity because he was not authorised to speak to the media, said the government was wary of releasing unconfirmed figures that could cause panic.",
          [O, H, U], ["unconfirmed", "could"], "senior provincial official (anonymous)",
          "unnamed official; 'unconfirmed' is both a hedge cue and a verification marker (here applied to others' figures); 'could' = possibility",
          [U]),
        u("He said some of the people listed as missing had probably fled to relatives in neighbouring provinces.",
          [O, H], ["probably"], "senior provincial official (anonymous)", "'he said' continuation"),
        u("State television reported on Tuesday evening that army helicopters had dropped food and water to at least 30 cut-off villages.",
          [], [], "state television", "state media reporting an event is not official",
          [O]),
        u("The Interior Ministry said 2,500 soldiers and police officers had been deployed, and forecasters said more heavy rain was expected to fall over the weekend.",
          [O, H], ["expected to"], "Interior Ministry", "ministry statement; 'expected to'"),
        u("Opposition lawmakers accused the government of playing down the scale of the disaster ahead of regional elections in May, a charge the ministry denied.",
          [O, U], [], "opposition lawmakers; the ministry",
          "legislators and ministry are official; 'accused' and 'denied'"),
        u("\"Nobody is hiding anything.",
          [O], [], "Adela Voss", "ministry spokeswoman; the denial quoted",
          [U]),
        u("Counting the dead is not politics,\" ministry spokeswoman Adela Voss said in a statement.",
          [O], [], "Adela Voss", "ministry spokeswoman",
          [U]),
    ])

# ---------------------------------------------------------------- 2 factory fire
ART["velmora-factory-fire"] = dict(
    credits=["Jonas Petrak / AP"],
    units=[
        u("Fire at Velmora garment factory kills 19 as minister vows full inquiry",
          [O], [], "Labour Minister", "headline states a minister's pledge"),
        u("Workers say emergency exits were locked when the blaze broke out, a claim the factory's owners deny.",
          [U], [], "workers; factory owners", "'deny'; workers and a company are not official"),
        u("At least 19 people were killed and 27 injured when fire tore through a four-storey garment factory in the industrial town of Velmora late on Monday, fire officials said.",
          [O], [], "fire officials", "emergency services; 'At least' is not a hedge"),
        u("The blaze started on the ground floor, where rolls of synthetic fabric were stored, and spread rapidly up a single stairwell, according to the city fire brigade.",
          [O], [], "city fire brigade", "'according to' an emergency service"),
        u("Most of the dead were women working the night shift on the third floor, the brigade's chief, Tomas Reyl, said on Tuesday.",
          [O], [], "Tomas Reyl", "fire brigade chief"),
        u("Firefighters spray water on the burning factory in Velmora on Monday night.",
          [], [], None, "photo caption"),
        u("Reyl said firefighters could not reach the upper floors for almost an hour because the narrow street outside was blocked by parked delivery trucks.",
          [O], [], "Tomas Reyl", "'could not reach' = ability, not a hedge"),
        u("It was not clear what caused the fire.",
          [H], ["not clear"], None, "writer's hedge"),
        u("Investigators were examining the possibility of an electrical fault in a newly installed cutting machine, Reyl said, but he cautioned that it was too early to draw conclusions.",
          [O, H], ["possibility"], "Tomas Reyl", "'possibility'"),
        u("Several workers who escaped told reporters that two of the three emergency exits had been padlocked to stop theft, and that they had to break a window to get out.",
          [U], [], "workers", "witness claim denied in the next sentence"),
        u("Petra Anwell, a spokeswoman for Berinco Textiles, which owns the plant, denied that any exit had been locked.",
          [U], [], "Petra Anwell (Berinco Textiles)", "'denied'; company spokeswoman is not official"),
        u("\"All exits were open and checked that same evening.",
          [U], [], "Petra Anwell (Berinco Textiles)",
          "continuation of the denial, contradicting the workers' account",
          [U]),
        u("We are cooperating fully with the authorities,\" she said in a statement.",
          [], [], "Petra Anwell (Berinco Textiles)", "company statement, not contested"),
        u("Labour Minister Dana Mirov visited the site on Tuesday and said the government had ordered an independent inquiry, which would report within 60 days.",
          [O], [], "Dana Mirov", "minister"),
        u("\"If the doors were locked, this was not an accident.",
          [O], [], "Dana Mirov", "conditional 'if' is not a listed hedge cue",
          [H]),
        u("It was a crime, and those responsible will be prosecuted,\" Mirov said.",
          [O], [], "Dana Mirov", "minister, quotation part 2"),
        u("Police said the factory's manager had been detained for questioning but gave no further details.",
          [O], [], "police", "police statement; 'gave no further details' is close to 'offered no details'",
          [U]),
        u("Nadia Fellner, who researches workplace safety at the Institute for Industrial Relations in Castellen, said the disaster bore the hallmarks of earlier fires in the region, where factories had been allowed to add floors without adding stairwells.",
          [E], [], "Nadia Fellner", "independent researcher"),
        u("\"Inspections in Velmora are announced weeks in advance.",
          [E], [], "Nadia Fellner", "quotation part 1"),
        u("Owners can clear the exits for one day and lock them again the next,\" Fellner said.",
          [E], [], "Nadia Fellner", "'can' = ability, not a hedge"),
        u("She said the fire might also have spread faster because synthetic fabrics burn quickly and release thick, toxic smoke.",
          [E, H], ["might"], "Nadia Fellner", "'might'"),
        u("The Velmora Garment Workers' Union said it had filed at least 11 complaints about blocked exits at the plant since 2021 and accused state inspectors of ignoring them.",
          [U], [], "Velmora Garment Workers' Union", "union is not official; 'accused', and denied next"),
        u("The labour inspectorate, a state agency, denied receiving any complaints about the factory.",
          [O, U], [], "labour inspectorate", "state agency; 'denied'"),
        u("Relatives gathered outside the town morgue on Tuesday, many holding photographs of the missing.",
          [], [], None, "narration"),
        u("Funerals for eight of the victims were expected to take place on Wednesday.",
          [H], ["expected to"], None, "'expected to'"),
    ])

# ---------------------------------------------------------------- 3 drone strike
ART["harsk-drone-strike"] = dict(
    credits=["Stringer / AFP via Getty Images"],
    units=[
        u("Army and rebels trade blame after drone strike kills 14 in Harsk market",
          [O, U], [], "army; rebels", "army blame is official; 'trade blame' ~ traded claims"),
        u("The military says it hit a weapons depot, but residents and a separatist group say the dead were civilians shopping at a Saturday market.",
          [O, U], [], "military; residents; separatist group",
          "the two sides' conflicting claims, set against each other (the 'trade blame' of the headline)",
          [U]),
        u("A drone strike on a crowded market in the northern town of Harsk killed at least 14 people on Saturday, according to the regional health department, as the army and an armed separatist group traded claims over what had been hit.",
          [O, U], [], "regional health department", "state health department figure; 'traded claims'"),
        u("The Defence Ministry said in a statement that its forces had carried out a \"precision strike\" on a warehouse used by the Salt Hills Movement to store rockets and explosives, and that no civilian targets were hit.",
          [O, U], [], "Defence Ministry", "official claim denied in the next sentence"),
        u("The Salt Hills Movement, which has fought for autonomy for the region since 2019, denied storing weapons in Harsk and said the drone had struck a row of vegetable stalls.",
          [U], [], "Salt Hills Movement", "armed non-state group is not official; 'denied'"),
        u("A spokesman for the group, who gave his name only as Kadir, said by phone that eight of the dead were children.",
          [U], [], "Kadir (Salt Hills Movement)", "armed group's claim; next sentence flags it as unverifiable"),
        u("Neither side's account could be independently verified, and journalists have been barred from the area since the army declared a security zone there in March.",
          [U], [], None, "verification statement; not a hedge"),
        u("Mourners carry the coffin of a man killed in the drone strike in Harsk on Sunday.",
          [], [], None, "photo caption"),
        u("Brig. Gen. Aurel Stanek, a military spokesman, told a news conference in the capital, Orsin, on Sunday that the rebels had \"a long record of hiding weapons among civilians.\"",
          [O], [], "Aurel Stanek", "military spokesman; abbreviations 'Brig. Gen.' are inside the unit",
          [U]),
        u("He said, without providing evidence, that rocket launchers had been moved into the warehouse days before the strike.",
          [O, U], [], "Aurel Stanek", "'he said' continuation; 'without providing evidence'"),
        u("Some of the people killed may have been fighters guarding the site, he added.",
          [O, H], ["may"], "Aurel Stanek", "'may have been'; doubted by residents next",
          [U]),
        u("Two residents reached by telephone said they had seen no weapons at the market.",
          [], [], "residents", "witnesses; implicitly contradicts the army",
          [U]),
        u("\"There were only tomatoes and women with children.",
          [], [], "Lidia Moran", "witness quotation part 1"),
        u("Where are the rockets?\" said Lidia Moran, 34, who was selling bread when the drone hit.",
          [], [], "Lidia Moran", "'?\" said' does not end the sentence; rhetorical doubt of the army",
          [U]),
        u("The drone was reportedly launched from an air base about 40 kilometres south of Harsk.",
          [H], ["reportedly"], None, "'reportedly'; 'about' is a numeric bound"),
        u("The United Nations human rights office said it was \"deeply alarmed\" by the reports and called for a prompt and independent investigation.",
          [O], [], "United Nations human rights office", "intergovernmental body"),
        u("The Civilian Harm Monitor, a London-based group that tracks casualties in the conflict, said it had documented at least 212 civilian deaths from drone strikes in the region this year, more than in the whole of 2023.",
          [], [], "Civilian Harm Monitor", "NGO, not official; 'at least'/'more than' are not hedges"),
        u("Analysts say both sides have strong reasons to shape the narrative after the strike.",
          [E], [], "analysts", "unnamed analysts"),
        u("Jonas Varga, a conflict researcher at the Baltic Institute for Security Studies, said the strike was likely to deepen distrust of the government among residents of the north, whatever its target had been.",
          [E, H], ["likely"], "Jonas Varga", "researcher; 'likely'"),
        u("\"It is possible that the army hit what it intended to hit and that civilians were there anyway.",
          [E, H], ["possible"], "Jonas Varga", "'possible'"),
        u("Both things can be true at once,\" Varga said.",
          [E], [], "Jonas Varga", "'can' is not a listed hedge"),
        u("\"What matters now is whether anyone is allowed in to look.\"",
          [E], [], "Jonas Varga", "quotation continues after the attribution"),
    ])

# ---------------------------------------------------------------- 4 election
ART["lorvania-election-challenge"] = dict(
    credits=["Petra Lind / AP"],
    units=[
        u("Opposition rejects Lorvania election result, alleging fraud",
          [U], [], "opposition", "'rejects' and 'alleging fraud' dispute the result; opposition leader is not an office holder"),
        u("The electoral commission declared President Anton Velic the winner with 54% of the vote, but his challenger says the count was rigged.",
          [O, U], [], "electoral commission; challenger", "official result contested in the same sentence"),
        u("Lorvania's Central Electoral Commission said on Monday that President Anton Velic had won a third term with 54.2% of the vote in Sunday's election, while his main rival, Mara Ostrel, received 41.7%.",
          [O, U], [], "Central Electoral Commission", "official result rejected in the next sentence"),
        u("Ostrel, a former central bank governor who leads the opposition Civic Renewal alliance, rejected the result and accused the government of stuffing ballot boxes in at least four provinces.",
          [U], [], "Mara Ostrel", "former official, now a partisan: not official; 'accused'"),
        u("\"We have videos, we have photographs and we have the testimony of our observers,\" Ostrel told supporters in the capital, Dravec, on Monday night.",
          [U], [], "Mara Ostrel", "same party's claim continued; denied by the government"),
        u("\"This election was stolen in the dark, after the polls closed.",
          [U], [], "Mara Ostrel", "quotation continues to the next paragraph (no closing quote)"),
        u("\"We will not accept it, and we will take this evidence to the courts and to the streets.\"",
          [], [], "Mara Ostrel", "whole-paragraph quotation; a statement of intent",
          [U]),
        u("Government spokesman Ivo Dracek denied the allegations, saying the vote had been \"the most transparent in our history\" and that the opposition \"cannot accept that people voted against them.\"",
          [O, U], [], "Ivo Dracek", "'denied'; 'cannot' is not a hedge"),
        u("Supporters of opposition candidate Mara Ostrel protest outside the Central Electoral Commission in Dravec on Monday.",
          [], [], None, "photo caption"),
        u("An observer mission from the Council of Southern States, an intergovernmental body, said voting had been largely orderly but that it had received credible reports of vote-buying and of pressure on public sector workers.",
          [O], [], "Council of Southern States observer mission", "intergovernmental body"),
        u("The mission said it was unclear whether the irregularities could have changed the outcome.",
          [O, H], ["unclear", "could have"], "Council of Southern States observer mission", "'unclear'; 'could have' = possibility"),
        u("Clear Count, an independent domestic monitoring group that deployed 3,000 observers, said its parallel tally suggested Velic had won between 49% and 53% of the vote, possibly short of the 50% needed to avoid a runoff.",
          [H, U], ["suggested", "possibly"], "Clear Count", "NGO monitor, not official; dismissed in the next sentence"),
        u("The commission dismissed the group's figures as \"unscientific\" and said only its own count was legally binding.",
          [O, U], [], "Central Electoral Commission", "'dismissed' casts doubt on the NGO figures"),
        u("Political analysts said the gap between the two counts would be at the centre of any court challenge.",
          [E], [], "political analysts", "unnamed analysts"),
        u("Elena Morrow, a professor of comparative politics at the University of Halden, told the Meridian News Agency that Lorvania's courts had never overturned a national election result.",
          [E], [], "Elena Morrow", "academic"),
        u("\"The courts here are not independent in any meaningful sense.",
          [E], [], "Elena Morrow", "quotation part 1"),
        u("The opposition probably knows it will lose, but it needs a record,\" Morrow said.",
          [E, H], ["probably"], "Elena Morrow", "'probably'"),
        u("\"And it must keep its supporters off the streets if it wants foreign governments to take the complaint seriously.\"",
          [E], [], "Elena Morrow", "'must' = obligation, not a hedge"),
        u("The Constitutional Court is expected to rule on any challenge within 14 days of it being filed.",
          [H], ["expected to"], None, "'expected to'"),
        u("Several thousand opposition supporters gathered outside the commission's headquarters on Monday evening, according to witnesses and activists.",
          [], [], "witnesses and activists", "not official sources"),
        u("Police said 23 people had been detained after scuffles and that some of them had allegedly thrown stones at officers.",
          [O, H], ["allegedly"], "police", "'allegedly'"),
        u("State broadcaster LTV showed footage of Velic thanking voters at his campaign headquarters and did not mention the fraud allegations.",
          [], [], "LTV (state broadcaster)", "state media reporting is not official",
          [O]),
    ])

# ---------------------------------------------------------------- 5 water scare
ART["pellas-water-scare"] = dict(
    credits=["Anton Riis / Reuters"],
    units=[
        u("Scientists challenge ministry's assurance that Pellas tap water is safe",
          [O, E, U], [], "scientists; Health Ministry", "ministry's assurance (official) challenged by scientists (expert)"),
        u("Tests by university researchers found lead at up to four times the legal limit in household taps, but the Health Ministry says its own samples show no danger.",
          [O, E, U], [], "university researchers; Health Ministry",
          "research findings and the ministry's claim set against each other; 'up to' is not a hedge",
          [U]),
        u("Health Ministry officials said on Thursday that drinking water in the mining town of Pellas was safe, despite a study by independent scientists that found lead levels above the national limit in more than a third of the homes tested.",
          [O, E, U], [], "Health Ministry officials", "ministry claim, doubted by the scientists (same-party claim continues next sentence)"),
        u("The ministry said its laboratory had tested 120 samples from the municipal supply since January and found none above the permitted level of 10 micrograms per litre.",
          [O, U], [], "Health Ministry", "official claim; next sentence casts doubt on it"),
        u("But the scientists cast doubt on those results, saying the ministry had sampled water at the treatment plant rather than from household taps, where old lead pipes were the likely source of contamination.",
          [E, H, U], ["likely"], "independent scientists", "'cast doubt'; 'likely'"),
        u("The study, by a team from the Sorell Institute of Public Health, tested water from 86 homes in Pellas in April and May and found concentrations of up to 41 micrograms per litre, according to a copy seen by reporters.",
          [E], [], "Sorell Institute team", "research findings"),
        u("Tobias Wren, an environmental chemist at the Sorell Institute who led the study, said children were especially at risk because their bodies absorb lead more easily than adults' do.",
          [E], [], "Tobias Wren", "academic researcher"),
        u("\"There is no safe level of lead for a child.",
          [E], [], "Tobias Wren", "quotation part 1"),
        u("We are not saying there is an emergency in every house, but parents need to know what is coming out of their taps,\" Wren said.",
          [E], [], "Tobias Wren", "'need to' = obligation, not a hedge"),
        u("He said the pattern of results suggested that corroded service pipes, rather than the copper mine above the town, were the main source.",
          [E, H], ["suggested"], "Tobias Wren", "'suggested' as inference"),
        u("A woman fills bottles from a water tanker in Pellas on Wednesday.",
          [], [], None, "photo caption"),
        u("At least 17 children from Pellas have been treated at the regional hospital in Arvel since March for symptoms including stomach pain, fatigue and anaemia, according to hospital records reviewed by a local newspaper, the Pellas Herald.",
          [], [], "Pellas Herald", "journalists' reporting of records; 'At least' is not a hedge"),
        u("It was unclear how many of them had elevated levels of lead in their blood.",
          [H], ["unclear"], None, "'unclear'"),
        u("Deputy Health Minister Corin Aldana said the children's symptoms were \"most likely\" caused by a seasonal stomach virus and that blood tests had been ordered for all of them.",
          [O, H], ["likely"], "Corin Aldana", "deputy minister; 'most likely'"),
        u("\"There is no doubt that our water meets every standard,\" Aldana told a news conference.",
          [O], [], "Corin Aldana", "'no doubt' is a booster, not a hedge"),
        u("An estimated 4,000 homes in Pellas were built before 1970, when lead pipes were still in common use, according to the town council.",
          [O, H], ["estimated"], "town council", "local government; 'an estimated'"),
        u("A group of parents, backed by the environmental group Clean Valley, accused the ministry of trying to protect the Pellas Copper Company, the town's largest employer.",
          [U], [], "parents; Clean Valley", "activists/parents are not official; 'accused', denied next"),
        u("The ministry denied the accusation, and the company said in a statement that its operations had \"no connection\" to the town's water supply.",
          [O, U], [], "Health Ministry; Pellas Copper Company", "'denied'; company statement is not official"),
        u("The World Health Organization says there is no known safe level of lead in children's blood.",
          [O], [], "World Health Organization", "intergovernmental body"),
        u("Wren said further tests might show that the problem extends to neighbouring towns built in the same period, but that his team had no funding to carry them out.",
          [E, H], ["might"], "Tobias Wren", "'might'"),
        u("Clean Valley said it had started a public appeal to pay for them.",
          [], [], "Clean Valley", "environmental group, not official"),
    ])

# ---------------------------------------------------------------- 6 cyberattack
ART["norvale-port-cyberattack"] = dict(
    credits=["Karl Odin / AP"],
    units=[
        u("Norvale blames Kestria-backed hackers for attack that froze its ports",
          [O, U], [], "Norvale government", "headline states an official accusation, denied in the dek"),
        u("Kestria denied any involvement and said the accusation was part of a smear campaign.",
          [O, U], [], "Kestria (foreign government)", "foreign government; 'denied'"),
        u("Norvale's government said on Wednesday that a hacking group working for Kestria's military intelligence was behind a cyberattack that halted cargo handling at the country's three largest ports for nearly two days last week.",
          [O, U], [], "Norvale government", "official attribution; same party's claim continues and is denied"),
        u("Interior Minister Selma Brandt told parliament that investigators had traced the attack to a group known as Grey Heron, which she said had used login credentials stolen from a logistics contractor to plant malicious software in the ports' scheduling systems.",
          [O, U], [], "Selma Brandt", "minister; denied in the next sentence"),
        u("Kestria's Foreign Ministry denied the accusation, calling it \"baseless\" and saying Norvale had offered no evidence.",
          [O, U], [], "Kestria Foreign Ministry", "'denied'; 'offered no evidence'"),
        u("Brandt did not say how investigators had reached their conclusion, and her ministry declined to release technical details, citing the continuing investigation.",
          [U], [], None, "verification marker (no details given); says what the ministry did not say",
          [O]),
        u("A senior Norvalian security official, speaking on condition of anonymity to discuss intelligence matters, said the attackers had probably been inside the network for at least three months before they struck.",
          [O, H], ["probably"], "senior Norvalian security official (anonymous)", "'probably'; 'at least' is not a hedge",
          [U]),
        u("Trucks queue outside the container terminal at the port of Vessen on Friday.",
          [], [], None, "photo caption"),
        u("The attack initially appeared to be a ransomware operation, because the attackers left a note demanding payment in cryptocurrency, according to the port operator, Norvale Port Services.",
          [H], ["appeared to"], "Norvale Port Services", "'appeared to'; port operator is a company"),
        u("But Hana Lisowski, head of threat research at Ostwick Security, a private firm that helped the operator restore its systems, said the note might have been a decoy, since no decryption key was offered and data on the servers was wiped rather than encrypted.",
          [E, H], ["might"], "Hana Lisowski", "private-sector researcher; 'might'"),
        u("\"The code we found shares features with tools previously linked to Grey Heron.",
          [E], [], "Hana Lisowski", "quotation part 1"),
        u("But tools can be copied, sold or stolen, and attribution is a judgment, not a fact,\" Lisowski said.",
          [E], [], "Hana Lisowski", "'can' = ability; implicitly questions the attribution",
          [U]),
        u("Other researchers cast doubt on how quickly the government had reached its conclusion, noting that similar investigations elsewhere had taken months.",
          [E, U], [], "other researchers", "unnamed researchers; 'cast doubt'"),
        u("Shipping companies said hundreds of containers of perishable goods had spoiled, and losses were estimated at about 80 million euros, according to the national chamber of commerce.",
          [H], ["estimated"], "shipping companies; national chamber of commerce", "'estimated'; 'about' is not a hedge; not official"),
        u("Kestria's state news agency quoted an unnamed defence source as saying that Norvale was \"inventing enemies\" to justify higher military spending.",
          [O], [], "unnamed Kestrian defence source (via state news agency)", "state media quoting a defence source's statement",
          [O]),
        u("Norvalian officials have also blamed Grey Heron for a suspected cyberattack on a water utility in the northern city of Harlen in February, in which no one was hurt.",
          [O, H], ["suspected"], "Norvalian officials", "'suspected'; 'blamed' is an accusation",
          [U]),
        u("The Northern Maritime Alliance, a regional security bloc that includes Norvale, said it stood \"in full solidarity\" with its member and would consider a collective response.",
          [O], [], "Northern Maritime Alliance", "intergovernmental body"),
        u("Brandt said the government would announce \"proportionate measures\" in the coming days.",
          [O], [], "Selma Brandt", "minister"),
        u("Analysts say publicly naming the group may be intended as much for domestic audiences as for Kestria.",
          [E, H], ["may"], "analysts", "unnamed analysts; 'may'"),
    ])


def build():
    for slug, spec in ART.items():
        text = (HERE / f"{slug}.txt").read_text(encoding="utf-8")
        pos = 0
        out = []
        for i, unit in enumerate(spec["units"], 1):
            start = text.find(unit["text"], pos)
            if start < 0:
                raise SystemExit(f"{slug}: unit {i} not found after {pos}: {unit['text'][:60]!r}")
            end = start + len(unit["text"])
            pos = end
            rec = {"id": f"{slug}-{i:03d}", "text": unit["text"], "start": start, "end": end,
                   "labels": unit["labels"], "hedge_cues": unit["hedge_cues"],
                   "source": unit["source"], "note": unit["note"], "optional": unit["optional"]}
            out.append(rec)
        with open(HERE / f"{slug}.gold.jsonl", "w", encoding="utf-8") as fh:
            for rec in out:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        bp = []
        for credit in spec["credits"]:
            start = text.find(credit)
            assert start >= 0 and text.find(credit, start + 1) < 0, credit
            bp.append({"text": credit, "start": start, "end": start + len(credit), "reason": "photo credit"})
        with open(HERE / f"{slug}.boilerplate.jsonl", "w", encoding="utf-8") as fh:
            for rec in bp:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        print(f"{slug}: {len(out)} units, {len(bp)} boilerplate")


if __name__ == "__main__":
    build()
