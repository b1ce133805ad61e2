#include "gen/vocab.h"

namespace copydesk::gen {

const WordList& nouns() {
  static const WordList w = {
      "government", "plan", "report", "agency", "company", "market", "deal", "official", "minister", "court",
      "vote", "budget", "price", "project", "council", "investigation", "policy", "election", "border", "strike",
      "union", "bank", "loan", "rate", "tax", "factory", "farm", "harvest", "storm", "flood",
      "fire", "road", "bridge", "railway", "airport", "port", "hospital", "school", "university", "student",
      "teacher", "doctor", "nurse", "patient", "vaccine", "virus", "drought", "crop", "export", "import",
      "tariff", "currency", "investor", "share", "profit", "contract", "lawsuit", "judge", "verdict", "trial",
      "witness", "prosecutor", "lawmaker", "senator", "governor", "mayor", "protest", "rally", "police", "officer",
      "soldier", "army", "ceasefire", "treaty", "summit", "delegation", "embassy", "refugee", "migrant", "camp",
      "village", "district", "province", "region", "coast", "river", "dam", "pipeline", "reactor", "grid",
      "battery", "charger", "vehicle", "truck", "bus", "ferry", "flight", "passenger", "ticket", "fare",
      "wage", "pension", "worker", "employer", "manager", "customer", "consumer", "retailer", "supplier", "shipment",
      "container", "warehouse", "network", "platform", "app", "software", "chip", "satellite", "rocket", "launch",
      "telescope", "laboratory", "study", "survey", "poll", "candidate", "campaign", "debate", "coalition", "party",
      "opposition", "parliament", "committee", "hearing", "inquiry", "audit", "scandal", "resignation", "appointment", "reform",
      "bill", "law", "regulation", "license", "permit", "quota", "subsidy", "fund", "grant", "donation",
      "charity", "volunteer", "museum", "festival", "concert", "exhibition", "match", "tournament", "league", "coach",
      "player", "stadium", "season", "title", "record", "medal", "athlete", "team", "club", "fan",
      "forest", "wildlife", "species", "reserve", "island", "glacier", "heatwave", "earthquake", "landslide", "cyclone",
      "rescue", "evacuation", "shelter", "supply", "shortage", "outage", "blackout", "leak", "spill", "explosion",
      "accident", "collision", "derailment", "crash", "injury", "casualty", "victim", "suspect", "arrest", "raid",
      "charge", "fine", "penalty", "appeal", "ruling", "sanction", "embargo", "negotiation", "proposal", "agreement",
      "estimate", "forecast", "figure", "index", "output", "demand", "growth", "recession", "deficit", "debt",
      "bond", "stock", "merger", "takeover", "startup", "founder", "executive", "board", "shareholder", "dividend",
      "harbour", "canal", "tunnel", "highway", "terminal", "refinery", "mine", "quarry", "well", "turbine",
      "panel", "plant", "clinic", "ward", "ambulance", "library", "archive", "newspaper", "broadcaster", "journalist",
      "analyst", "auction", "ballot", "barrier", "bench", "blueprint", "boundary", "broadcast", "broker", "bulletin",
      "cabinet", "cable", "cargo", "cartel", "cathedral", "census", "ceremony", "chamber", "champion", "channel",
      "checkpoint", "cluster", "coalfield", "column", "commander", "commuter", "compound", "conference", "convoy", "corridor",
      "cottage", "counsel", "courier", "crew", "cruise", "cyclist", "database", "dealer", "decree", "deposit",
      "detainee", "diplomat", "directive", "dispute", "dock", "dossier", "driver", "engineer", "enterprise", "envoy",
      "estate", "exemption", "expedition", "facility", "famine", "federation", "fleet", "fortress", "foundation", "freighter",
      "fuel", "garrison", "generator", "gallery", "garage", "helicopter", "heritage", "hostage", "household",
      "inmate", "insurer", "interview", "inventory", "junction", "kiosk", "landlord", "lane", "lender", "levy",
      "lighthouse", "lobby", "locomotive", "logbook", "mandate", "manifesto", "manuscript", "marathon", "marina", "mechanic",
      "memorial", "merchant", "meteorite", "midwife", "militia", "monument", "mortgage", "motorway", "negotiator", "neighbourhood",
      "observatory", "orchard", "outbreak", "paramedic", "pavilion", "payroll", "pharmacy", "pilgrim", "pilot", "plantation",
      "plaza", "plot", "porter", "premier", "prisoner", "producer", "publisher", "purchase", "railcar", "ranch",
      "ration", "reservoir", "resident", "retiree", "ridge", "runway", "sailor", "sanctuary", "scholar", "scientist",
      "sector", "senate", "settlement", "shipyard", "shopkeeper", "shrine", "siege", "signal", "skyscraper", "smuggler",
      "spokesman", "sponsor", "squad", "stall", "statue", "steelworks", "stockpile", "streetcar", "submarine", "subway",
      "summary", "surgeon", "surplus", "tanker", "taxpayer", "technician", "tenant", "textile", "theatre", "tenure",
      "timber", "tower", "tractor", "trader", "trawler", "tribunal", "trooper", "trustee", "tugboat", "underpass",
      "upgrade", "valley", "vendor", "veteran", "viaduct", "vineyard", "voter", "voucher", "walkout", "warden",
      "warship", "waterway", "weapon", "welder", "wharf", "whistleblower", "windfarm", "workshop", "yacht", "zone",
      "audience", "badge", "bakery", "barge", "basin", "beacon", "bishop", "boycott", "brigade", "budgeting",
      "canteen", "cannon", "capsule", "caravan", "carrier", "cartoon", "cashier", "castle", "cellar", "chapel",
      "chemist", "cinema", "citizen", "classroom", "cleric", "cliff", "coastline", "colony", "comet", "commissioner",
      "compass", "consulate", "consultant", "contractor", "cooperative", "copper", "cornfield", "cottonfield", "courtroom", "creditor",
      "crossing", "curfew", "dairy", "debtor", "defendant", "depot", "deputy", "detective", "diesel",
      "drone", "dune", "dynasty", "editor", "electorate", "embankment", "emission", "engine", "epidemic",
      "estuary", "excavation", "exporter", "ferryman", "fisherman", "footbridge", "forum", "freeway", "furnace", "gasfield",
      "genome", "granary", "greenhouse", "guerrilla", "gymnasium", "hangar", "hotel", "hydrant", "icebreaker", "infantry",
      "inspector", "interpreter", "irrigation", "jetty", "kidnapping", "kitchen", "landfill", "lawyer", "librarian", "lifeboat",
      "lorry", "mansion", "marketplace", "mill", "minibus", "monastery", "mosque", "nomad", "notary", "oilfield",
      "operator", "orphanage", "outpost", "paddock", "parcel", "parish", "patrol", "pedestrian", "peninsula", "pier",
      "pipe", "plateau", "playground", "plumber", "precinct", "prison", "quarantine", "rainforest", "rebel", "referee",
      "reporter", "republic", "restaurant", "riverbank", "sawmill", "scaffold", "seaport", "shepherd", "shipowner", "siren",
      "slum", "smelter", "spillway", "steamer", "storehouse", "strait", "suburb", "supermarket", "swamp", "tavern",
      "terrace", "textbook", "tollbooth", "tourist", "township", "tram", "trench", "tributary", "typhoon", "uprising",
      "vault", "vessel", "warehouseman", "watchdog", "weather", "wetland", "wildfire", "woodland",
  };
  return w;
}

const WordList& adjectives() {
  static const WordList w = {
      "new", "national", "local", "regional", "major", "final", "public", "private", "senior", "former",
      "key", "large", "small", "early", "late", "annual", "monthly", "weekly", "rural", "urban",
      "foreign", "domestic", "federal", "military", "civilian", "economic", "financial", "political", "legal", "medical",
      "environmental", "digital", "electric", "nuclear", "coastal", "northern", "southern", "eastern", "western", "central",
      "temporary", "permanent", "emergency", "controversial", "unexpected", "sharp", "modest", "steady", "record", "historic",
      "fragile", "ambitious", "costly", "delayed", "disputed", "fresh", "joint", "independent", "official", "preliminary",
      "widespread", "severe", "heavy", "strong", "weak", "rising", "falling", "stalled", "rapid", "gradual",
      "long-awaited", "cross-border", "state-owned", "privately held", "closely watched", "hard-hit", "low-income", "high-speed", "short-term", "long-term",
      "crowded", "remote", "flooded", "damaged", "abandoned", "restored", "expanded", "revised", "proposed", "approved",
      "rejected", "troubled", "profitable", "struggling", "leading", "rival", "neighbouring", "mountainous", "densely populated", "oil-rich",
      "abrupt", "acute", "administrative", "aging", "agricultural", "alarming", "ancient", "anonymous", "armed", "arid",
      "automated", "autonomous", "bilateral", "bitter", "bold", "bumpy", "bustling", "catastrophic", "cautious", "ceremonial",
      "chaotic", "chronic", "civic", "colonial", "commercial", "communal", "compulsory", "confidential", "contentious", "covert",
      "crumbling", "decisive", "defiant", "deliberate", "dense", "deserted", "devastating", "diplomatic", "dormant", "drastic",
      "dusty", "electoral", "elderly", "endangered", "exhausted", "experimental", "extensive", "fierce", "fiscal", "frantic",
      "frozen", "grim", "hasty", "hostile", "humanitarian", "illegal", "imminent", "industrial", "informal", "intense",
      "interim", "landmark", "lengthy", "lethal", "longstanding", "makeshift", "maritime", "migrant", "municipal", "narrow",
      "naval", "offshore", "ongoing", "orderly", "overcrowded", "overnight", "parliamentary", "peaceful", "premature", "prolonged",
      "provisional", "punitive", "radical", "rainy", "reluctant", "renewed", "routine", "scheduled", "seasonal", "secret",
      "sluggish", "sparse", "sporadic", "steep", "stormy", "strategic", "structural", "sudden", "swift", "symbolic",
      "tentative", "territorial", "tense", "tropical", "turbulent", "unannounced", "unemployed", "unpaid", "unprecedented", "unrest",
      "vacant", "violent", "volatile", "vulnerable", "wealthy", "wooded",
  };
  return w;
}

const std::vector<Verb>& verbs() {
  static const std::vector<Verb> w = {
      {"announce", "announced"}, {"approve", "approved"}, {"reject", "rejected"}, {"delay", "delayed"},
      {"launch", "launched"}, {"expand", "expanded"}, {"cut", "cut"}, {"raise", "raised"},
      {"lower", "lowered"}, {"suspend", "suspended"}, {"resume", "resumed"}, {"block", "blocked"},
      {"review", "reviewed"}, {"criticise", "criticised"}, {"defend", "defended"}, {"support", "supported"},
      {"oppose", "opposed"}, {"investigate", "investigated"}, {"confirm", "confirmed"}, {"deny", "denied"},
      {"warn", "warned"}, {"welcome", "welcomed"}, {"sign", "signed"}, {"cancel", "cancelled"},
      {"extend", "extended"}, {"restore", "restored"}, {"close", "closed"}, {"reopen", "reopened"},
      {"build", "built"}, {"fund", "funded"}, {"sell", "sold"}, {"buy", "bought"},
      {"hire", "hired"}, {"dismiss", "dismissed"}, {"arrest", "arrested"}, {"release", "released"},
      {"evacuate", "evacuated"}, {"rescue", "rescued"}, {"damage", "damaged"}, {"destroy", "destroyed"},
      {"replace", "replaced"}, {"repair", "repaired"}, {"test", "tested"}, {"track", "tracked"},
      {"question", "questioned"}, {"challenge", "challenged"}, {"overturn", "overturned"}, {"uphold", "upheld"},
      {"negotiate", "negotiated"}, {"finalise", "finalised"}, {"propose", "proposed"}, {"adopt", "adopted"},
      {"abandon", "abandoned"}, {"revive", "revived"}, {"boost", "boosted"}, {"weaken", "weakened"},
      {"strengthen", "strengthened"}, {"disrupt", "disrupted"}, {"reach", "reached"}, {"miss", "missed"},
      {"report", "reported"}, {"publish", "published"}, {"monitor", "monitored"}, {"inspect", "inspected"},
      {"target", "targeted"}, {"protect", "protected"}, {"threaten", "threatened"}, {"pressure", "pressured"},
      {"settle", "settled"}, {"win", "won"}, {"lose", "lost"}, {"hold", "held"},
      {"open", "opened"}, {"double", "doubled"}, {"halve", "halved"}, {"pause", "paused"},
      {"ban", "banned"}, {"allow", "allowed"}, {"require", "required"}, {"limit", "limited"},
      {"postpone", "postponed"}, {"unveil", "unveiled"}, {"complete", "completed"}, {"acquire", "acquired"},
      {"accuse", "accused"}, {"allocate", "allocated"}, {"appoint", "appointed"}, {"assess", "assessed"},
      {"audit", "audited"}, {"authorise", "authorised"}, {"bargain", "bargained"}, {"bolster", "bolstered"},
      {"breach", "breached"}, {"calculate", "calculated"}, {"capture", "captured"}, {"certify", "certified"},
      {"clear", "cleared"}, {"collapse", "collapsed"}, {"compensate", "compensated"}, {"condemn", "condemned"},
      {"consult", "consulted"}, {"contain", "contained"}, {"convict", "convicted"}, {"coordinate", "coordinated"},
      {"criticize", "criticized"}, {"curb", "curbed"}, {"demolish", "demolished"}, {"deploy", "deployed"},
      {"detain", "detained"}, {"divert", "diverted"}, {"document", "documented"}, {"donate", "donated"},
      {"draft", "drafted"}, {"dredge", "dredged"}, {"endorse", "endorsed"}, {"enforce", "enforced"},
      {"escort", "escorted"}, {"examine", "examined"}, {"export", "exported"}, {"fortify", "fortified"},
      {"freeze", "froze"}, {"halt", "halted"}, {"harvest", "harvested"}, {"identify", "identified"},
      {"import", "imported"}, {"impose", "imposed"}, {"inaugurate", "inaugurated"}, {"indict", "indicted"},
      {"insure", "insured"}, {"intercept", "intercepted"}, {"interview", "interviewed"}, {"isolate", "isolated"},
      {"lease", "leased"}, {"liberalise", "liberalised"}, {"lift", "lifted"}, {"map", "mapped"},
      {"mediate", "mediated"}, {"mobilise", "mobilised"}, {"modernise", "modernised"}, {"nationalise", "nationalised"},
      {"nominate", "nominated"}, {"obstruct", "obstructed"}, {"occupy", "occupied"}, {"outlaw", "outlawed"},
      {"patrol", "patrolled"}, {"pledge", "pledged"}, {"privatise", "privatised"}, {"prosecute", "prosecuted"},
      {"quarantine", "quarantined"}, {"ratify", "ratified"}, {"rebuild", "rebuilt"}, {"recall", "recalled"},
      {"recover", "recovered"}, {"recruit", "recruited"}, {"redeploy", "redeployed"}, {"refinance", "refinanced"},
      {"register", "registered"}, {"relocate", "relocated"}, {"renovate", "renovated"}, {"reroute", "rerouted"},
      {"resettle", "resettled"}, {"restrict", "restricted"}, {"retrieve", "retrieved"}, {"revoke", "revoked"},
      {"sabotage", "sabotaged"}, {"salvage", "salvaged"}, {"screen", "screened"}, {"seize", "seized"},
      {"shelve", "shelved"}, {"shut", "shut"}, {"stabilise", "stabilised"}, {"subsidise", "subsidised"},
      {"summon", "summoned"}, {"surveil", "surveilled"}, {"survey", "surveyed"}, {"tighten", "tightened"},
      {"transfer", "transferred"}, {"uncover", "uncovered"}, {"upgrade", "upgraded"}, {"vaccinate", "vaccinated"},
      {"veto", "vetoed"}, {"withdraw", "withdrew"}, {"rally", "rallied"}, {"flood", "flooded"},
      {"sink", "sank"}, {"storm", "stormed"}, {"dispatch", "dispatched"}, {"airlift", "airlifted"},
      {"ration", "rationed"},
  };
  return w;
}

const WordList& first_names() {
  static const WordList w = {
      "Maria", "John", "Ahmed", "Li", "Anna", "David", "Fatima", "James", "Sofia", "Carlos",
      "Elena", "Michael", "Aisha", "Wei", "Olga", "Peter", "Priya", "Thomas", "Yuki", "Daniel",
      "Amara", "Robert", "Ines", "Kwame", "Laura", "Mohammed", "Hana", "Paul", "Leila", "Samuel",
      "Grace", "Igor", "Nadia", "Rahul", "Chloe", "Mateo", "Zainab", "Lukas", "Mei", "Oscar",
      "Rosa", "Tariq", "Ewa", "Kofi", "Julia", "Sergio", "Ayumi", "Henrik", "Lucia", "Omar",
      "Ingrid", "Diego", "Farah", "Jonas", "Marta", "Arjun", "Clara", "Viktor", "Noura", "Felipe",
      "Abdul", "Adriana", "Alejandro", "Anders", "Ayesha", "Bianca", "Chiara", "Dmitri", "Emeka", "Giovanni",
      "Hassan", "Ivan", "Jamal", "Javier", "Jin", "Nikolai", "Nia", "Oluwaseun", "Pablo", "Rafael",
      "Rania", "Samir", "Sanjay", "Thabo", "Tomas", "Valentina", "Wanjiru", "Yara", "Yusuf", "Zoltan",
  };
  return w;
}

const WordList& last_names() {
  static const WordList w = {
      "Smith", "Garcia", "Chen", "Okafor", "Kowalski", "Nguyen", "Haddad", "Johnson", "Rossi", "Petrov",
      "Tanaka", "Mensah", "Silva", "Muller", "Ali", "Kim", "Fernandez", "Novak", "Osei", "Larsen",
      "Brown", "Ibrahim", "Moreau", "Singh", "Santos", "Ivanova", "Yamamoto", "Adeyemi", "Lopez", "Schneider",
      "Wang", "Kariuki", "Dubois", "Costa", "Hassan", "Andersson", "Patel", "Romero", "Sato", "Nowak",
      "Walker", "Mwangi", "Bianchi", "Horvat", "Rahman", "Lindqvist", "Torres", "Park", "Eriksen", "Mendoza",
      "Clarke", "Achebe", "Vasquez", "Jensen", "Qureshi", "Fischer", "Ortiz", "Lee", "Bakker", "Popescu",
      "Murphy", "Nakamura", "Diallo", "Weber", "Reyes", "Kaur", "Morales", "Hoffmann", "Abdi", "Grant",
      "Abara", "Aguilar", "Ahmadi", "Akhtar", "Alvarez", "Amato", "Andersen", "Antonelli", "Arslan", "Asante",
      "Balogun", "Barros", "Bauer", "Becker", "Bergstrom", "Bondarenko", "Borges", "Brennan", "Byrne", "Castillo",
      "Chandra", "Chatterjee", "Cohen", "Dahl", "Danso", "Delgado", "Dimitrov", "Duarte", "Eklund", "Farouk",
      "Ferrari", "Fonseca", "Fournier", "Gallagher", "Garber", "Giordano", "Gomez", "Hakimi", "Hansen", "Hartmann",
      "Hashemi", "Herrera", "Hussain", "Iyer", "Jansen", "Jovanovic", "Kamau", "Kaplan", "Karimi", "Keller",
      "Khalil", "Koenig", "Kovacs", "Kruger", "Lambert", "Lebedev", "Lund", "Macharia", "Mahmoud", "Marchetti",
      "Markovic", "Mbeki", "Medina", "Mendes", "Meyer", "Mutua", "Nair", "Navarro", "Nielsen", "Nunez",
      "Obi", "Oduya", "Okonkwo", "Olsen", "Omondi", "Ortega", "Ozturk", "Pappas", "Pereira", "Pham",
      "Quinn", "Ramos", "Richter", "Rinaldi", "Sadiq", "Salazar", "Schmidt", "Serrano", "Shah", "Sokolov",
      "Suarez", "Suzuki", "Takahashi", "Toure", "Tran", "Varga", "Vogel", "Wagner", "Walsh", "Yilmaz",
      "Zamora", "Zhou",
  };
  return w;
}

const std::vector<Place>& places() {
  static const std::vector<Place> w = {
      {"Beijing", "China"}, {"Washington", "the United States"}, {"London", "Britain"}, {"Paris", "France"},
      {"Berlin", "Germany"}, {"Tokyo", "Japan"}, {"New Delhi", "India"}, {"Nairobi", "Kenya"},
      {"Lagos", "Nigeria"}, {"Cairo", "Egypt"}, {"Moscow", "Russia"}, {"Brussels", "Belgium"},
      {"Madrid", "Spain"}, {"Rome", "Italy"}, {"Warsaw", "Poland"}, {"Kyiv", "Ukraine"},
      {"Ankara", "Turkey"}, {"Tehran", "Iran"}, {"Jakarta", "Indonesia"}, {"Manila", "the Philippines"},
      {"Seoul", "South Korea"}, {"Sydney", "Australia"}, {"Wellington", "New Zealand"}, {"Ottawa", "Canada"},
      {"Mexico City", "Mexico"}, {"Brasilia", "Brazil"}, {"Buenos Aires", "Argentina"}, {"Lima", "Peru"},
      {"Bogota", "Colombia"}, {"Santiago", "Chile"}, {"Johannesburg", "South Africa"}, {"Accra", "Ghana"},
      {"Addis Ababa", "Ethiopia"}, {"Dakar", "Senegal"}, {"Karachi", "Pakistan"}, {"Dhaka", "Bangladesh"},
      {"Hanoi", "Vietnam"}, {"Bangkok", "Thailand"}, {"Kuala Lumpur", "Malaysia"}, {"Singapore", "Singapore"},
      {"Stockholm", "Sweden"}, {"Oslo", "Norway"}, {"Helsinki", "Finland"}, {"Athens", "Greece"},
      {"Lisbon", "Portugal"}, {"Vienna", "Austria"}, {"Prague", "the Czech Republic"}, {"Budapest", "Hungary"},
      {"Geneva", "Switzerland"}, {"Dublin", "Ireland"}, {"Riyadh", "Saudi Arabia"}, {"Doha", "Qatar"},
      {"Baghdad", "Iraq"}, {"Amman", "Jordan"}, {"Beirut", "Lebanon"}, {"Kabul", "Afghanistan"},
      {"Tashkent", "Uzbekistan"}, {"Colombo", "Sri Lanka"}, {"Kathmandu", "Nepal"}, {"Havana", "Cuba"},
  };
  return w;
}

const WordList& organisations() {
  static const WordList w = {
      "the Ministry of Finance", "the Health Ministry", "the central bank", "the United Nations", "the World Bank",
      "the International Monetary Fund", "the European Commission", "the Interior Ministry", "the Supreme Court",
      "the election commission", "the national weather service", "the transport authority", "the energy regulator",
      "the Red Cross", "the World Health Organization", "the Defence Ministry", "the Foreign Ministry",
      "the stock exchange", "the statistics office", "the competition authority", "the coast guard",
      "the fire service", "the teachers' union", "the farmers' association", "the chamber of commerce",
      "Northwind Energy", "Bluewater Shipping", "Meridian Bank", "Atlas Motors", "Solace Pharmaceuticals",
      "Harbor Telecom", "Crestline Airways", "Greenfield Foods", "Ironbridge Mining", "Keystone Insurance",
      "Polaris Software", "Summit Steel", "Riverstone Capital", "Orion Aerospace", "Cedar Health",
      "the Institute for Policy Studies", "the Centre for Climate Research", "Human Rights Watch",
      "Amnesty International", "the African Union", "the Organization of American States", "the city council",
      "the port authority", "the national railway", "the state broadcaster",
      "Silverline Rail", "Copperfield Mining", "Northgate Logistics", "Brightwater Utilities",
      "Eastwind Airlines", "Granite Construction Group", "Lakeside Dairy", "Sunridge Solar",
      "Bayview Hospital", "Redwood Paper", "Stonebridge Bank", "Vantage Chemicals",
      "Highland Water", "Westport Ferries", "Kestrel Defence", "Marlin Fisheries",
      "Falcon Cement", "Pinecrest University", "Oakmont Textiles", "Cobalt Semiconductors",
      "Everest Cargo", "Horizon Broadcasting", "Tidewater Oil", "Saffron Foods",
      "Aurora Biotech", "Beacon Hospitals", "Larkspur Media", "Thornbury Glass",
      "Willowbrook Pharmacy", "Zenith Motors", "the Agriculture Ministry", "the Education Ministry",
      "the Labour Ministry", "the Justice Ministry", "the Environment Agency", "the customs service",
      "the border police", "the civil aviation authority", "the national audit office", "the anti-corruption bureau",
      "the consumer protection agency", "the water board", "the housing authority", "the public prosecutor's office",
      "the constitutional court", "the nurses' union", "the dockworkers' union", "the truckers' association",
      "the bar association", "the medical association", "the Federation of Industries", "the Association of Small Businesses",
      "the Refugee Council", "the Wildlife Fund", "the Ocean Conservancy", "the Food Programme",
      "the Disaster Management Agency", "the Meteorological Institute", "the Geological Survey", "the National Museum",
  };
  return w;
}

const WordList& roles() {
  static const WordList w = {
      "a spokesperson for", "the head of", "a senior official at", "the chief executive of", "an analyst at",
      "a press officer at", "a senior economist at", "the director of", "an adviser to", "a lawyer for",
      "the deputy head of", "a researcher at", "the chair of", "a board member of", "an economist at",
  };
  return w;
}

const WordList& weekdays() {
  static const WordList w = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
  return w;
}

const WordList& periods() {
  static const WordList w = {"week", "month", "year", "quarter", "decade", "season"};
  return w;
}

const WordList& site_brand_first() {
  static const WordList w = {"Northern", "Valley", "Evening", "Coastal", "Metro", "Capital", "Lakeside", "Prairie",
                             "Harbor", "Summit", "Riverside", "Eastern", "Western", "Highland", "Bay", "Union"};
  return w;
}

const WordList& site_brand_second() {
  static const WordList w = {"Courier", "Herald", "Ledger", "Gazette", "Post", "Tribune", "Chronicle",
                             "Observer", "Record", "Sentinel", "Dispatch", "Journal", "Times", "Star"};
  return w;
}

const WordList& site_sections() {
  static const WordList w = {"World", "Business", "Politics", "Local", "Sport", "Opinion", "Science",
                             "Health", "Tech", "Culture", "Weather", "Travel", "Markets", "Climate"};
  return w;
}

std::string plural(std::string_view noun) {
  std::string s(noun);
  const auto ends = [&](std::string_view suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  if (ends("s") || ends("x") || ends("ch") || ends("sh")) return s + "es";
  if (ends("y") && s.size() > 1 && std::string_view("aeiou").find(s[s.size() - 2]) == std::string_view::npos) {
    s.pop_back();
    return s + "ies";
  }
  return s + "s";
}

std::string third_person(std::string_view verb) { return plural(verb); }

}  // namespace copydesk::gen
