#pragma once
// What one script's text of a footnote says about a work, read from its pieces by position
// (internal to ingest/): authors open it unless a title does; the title comes next; then a
// second title (when the first is romanized), the venue, and the date wherever it stands.

#include <optional>
#include <string>
#include <vector>

#include "ingest/references/reference_dates.hpp"
#include "ingest/references/reference_text.hpp"

namespace claimgraph::ingest::references {

struct Account {
  std::vector<std::string> authors;
  std::vector<std::string> organizations;  // those of `authors` that are organizations
  std::optional<std::string> title;
  std::optional<std::string> translation;  // a Latin bracket right after the title
  std::optional<std::string> venue;        // marked as one: 『』, "//", "In:"
  std::optional<std::string> date;         // ISO
  std::optional<std::string> language;     // from a note: "(in Russian)"
  std::vector<std::string> rest;           // later pieces in order: a second title, a venue
  std::string letters;                     // the text read, for its script and language
  std::vector<Account> originals;          // bracketed parts in another script

  bool empty() const {
    return authors.empty() && !title && !translation && !venue && !date && rest.empty() &&
           originals.empty();
  }
};

class AccountReader {
 public:
  AccountReader(const ReferenceWords& words, const DateFinder& dates)
      : words_(words), dates_(dates) {}

  Account read(const std::vector<Piece>& pieces) const;

 private:
  struct Item;
  std::vector<Item> items(const std::vector<Piece>& pieces, Account& a) const;
  // The text without its dates (the first goes to *date) and language notes.
  std::string without_dates(std::string text, std::optional<std::string>* date) const;
  std::string without_notes(std::string text, std::optional<std::string>* language) const;
  bool is_note(const std::string& bracket, std::optional<std::string>* language) const;
  // The text without comma-separated chunks of volume, issue and page numbers.
  std::string without_numbering(const std::string& text) const;
  bool is_numbering(const std::string& chunk) const;
  // Cuts what follows a plain title after a comma where the work appeared ("Title, Journal
  // 12(3)") and returns it without its numbers; the title keeps the rest.
  std::optional<std::string> trailing_venue(std::string& title) const;
  // An organization that wrote the work at the start of an account.
  std::optional<std::string> leading_organization(const std::string& text) const;

  const ReferenceWords& words_;
  const DateFinder& dates_;
};

// "М.: Наука" -> place "М.", venue "Наука"; a venue without "Place:" is kept whole.
void split_venue(const std::string& text, std::optional<std::string>& venue,
                 std::optional<std::string>& place);

}  // namespace claimgraph::ingest::references
