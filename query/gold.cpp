#include "query/gold.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "graph/text_position.hpp"

namespace claimgraph::query {
namespace {

std::string where(const std::string& path, std::string_view text, std::size_t offset) {
  const auto pos = graph::position_of(text, offset);
  return path + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column);
}

// The DOM keeps no offsets: point at the first occurrence of the item's id, else the file.
std::string where_item(const std::string& path, std::string_view text, const std::string& id) {
  const auto at = id.empty() ? std::string_view::npos : text.find("\"" + id + "\"");
  return where(path, text, at == std::string_view::npos ? 0 : at);
}

std::string string_of(const rapidjson::Value& v, const char* key) {
  if (!v.IsObject() || !v.HasMember(key) || !v[key].IsString()) return {};
  return std::string(v[key].GetString(), v[key].GetStringLength());
}

std::vector<std::string> strings_of(const rapidjson::Value& v) {
  std::vector<std::string> out;
  if (!v.IsArray()) return out;
  for (const auto& s : v.GetArray()) {
    if (s.IsString()) out.emplace_back(s.GetString(), s.GetStringLength());
  }
  return out;
}

std::optional<std::string> optional_of(const rapidjson::Value& v, const char* key) {
  auto s = string_of(v, key);
  if (s.empty()) return std::nullopt;
  return s;
}

GoldWork work_of(const rapidjson::Value& r) {
  GoldWork w;
  if (r.HasMember("authors")) w.authors = strings_of(r["authors"]);
  if (const auto org = string_of(r, "author_org"); !org.empty()) w.authors.push_back(org);
  if (r.HasMember("authors_original")) w.authors_original = strings_of(r["authors_original"]);
  w.title = optional_of(r, "title");
  w.title_original = optional_of(r, "title_original");
  w.title_romanized = optional_of(r, "title_romanized");
  w.venue = optional_of(r, "venue");
  w.venue_original = optional_of(r, "venue_original");
  w.date = optional_of(r, "date");
  w.language = optional_of(r, "language");
  w.script = optional_of(r, "script");
  return w;
}

// UTF-8 decode of one code point; U+FFFD on a broken sequence.
std::uint32_t decode(std::string_view s, std::size_t i, std::size_t* next) {
  const auto b = static_cast<unsigned char>(s[i]);
  int n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
  if (n == 0 || i + n > s.size()) {
    *next = i + 1;
    return 0xFFFD;
  }
  std::uint32_t c = n == 1 ? b : b & (0xFF >> (n + 1));
  for (int k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  *next = i + n;
  return c;
}

// The Unicode White_Space property.
bool white(std::uint32_t c) {
  return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
         c == 0x205F || c == 0x3000;
}

}  // namespace

std::string fold_white_space(std::string_view text, std::vector<std::size_t>* offsets) {
  std::string out;
  if (offsets) offsets->clear();
  bool in_space = false;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t next;
    const std::uint32_t c = decode(text, i, &next);
    if (white(c)) {
      if (!in_space) {
        out.push_back(' ');
        if (offsets) offsets->push_back(i);
      }
      in_space = true;
    } else {
      in_space = false;
      for (std::size_t k = i; k < next; ++k) {
        out.push_back(text[k]);
        if (offsets) offsets->push_back(k);
      }
    }
    i = next;
  }
  if (offsets) offsets->push_back(text.size());
  return out;
}

Gold parse_gold(const std::string& path, std::string_view bytes) {
  Gold gold;
  gold.path = path;
  rapidjson::Document d;
  d.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag>(bytes.data(),
                                                                                 bytes.size());
  if (d.HasParseError()) {
    throw GoldError(where(path, bytes, d.GetErrorOffset()) + ": error: malformed JSON: " +
                    rapidjson::GetParseError_En(d.GetParseError()));
  }
  if (!d.IsObject() || !d.HasMember("documents") || !d["documents"].IsArray()) {
    throw GoldError(path + ":1:1: error: a gold file is an object with a \"documents\" array");
  }
  for (const auto& doc : d["documents"].GetArray()) {
    GoldDocument g{string_of(doc, "id"), string_of(doc, "file")};
    if (g.id.empty() || g.file.empty()) {
      throw GoldError(where_item(path, bytes, g.id) + ": error: a document needs \"id\" and \"file\"");
    }
    gold.documents.push_back(g);
  }
  if (d.HasMember("figures") && d["figures"].IsArray()) {
    for (const auto& f : d["figures"].GetArray()) {
      GoldFigure g;
      g.id = string_of(f, "id");
      g.doc = string_of(f, "doc");
      g.quote = string_of(f, "quote");
      const auto* value = f.IsObject() && f.HasMember("value") ? &f["value"] : nullptr;
      if (g.doc.empty() || g.quote.empty() || !value || !value->IsArray() || value->Size() != 2 ||
          !(*value)[0].IsNumber() || !(*value)[1].IsNumber()) {
        throw GoldError(where_item(path, bytes, g.id) + ": error: figure \"" + g.id +
                        "\" needs \"doc\", \"quote\" and \"value\": [lo, hi]");
      }
      g.lo = (*value)[0].GetDouble();
      g.hi = (*value)[1].GetDouble();
      g.approx = f.HasMember("approx") && f["approx"].IsBool() && f["approx"].GetBool();
      if (const auto b = string_of(f, "bound"); !b.empty()) g.bound = b;
      g.unit = string_of(f, "unit");
      g.measure = string_of(f, "measure");
      g.optional = f.HasMember("optional") && f["optional"].IsBool() && f["optional"].GetBool();
      gold.figures.push_back(std::move(g));
    }
  }
  if (d.HasMember("not_figures")) {
    const auto& nf = d["not_figures"];
    const auto* items = nf.IsObject() && nf.HasMember("items") ? &nf["items"] : &nf;
    if (items->IsArray()) {
      for (const auto& item : items->GetArray()) {
        GoldNotFigure g{string_of(item, "doc"), string_of(item, "text"), std::nullopt};
        if (const auto focus = string_of(item, "focus"); !focus.empty()) g.focus = focus;
        if (!g.doc.empty() && !g.text.empty()) gold.not_figures.push_back(std::move(g));
      }
    }
  }
  if (d.HasMember("references") && d["references"].IsArray()) {
    for (const auto& r : d["references"].GetArray()) {
      GoldReference g;
      g.id = string_of(r, "id");
      g.doc = string_of(r, "doc");
      g.marker = string_of(r, "marker");
      if (g.doc.empty() || g.marker.empty()) {
        throw GoldError(where_item(path, bytes, g.id) + ": error: reference \"" + g.id +
                        "\" needs \"doc\" and \"marker\"");
      }
      if (const auto same = string_of(r, "same_work_as"); !same.empty()) g.same_work_as = same;
      g.work = work_of(r);
      if (r.HasMember("cited_in") && r["cited_in"].IsObject()) g.cited_in = work_of(r["cited_in"]);
      gold.references.push_back(std::move(g));
    }
  }
  if (d.HasMember("same_actor") && d["same_actor"].IsObject()) {
    const auto& same = d["same_actor"];
    if (same.HasMember("groups") && same["groups"].IsArray()) {
      for (const auto& group : same["groups"].GetArray()) gold.actor_groups.push_back(strings_of(group));
    }
    if (same.HasMember("distinct") && same["distinct"].IsArray()) {
      for (const auto& pair : same["distinct"].GetArray()) {
        const auto names = strings_of(pair);
        if (names.size() == 2) gold.distinct_actors.emplace_back(names[0], names[1]);
      }
    }
  }
  if (d.HasMember("conflicts") && d["conflicts"].IsArray()) {
    for (const auto& c : d["conflicts"].GetArray()) {
      GoldConflict k;
      if (c.IsObject()) {
        k.id = string_of(c, "id");
        k.kind = string_of(c, "kind");
      }
      if (k.id.empty() || (k.kind != "figure" && k.kind != "stance")) {
        throw GoldError(where_item(path, bytes, k.id) + ": error: conflict \"" + k.id +
                        "\" needs an \"id\" and a \"kind\": \"figure\" or \"stance\"");
      }
      k.required = c.HasMember("required") && c["required"].IsBool() && c["required"].GetBool();
      if (k.required) ++gold.required_conflicts;
      if (c.HasMember("sides") && c["sides"].IsArray()) {
        for (const auto& side : c["sides"].GetArray()) k.sides.push_back(strings_of(side));
      }
      if (k.kind == "figure" && k.sides.size() < 2) {
        throw GoldError(where_item(path, bytes, k.id) + ": error: figure conflict \"" + k.id +
                        "\" needs \"sides\": two arrays of figure ids or more");
      }
      k.proposition = string_of(c, "proposition");
      for (auto [key, list] : {std::pair{"for", &k.for_items}, std::pair{"against", &k.against_items}}) {
        if (!c.HasMember(key) || !c[key].IsArray()) continue;
        for (const auto& item : c[key].GetArray()) {
          if (!item.IsObject()) continue;
          GoldStanceItem it;
          it.doc = string_of(item, "doc");
          it.quote = string_of(item, "quote");
          it.claimant = string_of(item, "claimant");
          if (item.HasMember("claimant_also_accepted")) {
            it.claimant_also_accepted = strings_of(item["claimant_also_accepted"]);
          }
          list->push_back(std::move(it));
        }
      }
      gold.conflicts.push_back(std::move(k));
    }
  }
  const auto pairs = [&](const rapidjson::Value& list,
                         std::vector<std::pair<std::string, std::string>>& out) {
    if (!list.IsArray()) return;
    for (const auto& item : list.GetArray()) {
      if (!item.IsObject() || !item.HasMember("pair")) continue;
      const auto ids = strings_of(item["pair"]);
      if (ids.size() == 2) out.emplace_back(ids[0], ids[1]);
    }
  };
  if (d.HasMember("non_conflicts")) pairs(d["non_conflicts"], gold.non_conflicts);
  if (d.HasMember("possible_tensions") && d["possible_tensions"].IsObject() &&
      d["possible_tensions"].HasMember("items")) {
    pairs(d["possible_tensions"]["items"], gold.possible_tensions);
  }
  return gold;
}

}  // namespace claimgraph::query
