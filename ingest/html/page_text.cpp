#include "ingest/html/page_text.hpp"

#include "graph/text_case.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "ingest/text_util.hpp"

namespace claimgraph::ingest::html {
namespace {

bool is_block(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_MENU:
      return true;
    default:
      return false;
  }
}

// Elements that never hold article text.
bool is_skipped(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_LABEL:
      return true;
    default:
      return false;
  }
}

bool is_heading(GumboTag t) {
  return t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 || t == GUMBO_TAG_H4 ||
         t == GUMBO_TAG_H5 || t == GUMBO_TAG_H6;
}

// A block element whose text is one paragraph: its score goes to the container above it.
bool is_paragraph_like(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_CAPTION:
      return true;
    default:
      return is_heading(t);
  }
}


// The class and id of an element as one string of lower-case parts, each led by '-': parts
// break at spaces, punctuation, digits and a lower-to-upper case change ("PageBuilder-pageRow"
// gives "-page-builder-page-row").
std::string name_parts(const GumboNode* n) {
  std::string out;
  for (const std::string_view v : {attribute(n, "class"), attribute(n, "id")}) {
    char prev = ' ';
    for (const char c : v) {
      const bool upper = c >= 'A' && c <= 'Z';
      const bool letter =
          upper || (c >= 'a' && c <= 'z') || (static_cast<unsigned char>(c) >= 0x80);
      if (!letter) {
        prev = ' ';
        continue;
      }
      const bool lower_prev = prev >= 'a' && prev <= 'z';
      if (prev == ' ' || (upper && lower_prev)) out += '-';
      out += graph::ascii_lower(c);
      prev = c;
    }
  }
  if (!out.empty()) out += '-';
  return out;
}

// -1 furniture, +1 article container, 0 neither or both (a box named "content-with-sidebar"
// may hold the article: it is kept, and the cleaning after scoring judges what it holds).
int class_weight(const GumboNode* n, const PageLexicon& lex) {
  const std::string parts = name_parts(n);
  if (parts.empty()) return 0;
  // A dateline inside a paragraph ("<span class=dateline>KOBE – </span>A total of ...") is
  // the sentence's start; a byline or date line of its own is no body text.
  const bool inline_element = !is_block(tag_of(n));
  const bool furniture = names_any(parts, lex.furniture_names) ||
                         (!inline_element && (names_any(parts, lex.author_names) ||
                                             names_any(parts, lex.date_names)));
  const bool content = names_any(parts, lex.content_names);
  if (furniture && !content) return -1;
  return content && !furniture ? 1 : 0;
}

bool is_hidden(const GumboNode* n) {
  if (!is_element(n)) return false;
  if (gumbo_get_attribute(&n->v.element.attributes, "hidden")) return true;
  if (attribute(n, "aria-hidden") == "true") return true;
  std::string style = ascii_lower(attribute(n, "style"));
  std::erase(style, ' ');
  return style.find("display:none") != std::string::npos ||
         style.find("visibility:hidden") != std::string::npos;
}

std::size_t commas(std::string_view s) {
  std::size_t n = static_cast<std::size_t>(std::count(s.begin(), s.end(), ','));
  for (std::string_view wide : {"，", "、"}) {
    for (std::size_t at = s.find(wide); at != std::string_view::npos; at = s.find(wide, at + 1))
      ++n;
  }
  return n;
}

struct Element {
  const GumboNode* parent = nullptr;  // the nearest element above that is kept
  std::size_t chars = 0;
  std::size_t link_chars = 0;
  std::size_t commas = 0;
  std::size_t paragraphs = 0;  // blocks of 25 characters or more
  std::size_t items = 0;       // list items
  std::size_t images = 0;
  int weight = 0;
  std::size_t order = 0;  // place in the page
  double score = 0;
  bool scored = false;
  bool dropped = false;

  double link_density() const {
    return chars == 0 ? 0.0 : static_cast<double>(link_chars) / static_cast<double>(chars);
  }
};

struct RawBlock {
  TextBlock block;
  std::size_t chars = 0;
  std::size_t link_chars = 0;
};

struct Level {
  const GumboNode* node;
  const GumboNode* owner;  // nearest block element, this one included
  bool in_link;
  PartKind kind;
  const std::string* note = nullptr;  // inside a note: its label
};

// "[1]", " 12 " -> "1", "12"; "" when the text is no note label (letters and digits, at most
// four).
std::string note_label(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '[' || c == ']' || c == '(' || c == ')' || c == ' ' || c == '\n' || c == '\t')
      continue;
    const bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!alnum || out.size() >= 4) return {};
    out += c;
  }
  return out;
}

std::string plain_text(const GumboNode* n) {
  std::string out;
  walk(
      n,
      [&](const GumboNode* x) {
        if (x->type == GUMBO_NODE_TEXT) out += x->v.text.text;
        return is_element(x) || x->type == GUMBO_NODE_DOCUMENT;
      },
      [](const GumboNode*) {});
  return out;
}

// The notes markers point to: an in-page link ("#fn1") in or around a <sup>, or one whose
// rel or class says footnote, maps its target id to its label.
std::unordered_map<std::string, std::string> note_targets(const Dom& dom) {
  std::unordered_map<std::string, std::string> targets;
  std::vector<GumboTag> path;
  walk(
      dom.document(),
      [&](const GumboNode* n) {
        if (!is_element(n)) return n->type == GUMBO_NODE_DOCUMENT;
        const GumboTag t = tag_of(n);
        if (t == GUMBO_TAG_A) {
          const std::string_view href = attribute(n, "href");
          const bool in_sup = !path.empty() && path.back() == GUMBO_TAG_SUP;
          bool has_sup = false;
          for (unsigned i = 0; i < n->v.element.children.length; ++i) {
            has_sup |= tag_of(static_cast<const GumboNode*>(n->v.element.children.data[i])) ==
                       GUMBO_TAG_SUP;
          }
          const std::string rel =
              ascii_lower(attribute(n, "rel")) + " " + ascii_lower(attribute(n, "class"));
          const bool says =
              rel.find("footnote") != std::string::npos || rel.find("noteref") != std::string::npos;
          if (href.size() > 1 && href[0] == '#' && (in_sup || has_sup || says)) {
            const std::string label = note_label(plain_text(n));
            if (!label.empty()) targets.emplace(std::string(href.substr(1)), label);
          }
        }
        path.push_back(t);
        return true;
      },
      [&](const GumboNode* n) {
        if (is_element(n) && !path.empty()) path.pop_back();
      });
  return targets;
}

class Extractor {
 public:
  // `by_names`: whether class and id names count (the second try on a page whose names
  // hid its article goes without).
  Extractor(const PageLexicon& lex, bool by_names) : lex_(lex), by_names_(by_names) {}

  std::vector<TextBlock> run(const Dom& dom) {
    targets_ = note_targets(dom);
    const GumboNode* body = nullptr;
    walk(
        dom.document(), [&](const GumboNode* n) { return enter(n, body); },
        [&](const GumboNode* n) { leave(n); });
    flush();
    if (blocks_.empty()) return {};
    score();
    const GumboNode* top = top_candidate();
    if (!top) top = body;
    const auto containers = with_siblings(top);
    clean(containers);
    return select(containers);
  }

 private:
  bool enter(const GumboNode* n, const GumboNode*& body) {
    if (n->type == GUMBO_NODE_DOCUMENT) return true;
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
        n->type == GUMBO_NODE_CDATA) {
      if (!levels_.empty()) append(n);
      return false;
    }
    if (!is_element(n)) return false;
    const GumboTag t = tag_of(n);
    if (t == GUMBO_TAG_BR || t == GUMBO_TAG_HR) {
      flush();
      return false;
    }
    if (t == GUMBO_TAG_IMG) {
      if (!levels_.empty()) ++elements_[levels_.back().owner].images;
      return false;
    }
    const int weight = by_names_ ? class_weight(n, lex_) : 0;
    if (is_skipped(t) || is_hidden(n)) return false;
    // A note marker in the body: left out of the text, recorded where it stood.
    const std::string_view href = t == GUMBO_TAG_A ? attribute(n, "href") : std::string_view{};
    if (!levels_.empty() && href.size() > 1 && href[0] == '#') {
      const auto it = targets_.find(std::string(href.substr(1)));
      if (levels_.back().note) return false;  // a note's link back to its marker
      if (it != targets_.end()) {
        const Level& up = levels_.back();
        if (current_.block.owner != up.owner) {
          flush();
          current_.block.owner = up.owner;
          current_.block.kind = up.kind;
        }
        current_.block.markers.push_back(
            NoteMarker{static_cast<std::uint32_t>(current_.block.text.size()), it->second});
        return false;
      }
    }
    const bool root =
        t == GUMBO_TAG_HTML || t == GUMBO_TAG_BODY || t == GUMBO_TAG_MAIN || t == GUMBO_TAG_ARTICLE;
    if (weight < 0 && !root) return false;
    if (t == GUMBO_TAG_BODY) body = n;
    const bool block = is_block(t) || levels_.empty();
    if (block) flush();
    Level level{n, n, false, PartKind::kParagraph};
    if (!levels_.empty()) {
      const Level& up = levels_.back();
      level.in_link = up.in_link;
      level.kind = up.kind;
      level.note = up.note;
      if (!block) level.owner = up.owner;
    }
    if (t == GUMBO_TAG_A) level.in_link = true;
    if (const std::string_view id = attribute(n, "id"); !id.empty() && !targets_.empty()) {
      if (const auto it = targets_.find(std::string(id)); it != targets_.end()) {
        level.note = &it->second;
        level.kind = PartKind::kNote;
      }
    }
    if (is_heading(t)) level.kind = PartKind::kHeading;
    if (t == GUMBO_TAG_LI || t == GUMBO_TAG_DD || t == GUMBO_TAG_DT)
      level.kind = PartKind::kListItem;
    if (t == GUMBO_TAG_BLOCKQUOTE) level.kind = PartKind::kQuote;
    if (t == GUMBO_TAG_PRE) level.kind = PartKind::kPreformatted;
    if (t == GUMBO_TAG_TD || t == GUMBO_TAG_TH) level.kind = PartKind::kTableCell;
    if (t == GUMBO_TAG_FIGCAPTION || t == GUMBO_TAG_CAPTION || caption_named(n)) {
      level.kind = PartKind::kCaption;
    }
    if (by_names_ && names_any(name_parts(n), lex_.pullquote_names)) {
      level.kind = PartKind::kPullQuote;
    }
    if (block) {
      Element& e = elements_[n];
      e.order = elements_.size();
      e.parent = levels_.empty() ? nullptr : levels_.back().owner;
      e.weight = weight;
      if (t == GUMBO_TAG_LI) ++elements_[e.parent].items;
    }
    levels_.push_back(level);
    return true;
  }

  void leave(const GumboNode* n) {
    if (levels_.empty() || levels_.back().node != n) return;
    const bool block = levels_.back().owner == n;
    if (block) flush();
    levels_.pop_back();
    if (!block) return;
    const Element& e = elements_[n];
    if (e.parent == nullptr) return;
    Element& up = elements_[e.parent];
    up.chars += e.chars;
    up.link_chars += e.link_chars;
    up.commas += e.commas;
    up.paragraphs += e.paragraphs;
    up.images += e.images;
  }

  bool caption_named(const GumboNode* n) const {
    return names_any(name_parts(n), lex_.caption_names);
  }

  void append(const GumboNode* n) {
    const Level& level = levels_.back();
    if (current_.block.owner != level.owner) {
      flush();
      current_.block.owner = level.owner;
      current_.block.kind = level.kind;
    }
    if (level.note) {
      current_.block.kind = PartKind::kNote;
      current_.block.note_label = *level.note;
    }
    const std::string_view text = n->v.text.text;
    const auto page_offset = static_cast<std::uint32_t>(n->v.text.start_pos.offset);
    std::string& out = current_.block.text;
    bool piece_open = false;
    std::size_t added = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
        pending_space_ = !out.empty();
        // A new piece after a line break, so every piece lies on one line of the page.
        if (c == '\n') piece_open = false;
        continue;
      }
      if (pending_space_) {
        out += ' ';
        pending_space_ = false;
        ++added;
      }
      if (!piece_open) {
        // Decoded text may be longer than its source (a NUL becomes U+FFFD): never past it.
        const auto in_source = std::min<std::size_t>(i, n->v.text.original_text.length);
        current_.block.pieces.push_back(
            OffsetPiece{static_cast<std::uint32_t>(out.size()),
                        page_offset + static_cast<std::uint32_t>(in_source)});
        piece_open = true;
      }
      out += c;
      if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++added;
    }
    current_.chars += added;
    if (level.in_link) current_.link_chars += added;
    if (current_.block.kind == PartKind::kParagraph && level.kind != PartKind::kParagraph &&
        !level.note) {
      current_.block.kind = level.kind;
    }
  }

  void flush() {
    pending_space_ = false;
    if (current_.block.text.empty()) {
      current_ = RawBlock{};
      return;
    }
    Element& e = elements_[current_.block.owner];
    e.chars += current_.chars;
    e.link_chars += current_.link_chars;
    const std::size_t c = commas(current_.block.text);
    e.commas += c;
    if (current_.chars >= 25) ++e.paragraphs;
    blocks_.push_back(std::move(current_));
    current_ = RawBlock{};
  }

  void init(const GumboNode* n, Element& e) {
    if (e.scored) return;
    e.scored = true;
    switch (tag_of(n)) {
      case GUMBO_TAG_DIV:
      case GUMBO_TAG_ARTICLE:
      case GUMBO_TAG_MAIN:
        e.score = 5;
        break;
      case GUMBO_TAG_PRE:
      case GUMBO_TAG_TD:
      case GUMBO_TAG_BLOCKQUOTE:
        e.score = 3;
        break;
      case GUMBO_TAG_ADDRESS:
      case GUMBO_TAG_OL:
      case GUMBO_TAG_UL:
      case GUMBO_TAG_DL:
      case GUMBO_TAG_DD:
      case GUMBO_TAG_DT:
      case GUMBO_TAG_LI:
      case GUMBO_TAG_FORM:
        e.score = -3;
        break;
      case GUMBO_TAG_H1:
      case GUMBO_TAG_H2:
      case GUMBO_TAG_H3:
      case GUMBO_TAG_H4:
      case GUMBO_TAG_H5:
      case GUMBO_TAG_H6:
      case GUMBO_TAG_TH:
        e.score = -5;
        break;
      default:
        break;
    }
    e.score += 25.0 * e.weight;
  }

  void score() {
    for (const auto& b : blocks_) {
      if (b.chars < 25 || b.block.kind == PartKind::kHeading || b.block.kind == PartKind::kNote) {
        continue;
      }
      const double s = 1.0 + static_cast<double>(commas(b.block.text)) +
                       std::min<double>(static_cast<double>(b.chars / 100), 3.0);
      const GumboNode* at = b.block.owner;
      if (is_paragraph_like(tag_of(at))) at = elements_[at].parent;
      for (int level = 0; at != nullptr && level < 5; ++level) {
        Element& e = elements_[at];
        init(at, e);
        e.score += s / (level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0);
        at = e.parent;
      }
    }
  }

  const GumboNode* top_candidate() {
    const GumboNode* best = nullptr;
    double best_score = 0;
    for (auto& [n, e] : elements_) {
      if (!e.scored) continue;
      const double s = e.score * (1.0 - e.link_density());
      // Ties go to the first in the page, whatever the map's order.
      if (best == nullptr || s > best_score ||
          (s == best_score && e.order < elements_[best].order)) {
        best = n;
        best_score = s;
      }
    }
    if (!best) return nullptr;
    top_score_ = best_score;
    // A box around nothing but the top candidate is the same text with more siblings to
    // weigh: a paragraph wrapped in its own card among cards.
    for (;;) {
      const GumboNode* up = elements_[best].parent;
      if (up == nullptr || tag_of(up) == GUMBO_TAG_BODY || tag_of(up) == GUMBO_TAG_HTML) break;
      if (elements_[up].chars != elements_[best].chars) break;
      best = up;
    }
    return best;
  }

  std::unordered_set<const GumboNode*> with_siblings(const GumboNode* top) {
    std::unordered_set<const GumboNode*> chosen{top};
    const GumboNode* parent = elements_[top].parent;
    if (parent == nullptr) return chosen;
    const double threshold = std::max(10.0, top_score_ * 0.2);
    const std::string top_class(attribute(top, "class"));
    for (unsigned i = 0; i < parent->v.element.children.length; ++i) {
      const auto* c = static_cast<const GumboNode*>(parent->v.element.children.data[i]);
      if (c == top || !is_element(c)) continue;
      const auto it = elements_.find(c);
      if (it == elements_.end()) continue;
      const Element& e = it->second;
      double s = e.scored ? e.score * (1.0 - e.link_density()) : 0.0;
      if (!top_class.empty() && attribute(c, "class") == top_class) s += top_score_ * 0.2;
      bool keep = s >= threshold;
      if (!keep && tag_of(c) == GUMBO_TAG_P) {
        keep = (e.chars > 80 && e.link_density() < 0.25) || (e.chars > 0 && e.link_chars == 0);
      }
      // A sibling shaped like the top candidate (same tag and class) holding running text.
      if (!keep && tag_of(c) == tag_of(top) && attribute(c, "class") == top_class &&
          e.paragraphs > 0 && e.link_density() < 0.25 && e.weight >= 0) {
        keep = true;
      }
      if (keep) chosen.insert(c);
    }
    return chosen;
  }

  // Drops the parts of the chosen containers that read as furniture: link lists, boxes of
  // short items, image galleries.
  void clean(const std::unordered_set<const GumboNode*>& containers) {
    for (auto& [n, e] : elements_) {
      if (containers.count(n)) continue;
      const GumboTag t = tag_of(n);
      const bool box = t == GUMBO_TAG_DIV || t == GUMBO_TAG_SECTION || t == GUMBO_TAG_UL ||
                       t == GUMBO_TAG_OL || t == GUMBO_TAG_TABLE || t == GUMBO_TAG_FIGURE ||
                       t == GUMBO_TAG_DL || t == GUMBO_TAG_FORM;
      if (!box || e.commas >= 10) continue;
      const double ld = e.link_density();
      const bool list = t == GUMBO_TAG_UL || t == GUMBO_TAG_OL;
      if ((e.weight <= 0 && ld > 0.2) || (e.weight > 0 && ld > 0.5) ||
          (!list && e.items > e.paragraphs && e.paragraphs < 2) ||
          (e.images > 1 && 2 * e.paragraphs < e.images) ||
          (e.chars < 25 && e.images == 0 && e.paragraphs == 0 && t != GUMBO_TAG_DIV)) {
        e.dropped = true;
      }
    }
  }

  std::vector<TextBlock> select(const std::unordered_set<const GumboNode*>& containers) {
    std::vector<TextBlock> out;
    std::vector<TextBlock> notes;
    for (auto& b : blocks_) {
      if (b.block.kind == PartKind::kNote) {
        // A note's paragraphs are one note.
        if (!notes.empty() && notes.back().note_label == b.block.note_label) {
          auto& last = notes.back();
          const auto shift = static_cast<std::uint32_t>(last.text.size() + 1);
          last.text += ' ';
          for (const auto& p : b.block.pieces)
            last.pieces.push_back(OffsetPiece{p.offset + shift, p.page_offset});
          last.text += b.block.text;
        } else {
          notes.push_back(std::move(b.block));
        }
        continue;
      }
      bool inside = false;
      bool dropped = false;
      for (const GumboNode* at = b.block.owner; at != nullptr; at = elements_[at].parent) {
        if (containers.count(at)) {
          inside = true;
          break;
        }
        if (elements_[at].dropped) dropped = true;
      }
      if (!inside || dropped) continue;
      // A block mostly of links is a list of them, unless it is quoted (an embedded post).
      if (b.chars > 0 && 2 * b.link_chars > b.chars && b.block.kind != PartKind::kQuote) continue;
      out.push_back(std::move(b.block));
    }
    if (out.empty()) return out;  // notes without a body are no article
    for (auto& n : notes) out.push_back(std::move(n));
    return out;
  }

  const PageLexicon& lex_;
  const bool by_names_;
  std::unordered_map<std::string, std::string> targets_;  // note ids -> labels
  std::vector<Level> levels_;
  std::unordered_map<const GumboNode*, Element> elements_;
  std::vector<RawBlock> blocks_;
  RawBlock current_;
  bool pending_space_ = false;
  double top_score_ = 0;
};

}  // namespace

bool names_any(std::string_view parts, const std::vector<std::string>& words) {
  std::string key;
  for (const auto& w : words) {
    if (w.empty()) continue;
    key = '-' + w;
    if (w.size() < 5) key += '-';
    if (parts.find(key) != std::string_view::npos) return true;
  }
  return false;
}

std::vector<TextBlock> main_text(const Dom& dom, const PageLexicon& lexicon) {
  const auto size = [](const std::vector<TextBlock>& blocks) {
    std::size_t n = 0;
    for (const auto& b : blocks) n += b.text.size();
    return n;
  };
  auto blocks = Extractor(lexicon, true).run(dom);
  // Names can hide a whole article ("Page-ad-margins" around it): when little is left, a
  // try that ignores them and finds far more wins.
  if (size(blocks) < 1000) {
    auto plain = Extractor(lexicon, false).run(dom);
    if (size(plain) > 2 * size(blocks)) return plain;
  }
  return blocks;
}

}  // namespace claimgraph::ingest::html
