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
