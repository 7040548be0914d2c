#pragma once
// Reading RapidJSON objects without RapidJSON's member iterators, whose comparisons C++20's
// rewritten operators make ambiguous (RapidJSON 1.1.0; clang's -Wambiguous-reversed-operator
// fails the build under -Werror): an object's members are an array, walked as one.

#include <rapidjson/document.h>

#include <cstring>
#include <span>
#include <type_traits>

namespace claimgraph::graph {

// The members of a JSON object (`name`, `value`), in their order.
template <typename Value>
auto members(Value& object) {
  using Member = std::remove_reference_t<decltype(*object.MemberBegin())>;
  // operator-> gives the iterator's pointer without reading through it (an empty object's
  // may be null).
  return std::span<Member>(object.MemberBegin().operator->(), object.MemberCount());
}

// The value of the first member named `key`, or null.
template <typename Value>
auto* find_member(Value& object, const char* key) {
  using Member = std::remove_reference_t<decltype(*object.MemberBegin())>;
  const std::size_t length = std::strlen(key);
  for (Member& m : members(object)) {
    if (m.name.GetStringLength() == length && std::memcmp(m.name.GetString(), key, length) == 0) {
      return &m.value;
    }
  }
  return static_cast<decltype(&object.MemberBegin()->value)>(nullptr);
}

}  // namespace claimgraph::graph
