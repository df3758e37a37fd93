"""Builds the dev-contested articles (.txt) and their gold annotations (.gold.jsonl,
.boilerplate.jsonl) from the hand-written unit list below.

Each article is a list of blocks; a block is a list of units, written on one line
(units separated by single spaces). Blocks are separated by one newline for the
headline/dek, and by a blank line elsewhere. The caption block ends with a credit,
which is boilerplate, not a unit.
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
H, O, E, U = "hedge", "official", "expert", "unverified"


def S(text, labels=(), cues=(), source=None, note="", optional=()):
    return dict(text=text, labels=list(labels), hedge_cues=list(cues), source=source,
                note=note, optional=list(optional))


ARTICLES = {}

# ---------------------------------------------------------------- 1. AP, election
MAM = "Julián Mamani Choque"
TRIB = "Aroma Valley Electoral Tribunal"
ARTICLES["bolivia-mayoral-count"] = dict(
    headline=S("Opposition challenger rejects result of razor-thin mayoral vote in Bolivian city",
               [U], source=MAM, note="'rejects' is a dispute marker applied to the result; the result's content is not stated, so not official"),
    dek=S("Election officials say the incumbent won by 312 votes, but his rival alleges that ballot boxes from three rural precincts were tampered with before the count.",
          [O, U], source="election officials; " + MAM, note="official tally set against the rival's allegation in the same sentence"),
    blocks=[
        [S("LA PAZ, Bolivia (AP) — The opposition candidate for mayor of the city of Villa Serrano refused Tuesday to accept official results showing he had lost by 312 votes, saying ballot boxes from three rural precincts had been opened before they reached the counting center.",
           [O, U], source=MAM, note="official result reported in a clause; refusal to accept it is a dispute; his claim is flagged by AP two sentences on (same-party block)")],
        [S("\"They broke the seals in the middle of the night and thought nobody would notice,\" Julián Mamani Choque told reporters outside the city's electoral office.",
           [U], source=MAM, note="candidate's claim; next sentence says AP could not verify it"),
         S("\"We have photographs, we have witnesses, and we will not sign anything until every one of those boxes is opened in front of observers.\"",
           [U], source=MAM, note="continuation of the same claim, immediately followed by the verification flag")],
        [S("Mamani did not make the photographs public, and The Associated Press could not independently verify his account.",
           [U], note="explicit verification marker")],
        [S("The Aroma Valley Electoral Tribunal, which oversees voting in the municipality, said the final tally gave incumbent Mayor Arturo Benítez Salazar 48.6% of the vote to 48.2% for Mamani, with the rest split among three minor candidates.",
           [O], source=TRIB, note="state electoral body's figures", optional=[U]),
         S("Tribunal president Silvia Condori Rojas said boxes from the three precincts, in the farming communities of Quellopata, Sirpa Alta and Huaycho Chico, had arrived with their seals intact and were counted in front of delegates from all five parties.",
           [O, U], source="Silvia Condori Rojas", note="tribunal's account; the next sentence contends a delegate was ordered out"),
         S("\"The chain of custody was respected at every step,\" she said.",
           [O, U], source="Silvia Condori Rojas", note="same claim as previous sentence, neighbour contends otherwise")],
        [S("Mamani's party, Alianza Ciudadana, contends that its delegate in Sirpa Alta was ordered out of the counting room for nearly two hours on election night.",
           [U], source="Alianza Ciudadana", note="'contends'; contradicts the tribunal's account before it; party is partisan, not official"),
         S("The tribunal said it had no record of any complaint being filed that night.",
           [O], source=TRIB, note="official response; itself not clearly contested", optional=[U])],
        [S("Fernanda Ayaviri, a political scientist at the Universidad Andina del Sur who studies municipal elections, said margins that narrow were not unusual in Bolivian local races and that disputes over rural ballot boxes had become common.",
           [E], source="Fernanda Ayaviri", note="academic commentary"),
         S("\"The system has safeguards, but they depend on party delegates actually being in the room,\" she said.",
           [E], source="Fernanda Ayaviri", note="expert quote"),
         S("\"If a delegate was kept out, that could be legitimate grounds for a review.\"",
           [E, H], ["could"], source="Fernanda Ayaviri", note="expert quote; epistemic 'could'")],
        [S("A mission from the Civic Observatory for Democracy, a nonpartisan monitoring group, said in a preliminary statement that it had found no irregularities serious enough to change the outcome but had received \"several credible reports\" of delays in moving ballots from remote precincts.",
           [], source="Civic Observatory for Democracy", note="NGO: neither official nor expert; not itself contested"),
         S("The group is expected to publish its full report next week.",
           [H], ["expected to"], note="'expected to'")],
        [S("Benítez, a former teachers' union leader seeking a second term, dismissed Mamani's allegations as \"a desperate invention\" and said he would respect whatever the tribunal decided.",
           [U], source="Arturo Benítez Salazar", note="'dismissed ... allegations': dispute marker; a sitting mayor speaking as candidate", optional=[O])],
        [S("Mamani's supporters have kept a vigil outside the tribunal's offices since Sunday night, and the party said it would formally challenge the results from the three precincts by Wednesday.",
           [U], source="Alianza Ciudadana", note="'challenge the results': dispute marker"),
         S("Under the tribunal's rules, it has 72 hours to respond to such a challenge.",
           [], note="procedural background")],
    ],
    caption=[S("Supporters of opposition mayoral candidate Julián Mamani Choque gather outside the electoral tribunal in Villa Serrano, Bolivia, on Monday.",
               [], note="descriptive caption")],
    credit="(AP Photo/Ricardo Lazo Vera)",
    caption_after=None,  # None = at the end
)

# ---------------------------------------------------------------- 2. Reuters, border clash
TMD = "Tarsenian Defence Ministry"
VGS = "Velmoran General Staff"
ARTICLES["border-clash-casualties"] = dict(
    headline=S("Tarsenia and Velmora trade casualty claims after overnight border clash",
               [U], source="Tarsenia; Velmora", note="'trade claims' is a listed dispute marker; figures not given",
               optional=[O]),
    dek=S("Each side said it had repelled an attack by the other and inflicted heavy losses, but neither offered evidence for its figures.",
          [O, U], source="Tarsenia; Velmora", note="governments' claims; 'neither offered evidence'"),
    blocks=[
        [S("KORVAN, Tarsenia, May 14 (Reuters) - Tarsenia and Velmora accused each other on Wednesday of starting an overnight firefight along their disputed mountain border, with each side's military claiming to have killed dozens of the other's soldiers.",
           [O, U], source="Tarsenia; Velmora", note="'accused each other'; militaries' claims")],
        [S("Tarsenia's defence ministry said its troops had repelled an assault on a border post near the village of Drasek shortly after 2 a.m. (2300 GMT), killing 41 Velmoran soldiers and destroying two armoured vehicles.",
           [O, U], source=TMD, note="ministry claim; the Velmoran account that follows the same-party block says no such assault took place"),
         S("It said four Tarsenian soldiers had been wounded and none killed.",
           [O, U], source=TMD, note="same-party block, immediately contradicted by the next sentence")],
        [S("Velmora's general staff said no such assault had taken place and that Tarsenian infantry had crossed the line of contact first, trying to seize a ridge overlooking the Drasek road.",
           [O, U], source=VGS, note="'no such assault had taken place' contradicts the neighbouring Tarsenian claim"),
         S("It said Velmoran units had killed \"at least 30 attackers\" and lost three of their own soldiers.",
           [O, U], source=VGS, note="same-party claim; next sentence says it could not be verified ('at least' is not a hedge)")],
        [S("Reuters could not independently verify either side's account, and neither government allowed journalists into the area on Wednesday.",
           [U], note="explicit verification marker")],
        [S("Residents of Drasek reached by telephone said the shelling began before midnight and continued for several hours.",
           [], source="residents", note="witnesses; timing conflicts with the Tarsenian account three sentences earlier", optional=[U]),
         S("One woman, who asked not to be named for fear of reprisals, said she had seen at least six ambulances driving toward the border post at dawn.",
           [], source="resident", note="witness; 'at least' is a numeric bound")],
        [S("Ana Brecko, who researches the conflict at the Halden Institute for Peace Studies in Oslo, said she treated the figures from both capitals \"with great caution\".",
           [E, U], source="Ana Brecko", note="researcher casts doubt on both sides' figures"),
         S("\"Both militaries have a long record of announcing enemy losses that later turn out to be a fraction of what they claimed,\" she said.",
           [E], source="Ana Brecko", note="expert quote continuing the doubt", optional=[U]),
         S("\"The real toll is probably in single digits on each side, but we may not know for weeks.\"",
           [E, H], ["probably", "may"], source="Ana Brecko", note="'probably', epistemic 'may'", optional=[U])],
        [S("The clash appears to be the most serious since the two countries fought a six-week war over the Drasek valley in 2011, which ended in a regionally brokered ceasefire.",
           [H], ["appears to"], note="'appears to'"),
         S("The border has never been formally demarcated, and skirmishes flare up most summers.",
           [], note="background")],
        [S("The Council of Highland States, the regional bloc that brokered that truce, on Wednesday called for an immediate halt to the fighting and offered to send monitors to the area.",
           [O], source="Council of Highland States", note="intergovernmental body")],
        [S("Tarsenian Foreign Minister Lidia Varro said her government would welcome monitors \"because the facts are on our side.\"",
           [O], source="Lidia Varro", note="foreign minister's statement"),
         S("Velmora's foreign ministry did not respond to a request for comment.",
           [], note="non-response: no content of a statement")],
    ],
    caption=[S("A Tarsenian armoured vehicle moves along a road near the village of Drasek, close to the border with Velmora, in this handout picture released on May 14.",
               [], note="descriptive caption"),
             S("Tarsenia's defence ministry said its troops repelled a Velmoran assault in the area overnight.",
               [O], source=TMD, note="ministry claim; contested in the body, not next to the caption", optional=[U])],
    credit="Tarsenian Defence Ministry/Handout via REUTERS",
    caption_after=2,  # after the second body block
)

# ---------------------------------------------------------------- 3. Guardian, pollution
CC = "Caldmoor Chemicals"
ARTICLES["river-lenn-fish-deaths"] = dict(
    headline=S("Chemical firm denies causing mass fish deaths in Shropshire river",
               [U], source=CC, note="'denies'; company is not an official source"),
    dek=S("Anglers blame discharges from Caldmoor Chemicals for killing thousands of trout and grayling, but the company insists its permit limits were never breached",
          [U], source="anglers; " + CC, note="blame set against 'insists' in the same sentence"),
    blocks=[
        [S("A chemical manufacturer has denied responsibility for a pollution incident that killed thousands of fish along a five-mile stretch of the River Lenn in Shropshire, despite accusations from residents that a foul-smelling discharge was seen coming from its site days before the fish died.",
           [U], source=CC, note="'denied', 'accusations'")],
        [S("Anglers first reported dead fish near the village of Ashby Moreton on 3 August, and by the end of the week volunteers had pulled more than 4,000 brown trout, grayling and bullhead from the water, according to the Lenn Valley Angling Association.",
           [], source="Lenn Valley Angling Association", note="club figures, not contested; 'more than' is a numeric bound")],
        [S("‘We watched brown foam pouring out of the outfall pipe below the Caldmoor works on the Tuesday night, and by Thursday the river was full of dead fish,’ said Gareth Pryce, the association’s secretary.",
           [U], source="Gareth Pryce", note="witness claim; the next sentences (company) deny any release"),
         S("‘I’ve fished this river for 40 years and I’ve never seen anything like it.’",
           [], source="Gareth Pryce", note="same speaker's quote, adjacent to the company's denial but not itself the contested claim", optional=[U])],
        [S("Caldmoor Chemicals, which makes industrial solvents at a plant outside Ashby Moreton, said it had ‘found no evidence of any release’ from the site and that all its discharges in August had been within the limits set by its environmental permit.",
           [U], source=CC, note="company denial contradicting the neighbouring witness claim"),
         S("‘We take our environmental responsibilities extremely seriously and are cooperating fully with the regulator,’ a spokesperson said.",
           [], source=CC, note="company boilerplate statement; same party as the denial", optional=[U])],
        [S("The Environment Protection Directorate, the government body that regulates the plant, said its officers had taken water samples upstream and downstream of the site and that results were expected to be available within a fortnight.",
           [O, H], ["expected to"], source="Environment Protection Directorate", note="state regulator; 'expected to'"),
         S("A spokesperson said it was not yet clear what had caused the fish kill and that other sources, including run-off from nearby farms, had not been ruled out.",
           [O, H], ["not yet clear"], source="Environment Protection Directorate", note="regulator; 'not (yet) clear'")],
        [S("Dr Helen Marsh, a freshwater ecologist at the University of the Marches who has studied the Lenn for a decade, said the pattern of deaths – concentrated in the stretch immediately below the Caldmoor outfall – suggested a single point source rather than diffuse farm pollution.",
           [E, H], ["suggested"], source="Helen Marsh", note="academic; inferential 'suggested'"),
         S("‘Farm run-off after heavy rain can kill fish, but it usually does so over a much wider area,’ she said.",
           [E], source="Helen Marsh", note="expert quote; 'can' is general capacity, not a listed cue"),
         S("‘Until the sample results are published, though, it is not clear exactly what happened.’",
           [E, H], ["not clear"], source="Helen Marsh", note="'not clear'")],
        [S("The local MP, Sarah Linwood, said she had written to both the company and the regulator demanding answers.",
           [O], source="Sarah Linwood", note="legislator's statement"),
         S("Caldmoor was fined £120,000 in 2019 after pleading guilty to an unpermitted discharge into a tributary of the Lenn, court records show.",
           [], note="documentary background")],
        [S("The company said the 2019 case was ‘entirely unrelated’ and that it had since spent £3m upgrading its wastewater treatment.",
           [], source=CC, note="company claim, not contested")],
        [S("Pryce said the association was considering legal action.",
           [], source="Gareth Pryce", note="plain report"),
         S("‘Somebody has to be held accountable for this,’ he said.",
           [], source="Gareth Pryce", note="opinion")],
    ],
    caption=[S("Volunteers remove dead fish from the River Lenn near Ashby Moreton.",
               [], note="descriptive caption")],
    credit="Photograph: Tom Ellery/The Guardian",
    caption_after=1,
)

# ---------------------------------------------------------------- 4. NBC, police shooting
CFPD = "Carrow Falls Police Department"
ARTICLES["carrow-falls-shooting"] = dict(
    headline=S("Witnesses dispute police account of fatal shooting in Ohio city",
               [U], source="witnesses", note="'dispute'; police account's content not stated"),
    dek=S("Police say Darnell Okafor pointed a handgun at officers; two people who saw the encounter say he was holding a phone.",
          [O, U], source=CFPD + "; witnesses", note="police claim set directly against witness claim"),
    blocks=[
        [S("CARROW FALLS, Ohio — Two people who witnessed a fatal police shooting here over the weekend say the man who was killed was holding a cellphone, not a gun, contradicting the police department's account of the encounter.",
           [U], source="witnesses", note="'contradicting'; the police account is mentioned without content")],
        [S("Darnell Okafor, 27, was shot at least four times by an officer outside a convenience store on Halstead Avenue shortly before 11 p.m. Saturday, according to the Carrow Falls Police Department.",
           [O], source=CFPD, note="police-supplied facts; not the disputed point")],
        [S("In a statement Sunday, the department said officers responding to a 911 call about a man \"waving a firearm\" found Okafor in the store's parking lot and ordered him several times to drop a weapon.",
           [O, U], source=CFPD, note="police claim; same-party block contradicted by the witness sentence that follows it"),
         S("It said Okafor raised a black handgun toward one of the officers, who fired.",
           [O, U], source=CFPD, note="same-party block"),
         S("Police said a gun was recovered at the scene.",
           [O, U], source=CFPD, note="same-party block, next sentence begins 'But' with a contrary account")],
        [S("But Tanya Reyes, who said she was pumping gas about 30 feet away, told NBC News that Okafor had his phone in his hand and appeared to be filming the officers.",
           [U, H], ["appeared to"], source="Tanya Reyes", note="witness contradicts the police claim before it; 'appeared to'"),
         S("\"He was holding it up like this, recording them,\" Reyes said, lifting her own phone.",
           [U], source="Tanya Reyes", note="same witness claim"),
         S("\"He never pointed anything at anybody.\"",
           [U], source="Tanya Reyes", note="same witness claim, denies police account")],
        [S("A second witness, a store employee who asked not to be named because he feared losing his job, gave a similar account.",
           [U], source="store employee", note="witness claim flagged by the next sentence"),
         S("NBC News could not verify either witness's account, and the department declined to say whether the gun it recovered was found in Okafor's hand or elsewhere at the scene.",
           [U], note="explicit verification marker")],
        [S("Police Chief Raymond Hollis said at a news conference Monday that the officer, whom he did not name, had been placed on paid administrative leave, as is standard.",
           [O], source="Raymond Hollis", note="police chief"),
         S("\"I understand the community has questions, and I want answers too,\" Hollis said.",
           [O], source="Raymond Hollis", note="police chief quote"),
         S("\"But I would ask people not to rush to judgment before all the facts are in.\"",
           [O], source="Raymond Hollis", note="police chief quote"),
         S("Hollis said the officer's body camera was switched on during the encounter but that the footage would not be released while the state investigation was ongoing.",
           [O], source="Raymond Hollis", note="police chief")],
        [S("Marcus Whitfield, a former police lieutenant who now teaches criminal justice at Lakeshore State University, said the footage was likely to be decisive.",
           [E, H], ["likely"], source="Marcus Whitfield", note="academic; 'likely'"),
         S("\"Witness memory in a fast, frightening event is notoriously unreliable, but so are initial police statements,\" he said.",
           [E], source="Marcus Whitfield", note="expert; general doubt about both kinds of account", optional=[U]),
         S("\"The video may settle this in a way nobody's testimony can.\"",
           [E, H], ["may"], source="Marcus Whitfield", note="epistemic 'may'")],
        [S("Okafor's family, through their attorney, Lena Brandt, said he did not own a gun and had no criminal record.",
           [U], source="Lena Brandt", note="contradicts the police claim; same-party block whose next sentence is denied by police"),
         S("\"The police story has already changed once,\" Brandt said, pointing to an initial department post on Facebook that said only that \"an armed suspect\" had been shot and made no mention of a gun being pointed at officers.",
           [U, O], source="Lena Brandt", note="attorney casts doubt on police; content of the department's post is reported; denied by the next sentence"),
         S("A department spokesperson said the first post was \"preliminary\" and that claims the account had changed were \"simply not true.\"",
           [O, U], source=CFPD, note="'not true': explicit dispute")],
        [S("The shooting is being investigated by the Ohio Office of Independent Investigations, which reviews police use of deadly force in the state.",
           [], note="background, no statement content"),
         S("About 200 people attended a vigil for Okafor on Halstead Avenue on Sunday night.",
           [], note="'about' is a numeric bound")],
    ],
    caption=[S("People hold candles at a vigil for Darnell Okafor on Halstead Avenue in Carrow Falls, Ohio, on Sunday.",
               [], note="descriptive caption")],
    credit="Jenna Morales / NBC News",
    caption_after=2,
)

# ---------------------------------------------------------------- 5. AFP, viral video
ILA = "Renato Ilagan"
ARTICLES["viral-bridge-video"] = dict(
    headline=S("Officials say viral Philippine bridge-collapse video is old, but uploader insists it is new",
               [O, U], source="provincial officials; uploader", note="official claim set against 'insists'"),
    dek=S("The clip, viewed more than three million times, was shared as footage from Typhoon Dalisay, but AFP found a near-identical video posted online in 2019.",
          [U], note="circulated claim contradicted within the sentence by AFP's finding"),
    blocks=[
        [S("MANILA, Philippines (AFP) - A video of a concrete bridge collapsing into a swollen river, shared widely this week as footage from a typhoon-hit province in the northern Philippines, was filmed years before the storm, provincial officials said Wednesday.",
           [O, U], source="provincial officials", note="officials contradict the circulated claim; neighbour gives the page's contrary caption")],
        [S("The 42-second clip, which shows onlookers screaming as a section of the bridge slides into brown floodwater, was first posted on Monday by a Facebook page called \"Balitang Norte Live\" with a caption saying it showed the Bucal River bridge in Nueva Salcedo province giving way during Typhoon Dalisay.",
           [U], source="Balitang Norte Live", note="the page's claim, contradicted by the neighbouring sentence"),
         S("It has since been shared more than 60,000 times and viewed over three million times on Facebook, TikTok and X.",
           [], note="reach figures")],
        [S("\"The Bucal bridge is still standing,\" said Renato Ilagan, the disaster risk reduction officer for Nueva Salcedo province, in a telephone interview with AFP.",
           [O, U], source=ILA, note="provincial official; same-party block contradicted by the uploader in the next sentence after the block"),
         S("\"I drove across it this morning.\"",
           [O, U], source=ILA, note="same official's claim block"),
         S("\"This video is not from our province, and it is not from this typhoon.\"",
           [O, U], source=ILA, note="same block; next sentence: uploader stands by the post")],
        [S("The administrator of the page, who identified himself only as Jun, told AFP in a message that the video had been sent to him by a follower on Monday and that he stood by the post.",
           [U], source="Jun (page administrator)", note="contradicts the official; next sentence notes no evidence"),
         S("\"Many people are saying it is real,\" he wrote, without providing the name of the person who filmed it or any other evidence.",
           [U], source="Jun (page administrator)", note="'without providing ... evidence'")],
        [S("A reverse image search by AFP found a near-identical video, showing the same bridge railings, the same roadside billboard and the same yellow tricycle, posted on YouTube in October 2019 with a title describing a bridge collapse in the neighbouring province of Sierra Baraka after heavy rain.",
           [U], note="reports the 2019 title's location claim, which the next sentence says AFP could not confirm"),
         S("AFP could not determine where the original footage was filmed, and the account that posted it in 2019 did not respond to a request for comment.",
           [U], note="verification marker")],
        [S("Carmela Soriano, a disinformation researcher at the Pacific Institute for Media Studies in Quezon City, said recycled disaster footage was one of the most common forms of misinformation during the typhoon season.",
           [E], source="Carmela Soriano", note="researcher"),
         S("\"Old videos spread fastest in the first hours of a disaster, when people are frightened and official information is thin,\" she said.",
           [E], source="Carmela Soriano", note="expert quote"),
         S("\"By the time a correction comes out, the clip may already have been seen millions of times.\"",
           [E, H], ["may"], source="Carmela Soriano", note="epistemic 'may'")],
        [S("Typhoon Dalisay made landfall on Sunday night, and the national disaster agency said on Wednesday that at least 14 people had been killed and more than 30,000 displaced.",
           [O], source="national disaster agency", note="state agency figures"),
         S("Several bridges in Nueva Salcedo were reported damaged, but none had collapsed, according to the provincial government.",
           [O, H], ["were reported"], source="Nueva Salcedo provincial government", note="agentless 'were reported'; official; conflicts with the viral claim only far away", optional=[U])],
        [S("By Wednesday afternoon, the original post carried a \"missing context\" label added by an independent fact-checking partner, but it had not been removed.",
           [], note="status of the post; the label flags context, not a specific claim", optional=[U])],
    ],
    caption=[S("This screengrab from a video posted on Facebook on Monday shows a bridge collapsing into a flooded river; provincial officials say the footage is several years old.",
               [O], source="provincial officials", note="official claim in caption; the contrary claim is in the body", optional=[U])],
    credit="(Photo by Handout / Facebook / AFP)",
    caption_after=None,
)

# ---------------------------------------------------------------- 6. BBC, leaked report
MIN = "Portuguese infrastructure ministry"
ARN = "Agência Rodoviária Nacional"
ARTICLES["alvarenga-viaduct-report"] = dict(
    headline=S("Portugal denies leaked report that motorway viaduct is unsafe",
               [O, U], source=MIN, note="government denial stated in headline"),
    dek=S("An engineering assessment seen by the BBC warns of serious corrosion in the structure's supports, but ministers say it is an outdated draft.",
          [O, U], source=MIN + "; " + ARN, note="state agency document against ministers' claim"),
    blocks=[
        [S("Portugal's infrastructure ministry has rejected a leaked engineering report which warns that a busy motorway viaduct north of Lisbon may need to be closed for emergency repairs.",
           [O, U, H], ["may"], source=MIN, note="'rejected'; epistemic 'may' in the report's warning")],
        [S("The 38-page assessment, dated March and marked \"confidential\", was prepared by engineers at the state roads agency, Agência Rodoviária Nacional (ARN), and has been seen by the BBC.",
           [], note="describes the document, not its content"),
         S("It says corrosion in the steel reinforcement of at least three of the Alvarenga viaduct's 14 piers is \"significantly more advanced than previously recorded\".",
           [O, U], source=ARN, note="state agency's findings; rejected by the ministry in the next sentence after the block"),
         S("It recommends that lorries be banned from the structure \"without delay\" and that a full closure be considered if further tests confirm the findings.",
           [O, U], source=ARN, note="same document; neighbour calls it a superseded draft")],
        [S("In a statement, the ministry said the document was \"an early draft that has since been superseded\" and that a further inspection in May had found the viaduct \"safe for all traffic\".",
           [O, U], source=MIN, note="ministry contests the neighbouring report; start of a same-party block later flagged as unpublished"),
         S("It accused unnamed individuals of leaking \"incomplete information that needlessly alarms the public\".",
           [O, U], source=MIN, note="'accused'")],
        [S("Infrastructure Minister Rui Catarino told reporters in Lisbon on Thursday that there was \"no risk whatsoever\" to drivers.",
           [O, U], source="Rui Catarino", note="same-party claim; next sentences flag the inspection as unpublished"),
         S("\"The viaduct is safe, and I drive over it myself every week,\" he said.",
           [O, U], source="Rui Catarino", note="same block, followed by the evidence flag"),
         S("The ministry has not published the May inspection and did not respond when the BBC asked to see it.",
           [U], note="no evidence offered for the ministry's claim")],
        [S("An engineer who worked on the March assessment, speaking on condition of anonymity because they were not authorised to talk to the media, told the BBC that no second inspection of the piers had been carried out.",
           [U], source="anonymous ARN engineer", note="contradicts the ministry; flagged as unverifiable two sentences later (same source)", optional=[O]),
         S("\"The numbers in that report have not changed,\" the engineer said.",
           [U], source="anonymous ARN engineer", note="same claim, next sentence: unable to verify", optional=[O]),
         S("The BBC has been unable to independently verify the engineer's account.",
           [U], note="verification marker")],
        [S("Prof Inês Valadares, a structural engineer at the Instituto Superior de Engenharia do Tejo who was not involved in the assessment, said corrosion of the kind described in the leaked report could progress quickly once it reached the main reinforcement.",
           [E, H], ["could"], source="Inês Valadares", note="academic; epistemic 'could'"),
         S("\"It does not mean the bridge is about to fall down,\" she said.",
           [E], source="Inês Valadares", note="expert quote"),
         S("\"But if confirmed, findings like these would normally lead engineers to restrict heavy vehicles as a precaution.\"",
           [E, H], ["if confirmed"], source="Inês Valadares", note="'if confirmed'")],
        [S("Carla Teixeira Mota, an opposition MP who sits on parliament's public works committee, said she would ask for the minister to appear before the committee and called on the government to publish both inspections in full.",
           [O], source="Carla Teixeira Mota", note="legislator"),
         S("\"If the viaduct is safe, the government should have nothing to hide,\" she said.",
           [O], source="Carla Teixeira Mota", note="legislator; insinuates doubt without a dispute marker", optional=[U])],
        [S("About 45,000 vehicles cross the viaduct every day, according to ARN, including thousands of lorries travelling between Lisbon and the north of the country.",
           [O], source=ARN, note="state agency figure; 'about' is a numeric bound")],
    ],
    caption=[S("Traffic on the Alvarenga viaduct north of Lisbon, which the government insists is safe for all vehicles.",
               [O, U], source=MIN, note="'insists' marks the government's position as contested")],
    credit="Getty Images",
    caption_after=1,
)


def build(slug, art):
    parts = []  # list of (kind, unit-or-str)
    # assemble blocks as lists of strings with positions
    text = ""
    units = []
    boiler = []

    def add_units(unit_list):
        nonlocal text
        for i, u in enumerate(unit_list):
            if i:
                text += " "
            start = len(text)
            text += u["text"]
            units.append((start, len(text), u))

    add_units([art["headline"]])
    text += "\n"
    add_units([art["dek"]])
    blocks = art["blocks"]
    for bi, block in enumerate(blocks):
        text += "\n\n"
        add_units(block)
        if art["caption_after"] == bi + 1:
            text += "\n\n"
            add_units(art["caption"])
            text += " "
            s = len(text)
            text += art["credit"]
            boiler.append(dict(text=art["credit"], start=s, end=len(text), reason="photo credit"))
    if art["caption_after"] is None:
        text += "\n\n"
        add_units(art["caption"])
        text += " "
        s = len(text)
        text += art["credit"]
        boiler.append(dict(text=art["credit"], start=s, end=len(text), reason="photo credit"))
    text += "\n"

    gold = []
    for n, (s, e, u) in enumerate(units, 1):
        assert not set(u["labels"]) & set(u["optional"]), (slug, u["text"])
        gold.append(dict(id=f"{slug}-{n:03d}", text=u["text"], start=s, end=e,
                         labels=u["labels"], hedge_cues=u["hedge_cues"], source=u["source"],
                         note=u["note"], optional=u["optional"]))
    with open(os.path.join(HERE, slug + ".txt"), "w", encoding="utf-8") as f:
        f.write(text)
    with open(os.path.join(HERE, slug + ".gold.jsonl"), "w", encoding="utf-8") as f:
        for g in gold:
            f.write(json.dumps(g, ensure_ascii=False) + "\n")
    with open(os.path.join(HERE, slug + ".boilerplate.jsonl"), "w", encoding="utf-8") as f:
        for b in boiler:
            f.write(json.dumps(b, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    for slug, art in ARTICLES.items():
        build(slug, art)
        print("wrote", slug)
