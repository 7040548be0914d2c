// claimgraph-gen-corpus: synthetic articles with planted conflicts and look-alikes, and their
// gold in the shape of ../shared/gold/seeds.json. Deterministic from a seed (its own
// generator, so the output is the same on every platform).
//
// The world: topics, each a people working in a place in a year, with a true count of
// workers and of work permits. An article reports a few topics: the count in one of many
// written forms, the permits (a different measure), an earlier year's count (a change, not a
// conflict), a range that overlaps the count (an agreement), the same people in another place.
// A planted conflict: some articles of a topic report twice the count, so the topic's figures
// fall into two sides. A planted stance conflict: some articles call the work forced labor,
// others say the workers go voluntarily. Filler prose, page furniture and footnotes citing
// Russian and Korean works in their own scripts make the text realistic.

#include <rapidjson/filewritestream.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <CLI/CLI.hpp>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <stdexcept>
#include <tuple>
#include <algorithm>
#include <string>
#include <vector>

namespace {

// splitmix64: the same sequence everywhere.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  bool chance(int percent) { return below(100) < static_cast<std::size_t>(percent); }
  template <typename T>
  const T& pick(const std::vector<T>& v) { return v[below(v.size())]; }

 private:
  std::uint64_t state_;
};

struct People {
  std::string adjective;  // "North Korean"
  std::string plural;     // "North Koreans"
  std::string home;       // "North Korea": they are not counted as workers abroad there
};

struct Topic {
  std::size_t people = 0;
  std::string place;
  int year = 0;
  int month = 0;         // 0..11
  long workers = 0;      // the true count
  long permits = 0;      // work permits that year
  std::string other_place;  // where the look-alike count is placed
  bool planted = false;  // some articles report twice the count
};

struct GoldFigure {
  std::string id, doc, quote, unit, measure;
  double value = 0;
  bool approx = false;
};

struct StanceQuote {
  std::string doc, quote, claimant;
  bool for_ = true;
};

const std::vector<People> kPeople = {
    {"North Korean", "North Koreans", "North Korea"}, {"Chinese", "Chinese", "China"},
    {"Mongolian", "Mongolians", "Mongolia"},          {"South Korean", "South Koreans", "South Korea"},
    {"Japanese", "Japanese", "Japan"},
};
const std::vector<std::string> kPlaces = {"Russia", "China", "Japan", "Mongolia", "South Korea"};
const std::vector<std::string> kOtherPlaces = {"the United States", "Qatar", "Kuwait"};
const std::vector<std::string> kOutlets = {"Northeast Asia Monitor", "Harbin Economic Review",
                                           "Pacific Labour Review", "The Border Gazette",
                                           "Eurasia Weekly", "Tumen River Times"};
const std::vector<std::string> kGiven = {"Mira", "Pavel", "Hana", "Oleg", "Jin", "Sofia",
                                         "Daniel", "Yuna", "Ilya", "Grace"};
const std::vector<std::string> kSurnames = {"Choi", "Sorokin", "Park", "Volkova", "Tanaka",
                                            "Morrow", "Lindqvist", "Baek", "Orlov", "Hayes"};
const std::vector<std::string> kHedges = {"an estimated", "about", "approximately", "some",
                                          "roughly", "around"};
const std::vector<std::string> kMonths = {"January", "February", "March", "April", "May", "June",
                                          "July", "August", "September", "October", "November",
                                          "December"};
const std::vector<std::string> kFiller = {
    "The shipyards along the coast have been busy since the spring thaw.",
    "Local officials rarely comment on the contracts signed with foreign firms.",
    "Construction companies say the demand for skilled hands keeps rising.",
    "Trade across the river slowed during the winter months, traders say.",
    "The regional government published a new plan for the industrial parks.",
    "Several agencies recruit through intermediaries in the border towns.",
    "Dormitories near the building sites are often shared by dozens of men.",
    "Wages are paid in cash at the end of each month, according to the managers.",
    "The railway line to the port was repaired after the floods.",
    "Analysts expect the sanctions regime to be reviewed again next year.",
    "Timber, seafood and textiles remain the main goods traded across the border.",
    "Inspectors visited the farms twice during the harvest season.",
};
const std::vector<std::string> kFurniture = {"Share this article", "Subscribe to our newsletter",
                                             "Advertisement", "Read more:"};
// Footnotes: a Russian or a Korean work, with its original-script part in brackets.
const std::vector<std::string> kFootnotes = {
    "A. V. Petrov. Labor migrants in the Far East [\u201C\u0410. \u0412. \u041F\u0435\u0442\u0440\u043E\u0432. "
    "\u0422\u0440\u0443\u0434\u043E\u0432\u044B\u0435 \u043C\u0438\u0433\u0440\u0430\u043D\u0442\u044B "
    "\u043D\u0430 \u0414\u0430\u043B\u044C\u043D\u0435\u043C \u0412\u043E\u0441\u0442\u043E\u043A\u0435\u201D].",
    "Kim Su Min \u201CPukhan Nodongjaŭi Haeoe Pagyŏn [\uAE40\uC218\uBBFC \u201C\uBD81\uD55C "
    "\uB178\uB3D9\uC790\uC758 \uD574\uC678 \uD30C\uACAC\u201D] \u201CThe Dispatch of North Korean "
    "Workers Abroad.\u201D",
};

std::string grouped(long v) {
  std::string s = std::to_string(v);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<std::size_t>(i), ",");
  return s;
}

class Generator {
 public:
  Generator(std::uint64_t seed, std::size_t articles) : random_(seed) {
    // Every statement of a time, place and people is a topic's own: no two topics share the
    // key of their count, their earlier count or their count elsewhere, so the only
    // conflicts are the planted ones.
    const std::size_t wanted = std::min<std::size_t>(std::max<std::size_t>(2, articles / 4), 6000);
    std::set<std::string> used;
    for (std::size_t tries = 0; topics_.size() < wanted && tries < wanted * 50; ++tries) {
      Topic topic;
      topic.people = random_.below(kPeople.size());
      topic.place = random_.pick(kPlaces);
      if (kPeople[topic.people].home == topic.place) continue;
      topic.year = 1970 + static_cast<int>(random_.below(50));
      topic.month = static_cast<int>(random_.below(12));
      topic.other_place = random_.pick(kOtherPlaces);
      const auto key = [&](const std::string& place, int year) {
        return std::to_string(topic.people) + "|" + place + "|" + std::to_string(year) + "|" +
               std::to_string(topic.month);
      };
      const auto own = key(topic.place, topic.year);
      const auto earlier = key(topic.place, topic.year - 10);
      const auto elsewhere = key(topic.other_place, topic.year);
      if (used.count(own) || used.count(earlier) || used.count(elsewhere)) continue;
      used.insert(own);
      used.insert(earlier);
      used.insert(elsewhere);
      // 12,000 to 48,000: a count and its double (up to 96,000) are apart whatever their
      // written precision ("50,000" and "100,000" would not be: [45,000, 55,000) and
      // [50,000, 150,000) overlap).
      topic.workers = static_cast<long>(12 + random_.below(37)) * 1000;
      topic.permits = static_cast<long>(1 + random_.below(9)) * 1000 + 500;
      topic.planted = random_.chance(50);
      topics_.push_back(topic);
    }
  }

  // One article: its text, its metadata, and what the gold holds of it.
  std::string article(std::size_t n, const std::string& doc, std::string& meta) {
    const auto author = random_.pick(kGiven) + " " + random_.pick(kSurnames);
    const auto outlet = random_.pick(kOutlets);
    const int month = 1 + static_cast<int>(random_.below(12));
    const int day = 1 + static_cast<int>(random_.below(28));
    std::string text;
    std::string title = "Workers Abroad, Report " + std::to_string(n + 1);
    text += title + "\n\n";
    std::vector<std::string> paragraphs;
    // Each article reports one to three topics, all in the topics' years.
    const std::size_t count = 1 + random_.below(3);
    int latest = 2000;
    std::set<std::size_t> reported;
    for (std::size_t k = 0; k < count; ++k) {
      const std::size_t t = random_.below(topics_.size());
      if (!reported.insert(t).second) continue;  // one report of a topic per article
      const auto& topic = topics_[t];
      const auto& people = kPeople[topic.people];
      latest = std::max(latest, topic.year);
      // The count: planted topics get twice the count from about a third of their articles.
      const bool doubled = topic.planted && random_.chance(35);
      const long value = doubled ? topic.workers * 2 : topic.workers;
      const std::string hedge = random_.chance(70) ? random_.pick(kHedges) + " " : "";
      const std::string figure = hedge + grouped(value);
      std::string p;
      const auto when = kMonths[static_cast<std::size_t>(topic.month)] + " " + std::to_string(topic.year);
      const auto sentence = "In " + when + ", " + figure + " " + people.adjective +
                            " workers were employed in " + topic.place + ".";
      p += sentence;
      add_figure(doc, figure + " " + people.adjective + " workers were employed in " + topic.place,
                 value, !hedge.empty(), "persons", t, doubled, sentence);
      // The permits: another measure, the same value in every article (they agree).
      if (random_.chance(60)) {
        const auto permits = grouped(topic.permits);
        p += " In " + when + ", the authorities issued " + permits + " work permits to " +
             people.plural + " in " + topic.place + ".";
        add_plain(doc, "issued " + permits + " work permits", static_cast<double>(topic.permits),
                  false, "work permits");
      }
      // A change over time: an earlier year's count, a quarter of it.
      if (random_.chance(50)) {
        const long earlier = topic.workers / 4;
        p += " In " + kMonths[static_cast<std::size_t>(topic.month)] + " " +
             std::to_string(topic.year - 10) + ", only " + grouped(earlier) + " " +
             people.adjective + " workers were employed in " + topic.place + ".";
        add_plain(doc, "only " + grouped(earlier), static_cast<double>(earlier), false, "persons");
        lookalike(t, grouped(earlier), doc, "an earlier year: a change, not a conflict");
      }
      // An overlapping range: an agreement with the true count.
      if (random_.chance(40)) {
        const std::string range = "between " + grouped(topic.workers - 2000) + " and " +
                                  grouped(topic.workers + 2000);
        p += " Other estimates for " + when + " put the number of " + people.adjective +
             " workers in " + topic.place + " " + range + ".";
        add_range(doc, range, topic.workers - 2000, topic.workers + 2000);
        counts_[t].first.push_back(figures_.back().id);  // it sides with the true count
        lookalike(t, range, doc, "a range that overlaps the count: an agreement");
      }
      // Another place, a very different count.
      if (random_.chance(40)) {
        const long there = topic.workers * 5;
        p += " In " + when + ", " + grouped(there) + " " + people.adjective +
             " workers were employed in " + topic.other_place + ".";
        add_plain(doc, grouped(there) + " " + people.adjective + " workers were employed in " +
                           topic.other_place,
                  static_cast<double>(there), false, "persons");
        lookalike(t, grouped(there), doc, "another place: not a conflict");
      }
      paragraphs.push_back(p);
    }
    // A footnote after a paragraph, sometimes.
    if (random_.chance(30)) {
      paragraphs.back() += std::to_string(1) + ")" + random_.pick(kFootnotes) + " " +
                           random_.pick(kFiller);
    }
    // Stance: some articles call the work forced labor, others say it is chosen.
    if (random_.chance(25)) {
      const std::string q = "Critics call the system forced labor.";
      paragraphs.push_back(q + " " + random_.pick(kFiller));
      stances_.push_back({doc, q, author, true});
    } else if (random_.chance(25)) {
      const std::string q = "The workers say they go abroad voluntarily.";
      paragraphs.push_back(q + " " + random_.pick(kFiller));
      stances_.push_back({doc, q, author, false});
    }
    // Filler and furniture.
    const std::size_t filler = 2 + random_.below(4);
    for (std::size_t k = 0; k < filler; ++k) {
      std::string p;
      for (std::size_t s = 0; s < 3; ++s) p += (s ? " " : "") + random_.pick(kFiller);
      paragraphs.insert(paragraphs.begin() + static_cast<std::ptrdiff_t>(random_.below(paragraphs.size() + 1)), p);
    }
    if (random_.chance(50)) paragraphs.push_back(random_.pick(kFurniture));
    for (const auto& p : paragraphs) text += p + "\n\n";

    char date[32];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", latest + 1, month, day);
    meta = "{\n  \"title\": \"" + title + "\",\n  \"outlet\": \"" + outlet +
           "\",\n  \"authors\": [\"" + author + "\"],\n  \"date\": \"" + date +
           "\",\n  \"url\": null,\n  \"language\": \"en\"\n}\n";
    return text;
  }

  // The gold: documents, figures, planted conflicts, non-conflicts; written as it is made (for a
  // 1 GB corpus it is over a gigabyte).
  void write_gold(const std::vector<std::pair<std::string, std::string>>& documents,
                  const std::filesystem::path& path) const {
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (file == nullptr) throw std::runtime_error(path.string() + ": cannot write");
    char chunk[65536];
    rapidjson::FileWriteStream stream(file, chunk, sizeof chunk);
    rapidjson::PrettyWriter<rapidjson::FileWriteStream> w(stream);
    const auto str = [&](const std::string& s) { w.String(s.c_str(), static_cast<rapidjson::SizeType>(s.size())); };
    w.StartObject();
    w.Key("about");
    str("Generated by claimgraph-gen-corpus: planted figure conflicts (a topic whose articles give "
        "a count and twice it), look-alikes that are not conflicts, one planted stance conflict.");
    w.Key("documents");
    w.StartArray();
    for (const auto& [id, file] : documents) {
      w.StartObject();
      w.Key("id");
      str(id);
      w.Key("file");
      str(file);
      w.EndObject();
    }
    w.EndArray();
    w.Key("figures");
    w.StartArray();
    for (const auto& f : figures_) {
      w.StartObject();
      w.Key("id");
      str(f.id);
      w.Key("doc");
      str(f.doc);
      w.Key("quote");
      str(f.quote);
      w.Key("value");
      w.StartArray();
      w.Double(f.value);
      w.Double(range_hi_.count(f.id) ? range_hi_.at(f.id) : f.value);
      w.EndArray();
      w.Key("approx");
      w.Bool(f.approx);
      w.Key("unit");
      str(f.unit);
      w.Key("measure");
      str(f.measure);
      w.Key("optional");
      w.Bool(true);
      w.EndObject();
    }
    w.EndArray();
    w.Key("conflicts");
    w.StartArray();
    std::size_t k = 0;
    for (const auto& [t, sides] : counts_) {
      if (sides.first.empty() || sides.second.empty() || !distinct_sources(sides)) continue;
      w.StartObject();
      w.Key("id");
      str("K" + std::to_string(++k));
      w.Key("kind");
      str("figure");
      w.Key("sides");
      w.StartArray();
      for (const auto* side : {&sides.first, &sides.second}) {
        w.StartArray();
        for (const auto& id : *side) str(id);
        w.EndArray();
      }
      w.EndArray();
      w.Key("required");
      w.Bool(true);
      w.EndObject();
    }
    const bool stance_conflict = std::any_of(stances_.begin(), stances_.end(), [](auto& s) { return s.for_; }) &&
                                 std::any_of(stances_.begin(), stances_.end(), [](auto& s) { return !s.for_; });
    if (stance_conflict) {
      w.StartObject();
      w.Key("id");
      str("S1");
      w.Key("kind");
      str("stance");
      w.Key("proposition");
      str("labor-is-slavery");
      for (const bool side : {true, false}) {
        w.Key(side ? "for" : "against");
        w.StartArray();
        for (const auto& s : stances_) {
          if (s.for_ != side) continue;
          w.StartObject();
          w.Key("doc");
          str(s.doc);
          w.Key("quote");
          str(s.quote);
          w.Key("claimant");
          str(s.claimant);
          w.EndObject();
        }
        w.EndArray();
      }
      w.Key("required");
      w.Bool(true);
      w.EndObject();
    }
    w.EndArray();
    w.Key("non_conflicts");
    w.StartArray();
    for (const auto& [a, b, why] : lookalikes_) {
      w.StartObject();
      w.Key("pair");
      w.StartArray();
      str(a);
      str(b);
      w.EndArray();
      w.Key("why");
      str(why);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    stream.Put('\n');
    stream.Flush();
    const bool ok = std::ferror(file) == 0;
    if (std::fclose(file) != 0 || !ok) throw std::runtime_error(path.string() + ": cannot write");
  }

 private:
  bool distinct_sources(const std::pair<std::vector<std::string>, std::vector<std::string>>& sides) const {
    for (const auto& a : sides.first) {
      for (const auto& b : sides.second) {
        if (doc_of_.at(a) != doc_of_.at(b)) return true;
      }
    }
    return false;
  }
  std::string add_plain(const std::string& doc, const std::string& quote, double value, bool approx,
                        const std::string& unit) {
    const auto id = "F" + std::to_string(figures_.size() + 1);
    figures_.push_back({id, doc, quote, unit, "", value, approx});
    doc_of_[id] = doc;
    return id;
  }
  void add_range(const std::string& doc, const std::string& quote, long lo, long hi) {
    const auto id = add_plain(doc, quote, static_cast<double>(lo), false, "persons");
    range_hi_[id] = static_cast<double>(hi);
  }
  void add_figure(const std::string& doc, const std::string& figure, long value, bool approx,
                  const std::string& unit, std::size_t topic, bool doubled, const std::string&) {
    const auto id = add_plain(doc, figure, static_cast<double>(value), approx, unit);
    auto& sides = counts_[topic];
    (doubled ? sides.second : sides.first).push_back(id);
  }
  // A look-alike and the latest counts of its topic in other documents (up to kPairsPerLookalike
  // of them) form non-conflicts. Bounded: with a topic reported in thousands of articles of a
  // 1 GB corpus, every count would make the gold grow with the square of the corpus.
  static constexpr std::size_t kPairsPerLookalike = 8;
  void lookalike(std::size_t topic, const std::string&, const std::string& doc, const std::string& why) {
    const auto id = figures_.back().id;
    const auto it = counts_.find(topic);
    if (it == counts_.end()) return;
    std::size_t paired = 0;
    for (const auto* side : {&it->second.first, &it->second.second}) {
      for (auto c = side->rbegin(); c != side->rend() && paired < kPairsPerLookalike; ++c) {
        const auto& count = *c;
        if (doc_of_[count] == doc) continue;
        // Only against counts it agrees with or that are of another measure, place or time;
        // a range overlaps only the true count.
        if (why.rfind("a range", 0) == 0 && side == &it->second.second) continue;
        lookalikes_.emplace_back(count, id, why);
        ++paired;
      }
    }
  }

  Random random_;
  std::vector<Topic> topics_;
  std::vector<GoldFigure> figures_;
  std::map<std::string, std::string> doc_of_;
  std::map<std::string, double> range_hi_;
  std::map<std::size_t, std::pair<std::vector<std::string>, std::vector<std::string>>> counts_;
  std::vector<std::tuple<std::string, std::string, std::string>> lookalikes_;
  std::vector<StanceQuote> stances_;
};

// "10", "5M", "1G": bytes.
std::uint64_t parse_size(const std::string& s) {
  if (s.empty()) return 0;
  std::uint64_t mult = 1;
  std::string digits = s;
  switch (s.back()) {
    case 'K': case 'k': mult = 1000; digits.pop_back(); break;
    case 'M': case 'm': mult = 1000 * 1000; digits.pop_back(); break;
    case 'G': case 'g': mult = 1000ull * 1000 * 1000; digits.pop_back(); break;
    default: break;
  }
  return std::stoull(digits) * mult;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"claimgraph-gen-corpus: synthetic articles with planted conflicts and their gold"};
  std::string out;
  std::size_t articles = 0;
  std::string bytes;
  std::uint64_t seed = 1;
  app.add_option("--out", out, "folder to write (created; its .txt and .meta.json files replaced)")
      ->required();
  app.add_option("--articles", articles, "number of articles");
  app.add_option("--bytes", bytes, "or: write articles until this much text (10M, 1G)");
  app.add_option("--seed", seed, "the same seed writes the same corpus");
  CLI11_PARSE(app, argc, argv);
  std::uint64_t limit = 0;
  try {
    limit = parse_size(bytes);
  } catch (const std::exception&) {
    std::cerr << "claimgraph-gen-corpus: --bytes " << bytes << ": not a size (10M, 1G)\n";
    return 2;
  }
  if (articles == 0 && limit == 0) {
    std::cerr << "claimgraph-gen-corpus: give --articles N or --bytes SIZE\n";
    return 2;
  }
  // About 1.6 KB an article: the topics scale with the expected count.
  const std::size_t expected = articles > 0 ? articles : static_cast<std::size_t>(limit / 1600 + 1);
  Generator gen(seed, expected);
  std::filesystem::create_directories(out);
  std::vector<std::pair<std::string, std::string>> documents;
  std::uint64_t written = 0;
  for (std::size_t n = 0; articles > 0 ? n < articles : written < limit; ++n) {
    char name[32];
    std::snprintf(name, sizeof name, "gen-%07zu", n);
    std::string meta;
    const auto text = gen.article(n, name, meta);
    // Folders of 1,000 articles keep directory listings short.
    const auto folder = std::filesystem::path(out) / ("part-" + std::to_string(n / 1000));
    std::filesystem::create_directories(folder);
    std::ofstream(folder / (std::string(name) + ".txt"), std::ios::binary) << text;
    std::ofstream(folder / (std::string(name) + ".meta.json"), std::ios::binary) << meta;
    documents.emplace_back(name, std::string(name) + ".txt");
    written += text.size();
  }
  try {
    gen.write_gold(documents, std::filesystem::path(out) / "gold.json");
  } catch (const std::exception& e) {
    std::cerr << "claimgraph-gen-corpus: " << e.what() << "\n";
    return 1;
  }
  std::cerr << "claimgraph-gen-corpus: " << documents.size() << " articles, " << written
            << " bytes of text, gold in " << (std::filesystem::path(out) / "gold.json").string()
            << "\n";
  return 0;
}
