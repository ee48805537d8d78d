#include "importer/fingerprint.h"

#include "absl/strings/str_format.h"

namespace renkei::importer {
namespace {

constexpr uint64_t kOffset = 14695981039346656037ull;
constexpr uint64_t kPrime = 1099511628211ull;

uint64_t Mix(uint64_t state, absl::string_view bytes) {
  for (unsigned char c : bytes) {
    state ^= c;
    state *= kPrime;
  }
  return state;
}

std::string Hex(uint64_t value) { return absl::StrFormat("%016x", value); }

}  // namespace

std::string HashCells(const std::vector<std::string>& cells) {
  uint64_t state = kOffset;
  for (const std::string& cell : cells) {
    state = Mix(state, cell);
    state = Mix(state, "\x1f");
  }
  return Hex(state);
}

std::string HashText(absl::string_view text) { return Hex(Mix(kOffset, text)); }

void ListFingerprint::Add(int64_t row, std::string hash, std::string written_name) {
  if (empty_) state_ = kOffset;
  empty_ = false;
  state_ = Mix(state_, hash);
  rows_[row] = Row{std::move(hash), std::move(written_name)};
}

std::string ListFingerprint::hash() const { return empty_ ? "" : Hex(state_); }

const ListFingerprint::Row* ListFingerprint::Find(int64_t row) const {
  auto it = rows_.find(row);
  return it == rows_.end() ? nullptr : &it->second;
}

}  // namespace renkei::importer
