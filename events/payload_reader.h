#pragma once
// A cereal input archive over bytes held elsewhere (a std::string_view): the payload of a
// stored event is decoded in place, from the RocksDB iterator's slice, without a stream or a
// copy. It reads exactly what cereal::PortableBinaryOutputArchive writes (events/codec.h
// Encode): a first byte saying whether the data is little-endian (1) or big-endian (0), then
// fixed-width integers in that order, strings and vectors as a u64 size then their elements,
// class versions as a u32 the first time a type is met. Data of the other endianness than the
// host's is byte-swapped, as PortableBinaryInputArchive does.
//
// Strings and vectors are bounded by the bytes left: a corrupt length fails with
// cereal::Exception instead of allocating what it claims; a bool byte other than 0 or 1 fails
// too (the same rules as codec.h's loads for PortableBinaryInputArchive).
//
// Not thread-safe; the bytes must outlive the archive.
#include <cereal/archives/portable_binary.hpp>
#include <cereal/cereal.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace cereal {

class PayloadReader : public InputArchive<PayloadReader, AllowEmptyClassElision> {
 public:
  // Reads the endianness byte; throws cereal::Exception on empty input.
  explicit PayloadReader(std::string_view bytes)
      : InputArchive<PayloadReader, AllowEmptyClassElision>(this), in_(bytes) {
    std::uint8_t stream_little_endian = 0;
    loadBinary<1>(&stream_little_endian, 1);
    swap_ = (portable_binary_detail::is_little_endian() ? 1 : 0) ^ stream_little_endian;
  }

  // Copies `size` bytes into `data`, swapping each DataSize-wide element when the bytes'
  // endianness differs from the host's.
  template <std::size_t DataSize>
  void loadBinary(void* data, std::size_t size) {
    if (size > in_.size() - at_) {
      throw Exception("Failed to read " + std::to_string(size) + " bytes from the payload; " +
                      std::to_string(in_.size() - at_) + " left");
    }
    std::memcpy(data, in_.data() + at_, size);
    at_ += size;
    if constexpr (DataSize > 1) {
      if (swap_) {
        auto* p = static_cast<std::uint8_t*>(data);
        for (std::size_t i = 0; i < size; i += DataSize) portable_binary_detail::swap_bytes<DataSize>(p + i);
      }
    }
  }

  // The next n bytes, in place; throws cereal::Exception when fewer are left.
  std::string_view Take(std::uint64_t n) {
    if (n > in_.size() - at_) {
      throw Exception("a length of " + std::to_string(n) + " runs past the payload's end (" +
                      std::to_string(in_.size() - at_) + " bytes left)");
    }
    std::string_view out = in_.substr(at_, static_cast<std::size_t>(n));
    at_ += static_cast<std::size_t>(n);
    return out;
  }
  std::size_t left() const { return in_.size() - at_; }
  // True when the input is big-endian and this host little-endian, or the reverse.
  bool swaps() const { return swap_ != 0; }

 private:
  std::string_view in_;
  std::size_t at_ = 0;
  std::uint8_t swap_ = 0;
};

template <class T>
inline typename std::enable_if<std::is_arithmetic<T>::value, void>::type CEREAL_LOAD_FUNCTION_NAME(PayloadReader& ar,
                                                                                                  T& t) {
  static_assert(!std::is_floating_point<T>::value || std::numeric_limits<T>::is_iec559,
                "Portable binary only supports IEEE 754 standardized floating point");
  ar.template loadBinary<sizeof(T)>(std::addressof(t), sizeof(t));
}

template <class Archive, class T>
inline CEREAL_ARCHIVE_RESTRICT(PayloadReader, PayloadReader)
    CEREAL_SERIALIZE_FUNCTION_NAME(Archive& ar, NameValuePair<T>& t) {
  ar(t.value);
}

template <class Archive, class T>
inline CEREAL_ARCHIVE_RESTRICT(PayloadReader, PayloadReader)
    CEREAL_SERIALIZE_FUNCTION_NAME(Archive& ar, SizeTag<T>& t) {
  ar(t.size);
}

template <class T>
inline void CEREAL_LOAD_FUNCTION_NAME(PayloadReader& ar, BinaryData<T>& bd) {
  using TT = typename std::remove_pointer<T>::type;
  ar.template loadBinary<sizeof(TT)>(bd.data, static_cast<std::size_t>(bd.size));
}

// A string: its u64 size, then its bytes, copied once into `str`.
inline void CEREAL_LOAD_FUNCTION_NAME(PayloadReader& ar, std::string& str) {
  size_type size = 0;
  ar(make_size_tag(size));
  const std::string_view bytes = ar.Take(size);
  str.assign(bytes.data(), bytes.size());
}

// A bool is one byte, 0 or 1; any other byte is a corrupt payload.
inline void CEREAL_LOAD_FUNCTION_NAME(PayloadReader& ar, bool& b) {
  std::uint8_t byte = 0;
  ar.loadBinary<1>(&byte, 1);
  if (byte > 1) throw Exception("invalid bool byte " + std::to_string(byte));
  b = byte == 1;
}

// A vector: its u64 size, then its elements, appended one by one (a corrupt size fails at the
// payload's end instead of allocating what it claims).
template <class T, class A>
inline void CEREAL_LOAD_FUNCTION_NAME(PayloadReader& ar, std::vector<T, A>& vec) {
  static_assert(!std::is_same_v<T, bool>, "std::vector<bool> is not bounded here");
  size_type size = 0;
  ar(make_size_tag(size));
  vec.clear();
  vec.reserve(static_cast<std::size_t>(std::min<size_type>(size, ar.left())));
  for (size_type i = 0; i < size; ++i) {
    vec.emplace_back();
    ar(vec.back());
  }
}

}  // namespace cereal

CEREAL_REGISTER_ARCHIVE(cereal::PayloadReader)
