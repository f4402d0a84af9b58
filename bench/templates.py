"""Sentence templates for synthetic articles; ``{slot}`` names are filled by ``bench.corpus.ArticleWriter``."""

from __future__ import annotations

# ---------------------------------------------------------------------------
# Article writing
# ---------------------------------------------------------------------------

LEADS: dict[str, tuple[str, ...]] = {
    "talks": (
        "{p0} {when} held {adj} talks with {his0} {d1} counterpart {p1} in {city}, focusing on {topic0} and {topic1}.",
        "{p0} and {p1} {when} agreed to deepen cooperation in {topic0} after {adj} talks in {city}.",
        "{d0} and {d1} defence chiefs met in {city} {when}, with {p0} pressing {p1} on {topic0}.",
        "{p0}, who is on a {visitlen} visit to {cityc}, {when} met {p1} for {adj} talks on {topic0}.",
        "{c0} and {c1} {when} pledged to expand {topic0} as {p0} held talks with {p1} in {city}.",
    ),
    "arms_deal": (
        "{c0} {when} signed a {money} deal to buy {units} {eq} from {c1}, {p0} said in {city}.",
        "{p0} {when} announced that {c0} would acquire {units} {eq}, in a deal worth about {money}.",
        "{c0} is close to finalising the purchase of {units} {eq} from {o0}, {source} said {when}.",
        "The {d0} government {when} cleared the acquisition of {units} {eq} at an estimated cost of {money}.",
    ),
    "exercise": (
        "The navies of {c0} and {c1} {when} began the {ev} in the {region}, with {units} warships taking part.",
        "Troops from {c0} and {c1} {when} launched {ev}, a joint exercise focused on {topic0}, near {city}.",
        "{ev}, the {ordinal} edition of the joint drills between {c0} and {c1}, got under way {when} in the {region}.",
        "{d0} and {d1} forces {when} opened {ev} off {city}, with {ship} leading the {d0} contingent.",
    ),
    "summit": (
        "Leaders of the {o1} {when} gathered in {city} for the {ev}, with {topic0} high on the agenda.",
        "{p0} and {p1} {when} met on the sidelines of the {ev} in {city} and discussed {topic0}.",
        "The {ev} opened in {city} {when} as {p0} called for closer cooperation on {topic0}.",
    ),
    "commissioning": (
        "{ship}, a guided-missile frigate built with {d1} help, was {when} commissioned into the {d0} navy at {city}.",
        "{p0} {when} attended the commissioning of {ship} at {city}, calling it a milestone for {topic0}.",
        "The {d0} navy {when} inducted {ship} in the presence of {p0} at a ceremony in {city}.",
    ),
    "missile_test": (
        "{c0} {when} successfully test-fired a {eq} from a site near {city}, the defence ministry said.",
        "{c0} {when} carried out a test of its {eq}, which officials said hit a target {km} km away.",
        "{p0} {when} congratulated scientists after {c0} tested an extended-range {eq} off {city}.",
    ),
    "delivery": (
        "{p0} {when} pressed {c1} to expedite the supply of the remaining units of {eq} during talks with {p1} in {city}.",
        "{c0} {when} urged {c1} to speed up delayed deliveries of {eq}, {source} said in {city}.",
        "{p1} {when} assured {p0} that the remaining {eq} would be delivered {future}.",
    ),
    "sanctions": (
        "{c0} {when} imposed sanctions on {units} companies from {c1}, accusing them of supplying parts for {eq}.",
        "{c1} {when} condemned new {d0} sanctions targeting its defence industry and vowed to respond.",
        "The {d0} government {when} widened sanctions against {d1} entities, {p0} said in {city}.",
    ),
    "border": (
        "Senior commanders of {c0} and {c1} {when} held the {ordinal} round of talks to ease tensions along the {region}.",
        "{c0} {when} accused {c1} of moving about {troops} troops closer to the {region}, {source} said.",
        "{p0} {when} said the situation along the {region} was 'stable but sensitive' after talks in {city}.",
    ),
    "contract": (
        "{o0} {when} won a {money} contract from the {d0} defence ministry for {units} {eq}.",
        "The {d0} defence ministry {when} signed a contract worth {money} with {o0} for the supply of {eq}.",
        "{p3} said {when} that {o0} would deliver the first {eq} to {c0} {future}.",
    ),
    "trade": (
        "{c0} and {c1} {when} signed a trade agreement aimed at lifting bilateral trade by {pct}, {p0} said in {city}.",
        "{p0} and {p1} {when} concluded talks in {city} on the {ev}, covering {topic0} and {topic1}.",
        "Trade ministers of {c0} and {c1} {when} agreed to cut tariffs on {units} categories of goods.",
    ),
    "energy": (
        "{c0} and {c1} {when} signed a long-term energy deal worth {money}, {p0} said after talks in {city}.",
        "{p0} {when} told {p1} that {c0} wanted stable supplies of oil and gas at fair prices.",
        "The {ev} {when} produced agreements on {topic0} and nuclear energy, officials said in {city}.",
    ),
}

GENERIC: tuple[str, ...] = (
    "During the talks, the two sides reviewed the full range of bilateral ties, including {topic0} and {topic1}, {source} said.",
    "{p1} said {c1} remained committed to its partnership with {c0}, describing relations as 'time-tested and trusted'.",
    "Officials said the two sides agreed to set up a joint working group on {topic2} that will meet {month}.",
    "{source_cap} said the discussions on {topic0} were 'candid' and that both sides had agreed to meet again {future}.",
    "{pv} is on a {visitlen} visit to {cityc} and is also expected to meet {p2} before returning home.",
    "The {d0} delegation included senior officials of the {ministry0} and the armed forces.",
    "Both sides welcomed progress on {topic1} and agreed to explore new areas of cooperation, including {topic2}.",
    "{p1s} noted the 'good level' of cooperation between the two countries in multilateral formats, including the {o1}.",
    "The two countries have held regular consultations on {topic0} since a framework agreement was signed in {year_before}.",
    "Analysts said the visit signalled {c0s} intent to balance its ties with major powers amid growing tensions in the {region}.",
    "{p1s} told reporters that {c1} would host the next round of talks {future}.",
    "The visit comes weeks after {p2} spoke by phone with {his2} counterpart {month_last}.",
    "{c0} and {c1} established diplomatic relations decades ago and have since built close ties in defence and energy.",
    "The talks covered regional developments, including the situation in the {region}, {source} said.",
    "A joint statement issued after the meeting said both sides would 'work closely' on {topic1}.",
    "{p0s} also briefed {p1s} on {c0s} position on the {region}, {source} said.",
    "The two sides signed {units} memorandums of understanding, covering {topic1} and {topic2}.",
    "Observers in {cap0} said the outcome was modest but that the tone of the talks had improved.",
    "It was the {ordinal} meeting between officials of the two countries at this level, according to the {ministry1}.",
    "{c1s} {ministry1} said in a statement that the talks had been held in a 'constructive atmosphere'.",
    "{p2} is expected to discuss the outcome with {p0s} {later}.",
    "Relations between {c0} and {c1} have grown steadily, although differences remain over {topic2}.",
    "Opposition lawmakers in {cap0} questioned the cost of the plan and asked for details to be placed before parliament.",
    "Earlier in the day, {p0s} laid a wreath at a war memorial in {city} and inspected a guard of honour.",
    "{pv} arrived in {city} on {weekday_before} and was received at the airport by senior officials of the {ministry1}.",
    "Diplomats said the meeting had been planned for months but was postponed twice {month_last}.",
)

BY_KIND: dict[str, tuple[str, ...]] = {
    "talks": (
        "The meeting was held under the framework of the {ev}, which was co-chaired by {p0s} and {p1s}.",
        "{p0s} said {c0} was open to joint production of military hardware with partners willing to share technology.",
        "The two ministers also discussed the {eq} programme and ways to speed up pending deliveries.",
        "{p1s} congratulated {p0s} on the commissioning of {ship} {month_last}.",
        "The talks lasted more than {units} hours, {source} said, longer than scheduled.",
        "According to the {ministry0}, {p0s} showcased new opportunities for {d1} industry in {c0}.",
    ),
    "arms_deal": (
        "The deal, if finalised, would be one of the largest defence purchases by {c0} in recent years.",
        "{o0} has said it is ready to transfer technology and set up a production line in {c0}.",
        "The agreement also provides for training of personnel and the supply of spare parts over the next {units} years.",
        "The {eqs} will replace ageing aircraft and equipment that have been in service for decades, officials said.",
        "The cabinet committee on security is expected to give final approval {future}.",
        "Price negotiations were concluded after nearly {units} months, {source} said.",
        "The contract was first discussed on the sidelines of {ev}, {source} said.",
    ),
    "exercise": (
        "The exercise includes anti-submarine warfare drills, air defence serials and a sea phase in the {region}.",
        "{ship} and {units} other warships are taking part, along with maritime patrol aircraft and helicopters.",
        "The drills are aimed at improving interoperability between the two forces and sharing best practices, officials said.",
        "The last edition of the exercise was held {month_last}, off the coast of {city2}.",
        "About {troops} personnel are taking part in the land phase, which ends {later}.",
        "The harbour phase includes professional exchanges, sports fixtures and visits to each other's ships.",
        "{c1} has sent {eqs} for the first time, in a sign of growing trust, {source} said.",
    ),
    "summit": (
        "Leaders are expected to adopt a joint declaration on {topic0} at the end of the two-day meeting.",
        "The {o1} has expanded its membership in recent years and now accounts for a large share of global output.",
        "Security was tight in {city}, with roads closed around the venue for most of the day.",
        "The summit's final communique called for restraint in the {region} and for talks on {topic1}.",
        "{p2} used the summit to hold bilateral meetings with at least {units} leaders, {source} said.",
        "Next year's summit will be hosted by {c1}, organisers said.",
    ),
    "commissioning": (
        "The ship is equipped with {eqs} and an advanced sonar suite, and has a crew of about {units}0 sailors.",
        "The commissioning comes amid an expansion of naval activity in the {region}, analysts said.",
        "{ship} was built at a shipyard in {city2} and completed sea trials {month_last}.",
        "The navy plans to induct {units} more warships of the same class by {year_after}.",
        "{ship} will be based at {city} and assigned to the western fleet, officials said.",
    ),
    "missile_test": (
        "The test was conducted from a mobile launcher and all mission objectives were met, the ministry said in a statement.",
        "{c0} has conducted several tests of the system {month_last} as part of its effort to build a credible deterrent.",
        "Radar and telemetry stations tracked the missile along its {km}-km flight path, officials said.",
        "{c1} said it was monitoring the test closely and urged restraint.",
        "The system is expected to enter service with the armed forces by {year_after}.",
    ),
    "delivery": (
        "{c1} has already completed delivery of part of the order, but the remaining units have been delayed, {source} said.",
        "The delay in supply of the remaining {eqs} has been attributed to disruptions in supply chains.",
        "The original contract for the {eqs}, worth about {money}, was signed in {year_before}.",
        "{p0s} also called for carrying out maintenance and related services of the {eqs} in {c0}.",
        "According to {source}, the remaining {eqs} are expected to arrive {future}.",
        "The {eqs} form a mainstay of {c0s} air defence, officials said.",
    ),
    "sanctions": (
        "The sanctions freeze any assets the companies hold under {d0} jurisdiction and bar dealings with them.",
        "The {d1} foreign ministry called the measures 'illegal and unilateral' and said {c1} reserved the right to respond.",
        "The new listings bring the number of sanctioned {d1} entities to more than {units}0, {source} said.",
        "Western officials say components for the {eqs} have reached {c1} through third countries.",
        "{p1s} said the sanctions would not change {c1s} policy.",
    ),
    "border": (
        "Tensions along the {region} have remained high since a clash between patrols {month_last}.",
        "Both sides agreed to maintain peace and tranquillity and to continue talks through military and diplomatic channels.",
        "Satellite images have shown new roads and shelters on both sides of the {region}, analysts said.",
        "The talks were held at a border meeting point and lasted about {units} hours.",
        "{p0s} said disengagement at the remaining friction points was 'the immediate priority'.",
    ),
    "contract": (
        "The contract includes a provision for local manufacturing, with {units} per cent of components to be made in {c0}.",
        "Shares of {o0} rose {pct} after the announcement, according to market data.",
        "{o0} said the first {eqs} would be delivered within {units} months of signing.",
        "The order follows field trials that lasted more than a year, {source} said.",
        "{p3} described {c0} as 'a key market' for {o0}.",
    ),
    "trade": (
        "Bilateral trade between {c0} and {c1} stood at about {money} last year, official data show.",
        "The agreement is expected to come into force {future} after ratification by both parliaments.",
        "Business groups in {cap0} welcomed the deal but said rules of origin needed more work.",
        "The two sides also agreed to settle part of their trade in local currencies.",
        "Farm products and pharmaceuticals remained sticking points in the negotiations, {source} said.",
    ),
    "energy": (
        "{c0} imports a large share of its crude oil, and has been looking to lock in long-term supplies.",
        "The two ministers also discussed cooperation in renewable energy and green hydrogen.",
        "Officials said the {ev} would be held every year, alternating between {cap0} and {cap1}.",
        "The deal covers the supply of liquefied natural gas for {units} years starting {year_after}.",
        "Oil prices have been volatile {month_last}, prompting importers to seek fixed-price contracts.",
    ),
}

QUOTES: tuple[str, ...] = (
    "We are committed to further strengthening our partnership in {topic0}",
    "Our relationship is very strong and has stood the test of time",
    "This agreement will give a necessary impetus to {topic0} between our two countries",
    "We discussed ways to deepen cooperation, including in {topic1}",
    "We are always pleased to welcome our {d0} friends",
    "The results of this meeting will serve to deepen our strategic partnership",
    "There is immense potential for joint production and technology transfer",
    "We want a region that is free, open and governed by rules",
    "I am confident that our meeting will help strengthen relations in the field of defence and security",
    "Much remains to be done, but the direction is clear",
    "We have agreed to meet again soon and to keep our teams in close contact",
    "Our cooperation is not directed against any third country",
    "We see {c1} as a reliable partner at a time of great uncertainty",
    "The world is changing fast, and our partnership has to keep pace",
    "We had a very productive meeting and covered a wide range of issues",
    "There were no disagreements on the main questions",
    "Our teams will now work out the details of {topic1}",
    "This visit reflects the priority we attach to relations with {c1}",
)

KIND_QUOTES: dict[str, tuple[str, ...]] = {
    "exercise": ("The exercise shows the high level of trust between our navies",
                 "Such drills make both our forces more capable of responding to crises in the {region}"),
    "border": ("Our priority is peace and stability along the border",
               "Disengagement must be completed before we can talk about anything else"),
    "sanctions": ("These sanctions are illegal and will only harm ordinary people",
                  "Those who supply weapons for aggression will face consequences"),
    "energy": ("Energy security is national security, and this deal gives us predictability",
               "We want stable supplies at fair prices, and our partners understand that"),
    "missile_test": ("The test has validated all the parameters of the system",
                     "This is a proud moment for our scientists"),
    "commissioning": ("This is a milestone for our armed forces and for our industry",
                      "{ship} will strengthen our presence in the {region}"),
    "trade": ("We expect trade between our countries to grow substantially {future}",
              "This agreement opens new markets for our farmers and our industry"),
    "delivery": ("The deliveries will be completed on schedule, and we see no obstacles",
                 "We expect the remaining units to arrive {future}"),
    "arms_deal": ("We are ready to supply more, and to build them together in {c0}",
                  "This deal will transform the capabilities of our air force"),
    "contract": ("{c0} is a key market for us, and we are here for the long term",
                 "We will deliver on time and with a high share of local content"),
}

QUOTE_FORMS: tuple[str, ...] = (
    '"{q}," said {sp}.',
    '"{q}," {sp} said.',
    '"{q}," {sp} told reporters in {city}.',
    '{sp} said: "{q}."',
    '"{q}," {sp} said in a statement, adding that talks would continue.',
    '"{q}," {sp} posted on X after the meeting.',
    '{sp} told a news conference in {city} that "{q}".',
    '"{q}," {sp} said at a joint press briefing.',
)

CLOSERS: tuple[str, ...] = (
    "The two sides are expected to meet again {future}.",
    "{p0s} is scheduled to return to {cap0} {later}.",
    "Officials said a follow-up meeting would be held {future} to review progress.",
    "Neither side gave a timeline for the next round of talks.",
    "The ministry did not respond to a request for comment.",
    "Further details of the agreement were not made public.",
    "{p2} is expected to visit {cap1} {future} for an annual summit.",
    "The talks will resume {future}, {source} said.",
)

COMBO_SUBJECT = ("The two sides", "{c0}", "{c1}", "{p0s}", "{p1s}", "Officials from both countries",
                 "The {d0} side", "The {d1} delegation", "Both governments", "Senior officials")
COMBO_VERB = ("agreed to expand", "discussed ways to strengthen", "stressed the importance of",
              "called for closer coordination on", "reviewed progress on", "pledged to deepen",
              "proposed a new framework for", "expressed concern over delays in", "sought greater clarity on",
              "underlined the need for", "welcomed recent steps on", "agreed to fast-track work on")
COMBO_OBJECT = ("{topic0}", "{topic1}", "{topic2}", "cooperation in {topic0}", "joint projects in {topic1}",
                "the {eqs} programme", "the {ev}", "regional security in the {region}", "the roadmap on {topic2}")
COMBO_TAIL = ("", "", ", {source} said", " over the next {units} years", " in the {region}",
              ", according to a readout of the meeting", ", the {ministry0} said", " {future}",
              ", a move analysts described as significant", ", though no deadline was set")

THE_COUNTRIES = frozenset({"United States", "United Kingdom", "United Arab Emirates", "Philippines"})

SUBHEADS = ("Deepening Defence Ties", "Strategic Partnership", "What Was Agreed", "Background", "Regional Context",
            "Industrial Cooperation", "The Road Ahead", "Delayed Deliveries", "Reactions")
