"""The word lists that type entity names: titles, head nouns, cues, particles.

Pure data (lower-cased frozensets), kept apart from the extraction logic in
:mod:`generator.entities`.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


TITLE_HEADS = _words(
    """president presidents minister ministers secretary secretaries chancellor premier king queen
    prince princess pope general gen colonel col lt lieutenant major maj admiral adm captain capt
    commander cmdr marshal sergeant sgt senator sen representative rep congressman congresswoman
    governor gov mayor judge justice mr mrs ms miss dr prof professor sir dame lord lady sheikh emir
    sultan chairman chairwoman chairperson director ceo ambassador envoy spokesman spokeswoman
    spokesperson coach commissioner speaker bishop cardinal ayatollah president-elect officer executive"""
)
TITLE_WORDS = TITLE_HEADS | _words(
    """union defence defense foreign home finance interior external affairs prime vice deputy chief
    former acting senior junior federal state cabinet trade commerce health education labour labor
    energy agriculture environment transport culture sports information economy industry navy army
    air staff executive managing operating financial technology attorney crown grand supreme
    national general-secretary secretary-general first lady of"""
)
ORG_HEADS = _words(
    """organisation organization commission council committee ministry department agency bureau
    authority office union alliance league association party army navy force forces police bank
    university college institute institution foundation fund corporation corp inc inc. ltd ltd. llc
    plc co company group holdings industries airlines airways commonwealth parliament congress senate
    assembly court tribunal club fc times post journal network board secretariat government
    administration directorate command corps regiment brigade fleet academy school hospital
    laboratory laboratories labs centre center society trust exchange reserve federation coalition
    movement front kremlin pentagon motors electric house"""
)
PLACE_HEADS = _words(
    """square street road avenue bridge ocean sea strait straits gulf bay river lake mountains
    mountain mount island islands valley region province district county peninsula desert canal
    airport port harbour harbor park coast basin plateau highlands strip heights hills city
    territory territories"""
)
EVENT_HEADS = _words(
    """summit exercise exercises parade agreement treaty accord accords pact programme program
    initiative games olympics olympiad cup championship championships open conference expo
    exhibition festival war wars revolution declaration convention dialogue election elections
    referendum day memorial tomb monument cenotaph ceremony marathon tournament prix plan operation
    scheme campaign protocol charter doctrine award awards prize fair week act"""
)
ORG_OR_EVENT = ORG_HEADS | EVENT_HEADS
ANY_HEAD = ORG_OR_EVENT | PLACE_HEADS | TITLE_WORDS
OF_HEADS = TITLE_HEADS | ORG_HEADS | PLACE_HEADS | EVENT_HEADS | _words("republic kingdom state isle cape")
PARTICLES = _words("de da del della di du van von der den bin ibn al la le dos das")
SHIP_PREFIXES = _words("INS USS HMS HMAS HMCS RFS PNS SS MV RV FS")
EVENT_CUES = _words(
    """summit exercise exercises agreement treaty accord pact programme program initiative scheme
    campaign project projects vision mission games festival conference"""
)
EQUIPMENT_CUES = _words(
    """missile missiles rifle rifles tank tanks aircraft jet jets fighter fighters helicopter
    helicopters drone drones submarine submarines frigate frigates destroyer destroyers warship
    warships launcher launchers satellite satellites rocket rockets howitzer howitzers smartphone
    smartphones"""
)
NOT_ACRONYMS = _words(
    """gdp ceo cfo pm mp tv ai it id ok am bc ad dna hiv aids cctv fdi vat ipo etf ngo suv ev uav
    faq usb pdf url api ii iii iv vi vii viii ix xi"""
)
NOUN_SUFFIXES = ("ship", "tion", "sion", "ment", "ness", "ity", "ism", "ance", "ence", "ive", "ing", "ous")
ORDINALS = _words("first second third")
CUES = EVENT_CUES | EQUIPMENT_CUES
CORPORATE = _words("inc corp ltd plc llc co company corporation group holdings ag sa gmbh")
MONTHS_DAYS = _words(
    """january february march april june july august september october november december jan feb mar
    apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday"""
)
