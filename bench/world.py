"""The benchmark world's fixed data: real countries and cities, name pools, organisations, equipment."""

from __future__ import annotations

from dataclasses import dataclass

# ---------------------------------------------------------------------------
# The world: real countries and cities, invented-but-plausible people.
# ---------------------------------------------------------------------------

NAME_POOLS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "indian": (("Rajesh", "Anil", "Sunita", "Vikram", "Priya", "Arvind", "Meera", "Sanjay", "Kavita", "Rohit",
                "Deepak", "Anjali", "Manoj", "Suresh", "Nirmala", "Ashok", "Pooja", "Harish", "Lakshmi", "Gaurav"),
               ("Sharma", "Verma", "Iyer", "Menon", "Chauhan", "Reddy", "Nair", "Kulkarni", "Bhatia", "Rao",
                "Mehta", "Joshi", "Pillai", "Malhotra", "Deshmukh", "Saxena", "Chopra", "Banerjee", "Gupta", "Kapoor")),
    "russian": (("Sergei", "Andrei", "Dmitry", "Yuri", "Alexei", "Nikolai", "Mikhail", "Olga", "Valentina", "Igor",
                 "Pavel", "Viktor", "Tatiana", "Oleg", "Boris", "Yelena", "Konstantin", "Roman"),
                ("Ivanov", "Volkov", "Sokolov", "Morozov", "Petrov", "Lebedev", "Kozlov", "Novikov", "Orlov",
                 "Zakharov", "Fedorov", "Smirnov", "Kuznetsov", "Pavlov", "Belov", "Tarasov", "Gromov", "Nikitin")),
    "english": (("James", "Sarah", "Michael", "Emily", "Robert", "Laura", "David", "Karen", "Thomas", "Rachel",
                 "Daniel", "Susan", "Mark", "Jennifer", "Richard", "Amanda", "Steven", "Helen", "Paul", "Grace"),
                ("Mitchell", "Harrison", "Caldwell", "Brennan", "Whitaker", "Hughes", "Fletcher", "Dawson",
                 "Sullivan", "Prescott", "Reynolds", "Holloway", "Bennett", "Garrison", "Lawson", "Thornton",
                 "Wallace", "Ashford", "Carver", "Donovan")),
    "french": (("Jean", "Claire", "Antoine", "Sophie", "Laurent", "Camille", "Olivier", "Isabelle", "Pierre",
                "Nathalie", "Julien", "Sandrine"),
               ("Dubois", "Lefebvre", "Moreau", "Girard", "Fontaine", "Rousseau", "Lambert", "Mercier",
                "Bonnet", "Chevalier", "Garnier", "Marchand")),
    "german": (("Klaus", "Annalena", "Markus", "Katrin", "Stefan", "Ursula", "Jens", "Petra", "Florian",
                "Sabine", "Matthias", "Heike"),
               ("Schneider", "Becker", "Hoffmann", "Wagner", "Richter", "Vogel", "Krause", "Neumann",
                "Schulz", "Hartmann", "Brandt", "Keller")),
    "chinese": (("Wei", "Li", "Jun", "Hua", "Ming", "Xiaoping", "Jian", "Yan", "Hong", "Lei", "Qiang", "Ying"),
                ("Zhang", "Wang", "Liu", "Chen", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun", "Ma", "Guo")),
    "japanese": (("Hiroshi", "Yuki", "Takeshi", "Akiko", "Kenji", "Naomi", "Satoshi", "Emi", "Daisuke", "Mariko"),
                 ("Tanaka", "Suzuki", "Takahashi", "Watanabe", "Nakamura", "Kobayashi", "Yamamoto", "Sato",
                  "Kimura", "Hayashi")),
    "korean": (("Min-jun", "Seo-yeon", "Ji-hoon", "Hye-jin", "Dong-hyun", "Eun-ji", "Sung-ho", "Ji-woo"),
               ("Kim", "Park", "Choi", "Jung", "Kang", "Yoon", "Jang", "Lim")),
    "arabic": (("Mohammed", "Ahmed", "Khalid", "Fatima", "Omar", "Yousef", "Layla", "Hassan", "Abdullah",
                "Nasser", "Salma", "Tariq", "Faisal", "Rania"),
               ("Al-Rashid", "Al-Mansouri", "Haddad", "Khoury", "Al-Farsi", "Nasr", "Al-Otaibi", "Saleh",
                "Al-Hashimi", "Darwish", "Aziz", "Qasim")),
    "turkish": (("Mehmet", "Ayse", "Mustafa", "Emine", "Hakan", "Zeynep", "Yusuf", "Elif"),
                ("Yilmaz", "Demir", "Kaya", "Celik", "Aydin", "Ozturk", "Arslan", "Dogan")),
    "persian": (("Ali", "Reza", "Maryam", "Hossein", "Mahmoud", "Zahra", "Javad", "Parisa"),
                ("Hosseini", "Rezaei", "Karimi", "Moradi", "Jafari", "Rahimi", "Sadeghi", "Tehrani")),
    "spanish": (("Carlos", "Lucia", "Javier", "Elena", "Miguel", "Carmen", "Andres", "Isabel", "Diego", "Paula"),
                ("Garcia", "Fernandez", "Lopez", "Martinez", "Ramirez", "Torres", "Navarro", "Herrera",
                 "Castillo", "Ortega")),
    "portuguese": (("Joao", "Ana", "Paulo", "Beatriz", "Rafael", "Mariana", "Tiago", "Fernanda"),
                   ("Silva", "Santos", "Oliveira", "Souza", "Costa", "Pereira", "Almeida", "Carvalho")),
    "african": (("Kwame", "Amina", "Chukwuemeka", "Wanjiru", "Oluwaseun", "Thabo", "Ngozi", "Kofi", "Zanele",
                 "Babatunde"),
                ("Okafor", "Mensah", "Adeyemi", "Kariuki", "Nkosi", "Abubakar", "Otieno", "Dlamini", "Eze",
                 "Boateng")),
    "indonesian": (("Budi", "Siti", "Agus", "Dewi", "Joko", "Retno", "Prabowo", "Wulan"),
                   ("Santoso", "Wijaya", "Kusuma", "Hidayat", "Setiawan", "Pratama", "Nugroho", "Sutanto")),
    "vietnamese": (("Nguyen Van", "Tran Thi", "Le Minh", "Pham Quoc"),
                   ("Hung", "Lan", "Tuan", "Binh", "Duc", "Thanh")),
    "slavic": (("Oleksandr", "Andrzej", "Katarzyna", "Tomasz", "Olena", "Piotr", "Iryna", "Marek", "Dmytro",
                "Agnieszka"),
               ("Kowalski", "Shevchenko", "Nowak", "Bondarenko", "Wisniewski", "Kovalenko", "Zielinski",
                "Tkachenko", "Lewandowski", "Melnyk")),
    "nordic": (("Erik", "Ingrid", "Lars", "Astrid", "Magnus", "Sigrid", "Henrik", "Karin"),
               ("Lindqvist", "Johansson", "Andersen", "Haugen", "Nieminen", "Larsen", "Berg", "Virtanen")),
    "italian": (("Marco", "Giulia", "Luca", "Francesca", "Giorgio", "Chiara"),
                ("Rossi", "Bianchi", "Ferrari", "Esposito", "Romano", "Conti")),
    "hebrew": (("Yossi", "Noa", "Avi", "Tamar", "Eitan", "Michal"),
               ("Cohen", "Levi", "Mizrahi", "Friedman", "Shapiro", "Ben-David")),
    "pakistani": (("Imran", "Ayesha", "Bilal", "Sana", "Asif", "Nadia"),
                  ("Qureshi", "Malik", "Chaudhry", "Abbasi", "Siddiqui", "Butt")),
}

# Spelling variants that a real corpus carries for the same person.
TRANSLIT = {"Sergei": "Sergey", "Andrei": "Andrey", "Dmitry": "Dmitri", "Yuri": "Yury", "Alexei": "Alexey",
            "Yelena": "Elena", "Tatiana": "Tatyana", "Oleksandr": "Alexander", "Dmytro": "Dmitro",
            "Mohammed": "Mohammad", "Yousef": "Yusuf", "Hossein": "Hussein", "Joao": "João"}


@dataclass(frozen=True)
class Country:
    name: str
    demonym: str
    cities: tuple[str, ...]
    """Capital first."""
    pool: str
    formal: str | None = None
    """The formal name used now and then ("Russian Federation")."""


COUNTRIES: tuple[Country, ...] = (
    Country("India", "Indian", ("New Delhi", "Mumbai", "Bengaluru", "Chennai", "Kochi", "Visakhapatnam"), "indian",
            "Republic of India"),
    Country("Russia", "Russian", ("Moscow", "St Petersburg", "Kaliningrad", "Kazan", "Vladivostok"), "russian",
            "Russian Federation"),
    Country("United States", "American", ("Washington", "New York", "San Diego", "Honolulu", "Norfolk"), "english"),
    Country("United Kingdom", "British", ("London", "Portsmouth", "Edinburgh", "Plymouth"), "english"),
    Country("France", "French", ("Paris", "Toulon", "Brest", "Marseille"), "french", "French Republic"),
    Country("Germany", "German", ("Berlin", "Munich", "Hamburg", "Kiel"), "german"),
    Country("China", "Chinese", ("Beijing", "Shanghai", "Shenzhen", "Qingdao"), "chinese",
            "People's Republic of China"),
    Country("Japan", "Japanese", ("Tokyo", "Yokosuka", "Osaka", "Okinawa"), "japanese"),
    Country("South Korea", "South Korean", ("Seoul", "Busan", "Incheon"), "korean", "Republic of Korea"),
    Country("Saudi Arabia", "Saudi", ("Riyadh", "Jeddah", "Dammam"), "arabic"),
    Country("United Arab Emirates", "Emirati", ("Abu Dhabi", "Dubai"), "arabic"),
    Country("Egypt", "Egyptian", ("Cairo", "Alexandria"), "arabic"),
    Country("Turkey", "Turkish", ("Ankara", "Istanbul", "Izmir"), "turkish", "Turkiye"),
    Country("Iran", "Iranian", ("Tehran", "Bandar Abbas", "Isfahan"), "persian"),
    Country("Israel", "Israeli", ("Jerusalem", "Tel Aviv", "Haifa"), "hebrew"),
    Country("Pakistan", "Pakistani", ("Islamabad", "Karachi", "Lahore"), "pakistani"),
    Country("Australia", "Australian", ("Canberra", "Sydney", "Perth", "Darwin"), "english"),
    Country("Canada", "Canadian", ("Ottawa", "Halifax", "Vancouver"), "english"),
    Country("Brazil", "Brazilian", ("Brasilia", "Rio de Janeiro", "Sao Paulo"), "portuguese"),
    Country("Spain", "Spanish", ("Madrid", "Cartagena", "Rota"), "spanish"),
    Country("Italy", "Italian", ("Rome", "Naples", "Taranto"), "italian"),
    Country("Poland", "Polish", ("Warsaw", "Gdansk", "Krakow"), "slavic"),
    Country("Ukraine", "Ukrainian", ("Kyiv", "Odesa", "Kharkiv", "Lviv"), "slavic"),
    Country("Sweden", "Swedish", ("Stockholm", "Gothenburg", "Karlskrona"), "nordic"),
    Country("Norway", "Norwegian", ("Oslo", "Bergen"), "nordic"),
    Country("Finland", "Finnish", ("Helsinki", "Turku"), "nordic"),
    Country("Indonesia", "Indonesian", ("Jakarta", "Surabaya", "Bali"), "indonesian"),
    Country("Vietnam", "Vietnamese", ("Hanoi", "Ho Chi Minh City", "Da Nang"), "vietnamese"),
    Country("Philippines", "Philippine", ("Manila", "Subic Bay"), "spanish"),
    Country("Mexico", "Mexican", ("Mexico City", "Veracruz"), "spanish"),
    Country("Argentina", "Argentine", ("Buenos Aires", "Cordoba"), "spanish"),
    Country("Nigeria", "Nigerian", ("Abuja", "Lagos"), "african"),
    Country("Kenya", "Kenyan", ("Nairobi", "Mombasa"), "african"),
    Country("South Africa", "South African", ("Pretoria", "Cape Town", "Durban"), "african"),
    Country("Sri Lanka", "Sri Lankan", ("Colombo", "Trincomalee"), "indian"),
    Country("Bangladesh", "Bangladeshi", ("Dhaka", "Chittagong"), "indian"),
    Country("Kazakhstan", "Kazakh", ("Astana", "Almaty"), "russian"),
    Country("Qatar", "Qatari", ("Doha",), "arabic"),
)

REGIONS = ("Indo-Pacific", "South China Sea", "Strait of Hormuz", "Black Sea", "Red Sea", "Baltic Sea",
           "Arctic", "Indian Ocean Region", "Sahel", "Taiwan Strait", "Gulf of Aden", "Eastern Mediterranean",
           "Korean Peninsula", "Line of Actual Control", "Straits of Malacca", "Persian Gulf")

GOV_TITLES = ("President", "Prime Minister", "Foreign Minister", "Defence Minister", "Commerce Minister",
              "Energy Minister", "Finance Minister", "Home Minister", "National Security Adviser")
MIL_TITLES = ("General", "Admiral", "Air Chief Marshal", "Lieutenant General", "Vice Admiral", "Major General")


@dataclass(frozen=True)
class Org:
    name: str
    acronym: str | None
    kind: str
    """ministry, company, alliance, agency, military."""
    country: str | None = None


INTERNATIONAL_ORGS: tuple[Org, ...] = (
    Org("North Atlantic Treaty Organization", "NATO", "alliance"),
    Org("Shanghai Cooperation Organisation", "SCO", "alliance"),
    Org("Association of Southeast Asian Nations", "ASEAN", "alliance"),
    Org("European Union", "EU", "alliance"),
    Org("African Union", "AU", "alliance"),
    Org("Quadrilateral Security Dialogue", "Quad", "alliance"),
    Org("Collective Security Treaty Organisation", "CSTO", "alliance"),
    Org("Gulf Cooperation Council", "GCC", "alliance"),
    Org("International Atomic Energy Agency", "IAEA", "agency"),
    Org("United Nations Security Council", "UNSC", "agency"),
    Org("Group of Twenty", "G20", "alliance"),
    Org("BRICS", None, "alliance"),
    Org("AUKUS", None, "alliance"),
    Org("Organization of the Petroleum Exporting Countries", "OPEC", "alliance"),
    Org("ASEAN Defence Ministers' Meeting-Plus", "ADMM-Plus", "alliance"),
    Org("World Trade Organization", "WTO", "agency"),
    Org("International Monetary Fund", "IMF", "agency"),
    Org("Indian Ocean Rim Association", "IORA", "alliance"),
)

COMPANIES: tuple[Org, ...] = (
    Org("Hindustan Aeronautics Limited", "HAL", "company", "India"),
    Org("Bharat Electronics Limited", "BEL", "company", "India"),
    Org("Defence Research and Development Organisation", "DRDO", "agency", "India"),
    Org("Mazagon Dock Shipbuilders", "MDL", "company", "India"),
    Org("Larsen & Toubro", "L&T", "company", "India"),
    Org("Tata Advanced Systems", "TASL", "company", "India"),
    Org("Lockheed Martin", None, "company", "United States"),
    Org("Boeing", None, "company", "United States"),
    Org("General Dynamics", None, "company", "United States"),
    Org("Northrop Grumman", None, "company", "United States"),
    Org("BAE Systems", None, "company", "United Kingdom"),
    Org("Rolls-Royce", None, "company", "United Kingdom"),
    Org("Rostec", None, "company", "Russia"),
    Org("Rosoboronexport", None, "company", "Russia"),
    Org("United Shipbuilding Corporation", "USC", "company", "Russia"),
    Org("Dassault Aviation", None, "company", "France"),
    Org("Naval Group", None, "company", "France"),
    Org("Thales", None, "company", "France"),
    Org("Airbus", None, "company", "France"),
    Org("Rheinmetall", None, "company", "Germany"),
    Org("ThyssenKrupp Marine Systems", "TKMS", "company", "Germany"),
    Org("Aviation Industry Corporation of China", "AVIC", "company", "China"),
    Org("China State Shipbuilding Corporation", "CSSC", "company", "China"),
    Org("Mitsubishi Heavy Industries", "MHI", "company", "Japan"),
    Org("Hanwha Aerospace", None, "company", "South Korea"),
    Org("Korea Aerospace Industries", "KAI", "company", "South Korea"),
    Org("Israel Aerospace Industries", "IAI", "company", "Israel"),
    Org("Rafael Advanced Defense Systems", "Rafael", "company", "Israel"),
    Org("Elbit Systems", None, "company", "Israel"),
    Org("Baykar", None, "company", "Turkey"),
    Org("Aselsan", None, "company", "Turkey"),
    Org("Embraer", None, "company", "Brazil"),
    Org("Saab", None, "company", "Sweden"),
    Org("Kongsberg", None, "company", "Norway"),
    Org("Fincantieri", None, "company", "Italy"),
    Org("Leonardo", None, "company", "Italy"),
    Org("Navantia", None, "company", "Spain"),
    Org("Saudi Arabian Military Industries", "SAMI", "company", "Saudi Arabia"),
    Org("EDGE Group", None, "company", "United Arab Emirates"),
    Org("Denel", None, "company", "South Africa"),
)


@dataclass(frozen=True)
class Equipment:
    name: str
    short: str
    kind: str
    """Plural noun phrase: "fighter jets"."""
    maker: str
    """Country that builds it."""


EQUIPMENT: tuple[Equipment, ...] = (
    Equipment("S-400 Triumf", "S-400", "surface-to-air missile systems", "Russia"),
    Equipment("Su-30MKI", "Su-30", "multirole fighter jets", "Russia"),
    Equipment("Su-57", "Su-57", "stealth fighter jets", "Russia"),
    Equipment("T-90S", "T-90", "main battle tanks", "Russia"),
    Equipment("Ka-226T", "Ka-226", "utility helicopters", "Russia"),
    Equipment("AK-203", "AK-203", "assault rifles", "Russia"),
    Equipment("F-35A Lightning II", "F-35", "stealth fighter jets", "United States"),
    Equipment("F-16 Block 70", "F-16", "fighter jets", "United States"),
    Equipment("MQ-9B SeaGuardian", "MQ-9B", "long-endurance drones", "United States"),
    Equipment("P-8I Poseidon", "P-8I", "maritime patrol aircraft", "United States"),
    Equipment("AH-64E Apache", "Apache", "attack helicopters", "United States"),
    Equipment("M142 HIMARS", "HIMARS", "rocket artillery systems", "United States"),
    Equipment("MIM-104 Patriot", "Patriot", "air defence batteries", "United States"),
    Equipment("FGM-148 Javelin", "Javelin", "anti-tank missiles", "United States"),
    Equipment("M1A2 Abrams", "Abrams", "main battle tanks", "United States"),
    Equipment("Rafale M", "Rafale", "carrier-based fighter jets", "France"),
    Equipment("Scorpene-class submarine", "Scorpene", "diesel-electric submarines", "France"),
    Equipment("Leopard 2A7", "Leopard 2", "main battle tanks", "Germany"),
    Equipment("IRIS-T SLM", "IRIS-T", "air defence systems", "Germany"),
    Equipment("Eurofighter Typhoon", "Typhoon", "fighter jets", "United Kingdom"),
    Equipment("J-20", "J-20", "stealth fighter jets", "China"),
    Equipment("Type 055 destroyer", "Type 055", "guided-missile destroyers", "China"),
    Equipment("HQ-9B", "HQ-9", "long-range air defence systems", "China"),
    Equipment("K9 Thunder", "K9", "self-propelled howitzers", "South Korea"),
    Equipment("KF-21 Boramae", "KF-21", "fighter jets", "South Korea"),
    Equipment("FA-50", "FA-50", "light combat aircraft", "South Korea"),
    Equipment("Bayraktar TB2", "TB2", "armed drones", "Turkey"),
    Equipment("Iron Dome", "Iron Dome", "short-range air defence systems", "Israel"),
    Equipment("Barak-8", "Barak-8", "surface-to-air missiles", "Israel"),
    Equipment("BrahMos-NG", "BrahMos", "supersonic cruise missiles", "India"),
    Equipment("Tejas Mk1A", "Tejas", "light combat aircraft", "India"),
    Equipment("Pinaka Mk-II", "Pinaka", "multi-barrel rocket launchers", "India"),
    Equipment("Akash-NG", "Akash", "surface-to-air missiles", "India"),
    Equipment("Agni-V", "Agni-V", "intercontinental ballistic missiles", "India"),
    Equipment("Gripen E", "Gripen", "fighter jets", "Sweden"),
    Equipment("NASAMS", "NASAMS", "air defence systems", "Norway"),
    Equipment("C-390 Millennium", "C-390", "transport aircraft", "Brazil"),
    Equipment("A330 MRTT", "A330 MRTT", "tanker aircraft", "France"),
)

SHIP_PREFIX = {"India": "INS", "United States": "USS", "United Kingdom": "HMS", "Australia": "HMAS",
               "Japan": "JS", "South Korea": "ROKS", "Canada": "HMCS", "Russia": "", "France": "FS"}
SHIP_NAMES = {
    "India": ("Tushil", "Vikrant", "Mahendragiri", "Surat", "Imphal", "Vagsheer", "Tamal", "Arnala", "Nilgiri",
              "Udaygiri", "Himgiri", "Vindhyagiri", "Sandhayak", "Aridhaman"),
    "United States": ("Gerald R. Ford", "Carl Vinson", "Theodore Roosevelt", "Ronald Reagan", "Boxer",
                      "Mobile Bay", "Dewey", "Halsey", "Ralph Johnson"),
    "United Kingdom": ("Queen Elizabeth", "Prince of Wales", "Diamond", "Richmond", "Spey", "Tamar"),
    "Australia": ("Canberra", "Anzac", "Hobart", "Warramunga"),
    "Japan": ("Izumo", "Kaga", "Maya", "Haguro"),
    "South Korea": ("Dokdo", "Sejong the Great", "Jeongjo the Great"),
    "Canada": ("Ottawa", "Montreal"),
    "Russia": ("Admiral Gorshkov", "Marshal Shaposhnikov", "Admiral Tributs", "Varyag"),
    "France": ("Charles de Gaulle", "Provence", "Bretagne"),
}

EXERCISE_NAMES = ("Malabar", "Indra", "RIMPAC", "Yudh Abhyas", "Cope India", "Sea Breeze", "Talisman Sabre",
                  "Garuda", "Varuna", "Shakti", "Pitch Black", "Cobra Warrior", "Balikatan", "Freedom Shield",
                  "Steadfast Defender", "Baltops", "Milan", "Dharma Guardian", "Tarang Shakti", "Zapad",
                  "Vostok", "Bright Star", "Desert Knight", "Ekuverin")
EXPOS = ("Aero India", "DefExpo", "Paris Air Show", "Farnborough International Airshow", "IDEX", "Army Forum",
         "Eurosatory", "Singapore Airshow", "Seoul ADEX", "DSEI", "World Defense Show", "IDEF")

SUBJECT_KINDS = ("talks", "arms_deal", "exercise", "summit", "commissioning", "missile_test", "delivery",
                 "sanctions", "border", "contract", "trade", "energy")

TOPICS = ("maritime security", "counter-terrorism", "defence industrial cooperation", "joint production",
          "supply chains", "cyber security", "space cooperation", "energy security", "critical minerals",
          "technology transfer", "regional stability", "humanitarian assistance and disaster relief",
          "training exchanges", "logistics support", "intelligence sharing", "trade and investment",
          "connectivity projects", "artificial intelligence", "semiconductors", "nuclear energy",
          "freedom of navigation", "spare parts and maintenance", "climate finance", "food security")
TALK_ADJ = ("wide-ranging", "crucial", "productive", "detailed", "long-awaited", "closed-door", "two-hour",
            "cordial", "substantive", "frank", "high-level", "delegation-level", "one-on-one")
VISIT_LEN = ("two-day", "three-day", "four-day", "week-long", "day-long", "five-day")
SOURCES = ("official sources", "people familiar with the matter", "a senior official", "diplomats",
           "defence analysts", "officials briefed on the talks", "a government statement",
           "two officials who asked not to be named")
